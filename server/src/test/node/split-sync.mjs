// A document larger than the server's MAX_MESSAGE_BYTES, written in small updates, and editors
// present whose awareness states together are larger too; then fresh stock clients of both
// protocols sync it through sockets that refuse any message over the limit (ws maxPayload),
// counting what arrives, when the provider reports 'synced' and which editors they see.
// Usage: node split-sync.mjs <ws://host:port> <document> <kibibytes> <maxMessageBytes> <editors>
import { hocuspocusClient, Y, sleep, until } from './clients.mjs'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'

const [base, name, kibArg, limitArg, editorsArg] = process.argv.slice(2)
const limit = Number(limitArg)
const editorNames = Array.from({ length: Number(editorsArg) }, (_, i) => `editor-${i}-` + 'ä'.repeat(3000))

const writer = hocuspocusClient(base, name)
await writer.whenSynced()
const chunk = 'Glasfaser für alle. '.repeat(1600) // 32 000 characters: each update far below the limit
const text = writer.doc.getText('text')
const map = writer.doc.getMap('map')
let round = 0
while (text.length < Number(kibArg) * 1024) {
  writer.doc.transact(() => {
    text.insert(text.length, chunk)
    map.set(`k${round}`, { round, note: 'x'.repeat(100) })
  })
  round++
  await writer.whenSynced()
}
const expected = { text: text.toString(), map: map.toJSON(), sv: Buffer.from(Y.encodeStateVector(writer.doc)).toString('base64') }
writer.destroy()

// Set now, not before the document: their renewals (every 15 s) must not be what a fresh
// client sees them by; the first editor waits until it has heard all of them from the server.
const editors = []
for (const editorName of editorNames) {
  const e = hocuspocusClient(base, name)
  await e.whenSynced()
  e.provider.awareness.setLocalState({ name: editorName })
  editors.push(e)
}
await until(() => editorNames.every((n) => [...editors[0].provider.awareness.getStates().values()]
  .some((st) => st?.name === n)), 20000, 'every editor present')

/** A ws client that fails on any message over the limit and records the sizes it received. */
function limitedSocket (stats) {
  return class extends WebSocket {
    constructor (url, protocols) {
      super(url, protocols, { maxPayload: limit })
      this.on('message', (data) => {
        stats.messages++
        // y-websocket asks for ArrayBuffers, Hocuspocus gets Buffers: byteLength covers both
        stats.maxMessage = Math.max(stats.maxMessage, data.byteLength)
      })
      this.on('close', (code) => { if (code === 1009) stats.tooBig++ })
    }
  }
}

async function fresh (protocol) {
  const stats = { messages: 0, maxMessage: 0, tooBig: 0, syncedEvents: 0, textAtSynced: -1 }
  const doc = new Y.Doc()
  const Polyfill = limitedSocket(stats)
  let provider, close
  const onSynced = () => {
    stats.syncedEvents++
    if (stats.textAtSynced < 0) stats.textAtSynced = doc.getText('text').length
  }
  if (protocol === 'y-websocket') {
    provider = new WebsocketProvider(`${base}/ws`, name, doc, { WebSocketPolyfill: Polyfill, disableBc: true })
    provider.on('synced', (state) => { if (state) onSynced() })
    await until(() => provider.synced, 60000, 'y-websocket synced')
    close = () => provider.destroy()
  } else {
    const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: Polyfill })
    provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: 'guest-token' })
    provider.on('synced', ({ state }) => { if (state) onSynced() })
    provider.attach()
    await until(() => provider.synced, 60000, 'hocuspocus synced')
    close = () => { provider.destroy(); socket.destroy() }
  }
  await sleep(1000) // a second 'synced' (a later step 2) would show up here
  const seen = new Set([...provider.awareness.getStates().values()].map((st) => st?.name))
  const result = {
    ...stats,
    editorsSeen: editorNames.filter((n) => seen.has(n)).length,
    textEqual: doc.getText('text').toString() === expected.text,
    textLength: doc.getText('text').length,
    mapEqual: JSON.stringify(doc.getMap('map').toJSON()) === JSON.stringify(expected.map),
    svEqual: Buffer.from(Y.encodeStateVector(doc)).toString('base64') === expected.sv
  }
  close()
  return result
}

const out = { expectedLength: expected.text.length }
// Hocuspocus first: a y-websocket provider sends back every state it receives, and all guests
// are one actor here, so its connection takes the editors' clientIDs over and its leaving
// announces them gone.
out.hocuspocus = await fresh('hocuspocus')
out['y-websocket'] = await fresh('y-websocket')
editors.forEach((e) => e.destroy())
console.log(JSON.stringify(out))
process.exit(0)
