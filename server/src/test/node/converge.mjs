// Several real clients (alternating y-websocket and Hocuspocus) edit text, map and XML of one
// document concurrently, some of them while disconnected; prints the converged state as JSON.
// Usage: node converge.mjs <ws://host:port> <document> <seed> <clients> <rounds>
import { Y, yWebsocketClient, hocuspocusClient, snapshotOf, sleep, until } from './clients.mjs'

const [base, name, seedArg, clientsArg, roundsArg] = process.argv.slice(2)
let seed = Number(seedArg) >>> 0
const random = () => { // mulberry32: reproducible from the seed the test prints
  seed = (seed + 0x6D2B79F5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (n) => Math.floor(random() * n)
const WORDS = ['Glasfaser ', 'Datenschutz ', 'Bürger*innen ', 'offen ', 'Rathaus ', 'ÄÖÜß ', 'Smart City ']

const clients = []
for (let i = 0; i < Number(clientsArg); i++) {
  clients.push(i % 2 === 0 ? yWebsocketClient(base, name) : hocuspocusClient(base, name))
}
await Promise.all(clients.map((c) => c.whenSynced()))

function edit (doc) {
  const op = pick(6)
  const text = doc.getText('text')
  if (op <= 1) {
    text.insert(pick(text.length + 1), WORDS[pick(WORDS.length)])
  } else if (op === 2 && text.length > 0) {
    const at = pick(text.length)
    text.delete(at, Math.min(1 + pick(4), text.length - at))
  } else if (op === 3) {
    doc.getMap('map').set('k' + pick(5), pick(1000))
  } else {
    const xml = doc.getXmlFragment('default')
    if (op === 5 && xml.length > 2) {
      xml.delete(pick(xml.length), 1)
    } else {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(WORDS[pick(WORDS.length)])])
      xml.insert(pick(xml.length + 1), [p])
    }
  }
}

const rounds = Number(roundsArg)
for (let r = 0; r < rounds; r++) {
  const offline = r % 3 === 1 ? pick(clients.length) : -1
  if (offline >= 0) await clients[offline].disconnect()
  for (const c of clients) {
    for (let k = 0; k < 3; k++) edit(c.doc)
  }
  await sleep(30)
  if (offline >= 0) {
    for (let k = 0; k < 3; k++) edit(clients[offline].doc) // offline work
    clients[offline].connect()
  }
}
// On a timeout, what each client holds next to a fresh client's copy of the server's state:
// state vectors, pending structs, unacknowledged changes, whether the content matches; no content.
async function diagnose (error) {
  const fresh = yWebsocketClient(base, name)
  await fresh.whenSynced().catch(() => {})
  await sleep(500)
  const picture = (doc) => ({
    sv: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))),
    pendingStructs: doc.store.pendingStructs !== null,
    pendingDeletes: doc.store.pendingDs !== null
  })
  const server = JSON.stringify(snapshotOf(fresh.doc))
  console.error(JSON.stringify({
    server: picture(fresh.doc),
    clients: clients.map((c, i) => ({
      protocol: i % 2 === 0 ? 'y-websocket' : 'hocuspocus',
      synced: c.provider.synced,
      unacknowledged: c.provider.unsyncedChanges,
      sameContentAsServer: JSON.stringify(snapshotOf(c.doc)) === server,
      ...picture(c.doc)
    }))
  }))
  throw error
}

await Promise.all(clients.map((c) => c.whenSynced())).catch(diagnose)
const same = () => {
  const first = JSON.stringify(snapshotOf(clients[0].doc))
  return clients.every((c) => JSON.stringify(snapshotOf(c.doc)) === first)
}
await until(same, 30000, 'clients to converge').catch(diagnose)
// Hocuspocus clients report acknowledgement of each update; y-websocket clients give none, so
// leave time for their last messages to commit before disconnecting.
await Promise.all(clients.map((c) => c.whenSynced()))
await sleep(300)
console.log(JSON.stringify({ snapshot: snapshotOf(clients[0].doc), clients: clients.length }))
clients.forEach((c) => c.destroy())
process.exit(0)
