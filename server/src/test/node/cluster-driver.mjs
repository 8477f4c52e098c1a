// Drives real Yjs clients (y-websocket and Hocuspocus providers) for the multi-node tests, one
// JSON command per stdin line, one JSON answer per stdout line carrying the command's tag.
// Commands run concurrently, so a test can stop a server while a client is typing.
//   open     {id, base, doc, protocol: 'y-websocket'|'hocuspocus', token?}  → synced
//   type     {id, prefix, n, delayMs?, failover?}  pushes prefix-0..n-1 to the array 'acked'; an
//            entry counts as acknowledged once the server confirmed it (Hocuspocus SyncStatus).
//            When the node stops answering: move between its base and `failover` (same Y.Doc,
//            so unacknowledged entries are resent) or, without one, stop and report the rest as
//            pending. Stops early on `stop`.
//   stop     {id}                                 ends a running `type` after its current entry
//   push     {id, prefix, n, delayMs?}             like type without waiting for acknowledgements
//            (y-websocket has none): the test checks the entries arrive everywhere
//   move     {id, base}                           same Y.Doc through a new provider on `base`
//   state    {id}                                 → {list, text}
//   waitFor  {id, entries}                        until every entry is in the list (20 s)
//   present  {id, name}                           sets the client's awareness state {name}
//   sees     {id, name}                           until another client's awareness has that name (20 s)
//   closes   {id}                                 → {codes}: close codes the client's sockets saw
//   close    {id};  exit {}
// Usage: node cluster-driver.mjs
import readline from 'node:readline'
import { Y, yWebsocketClient, hocuspocusClient, snapshotOf, sleep, until } from './clients.mjs'

const clients = new Map()
const closeCodes = new Map() // id → codes, across moves
const stopping = new Set()
const ACK_TIMEOUT_MS = 3000
const MAX_MOVES = 6

function connect (cmd, doc = new Y.Doc()) {
  const c = cmd.protocol === 'y-websocket'
    ? yWebsocketClient(cmd.base, cmd.doc, doc, cmd.token ? { token: cmd.token } : {})
    : hocuspocusClient(cmd.base, cmd.doc, doc, null, cmd.token ?? 'guest-token')
  clients.set(cmd.id, { ...cmd, client: c })
  if (!closeCodes.has(cmd.id)) closeCodes.set(cmd.id, [])
  if (c.socket) c.socket.on('close', ({ event }) => closeCodes.get(cmd.id).push(event?.code ?? -1))
  return c
}

const acknowledged = (c) => c.provider.synced && !c.provider.hasUnsyncedChanges && c.socket.status === 'connected'
const lost = (c) => c.socket.status !== 'connected'

async function move (id, base) {
  const entry = clients.get(id)
  entry.client.destroy()
  const c = connect({ ...entry, base }, entry.client.doc)
  await c.whenSynced()
  return c
}

async function type (cmd) {
  let c = clients.get(cmd.id).client
  const home = clients.get(cmd.id).base
  const list = c.doc.getArray('acked')
  const acked = []
  let pending = []
  let moves = 0
  for (let i = 0; i < cmd.n && !stopping.delete(cmd.id); i++) {
    const entry = `${cmd.prefix}-${i}`
    list.push([entry])
    pending.push(entry)
    try {
      await until(() => acknowledged(c) || lost(c), ACK_TIMEOUT_MS, 'acknowledgement')
      if (lost(c)) throw new Error('connection lost')
      acked.push(...pending)
      pending = []
    } catch {
      if (!cmd.failover || moves >= MAX_MOVES) break
      const next = clients.get(cmd.id).base === home ? cmd.failover : home
      c = await move(cmd.id, next) // resends everything not acknowledged; synced = acknowledged
      moves++
      acked.push(...pending)
      pending = []
    }
    if (cmd.delayMs) await sleep(cmd.delayMs)
  }
  return { acked, pending, moves }
}

async function handle (cmd) {
  switch (cmd.op) {
    case 'open': await connect(cmd).whenSynced(); return {}
    case 'type': return type(cmd)
    case 'push': {
      const list = clients.get(cmd.id).client.doc.getArray('acked')
      for (let i = 0; i < cmd.n; i++) {
        list.push([`${cmd.prefix}-${i}`])
        if (cmd.delayMs) await sleep(cmd.delayMs)
      }
      return {}
    }
    case 'move': await move(cmd.id, cmd.base); return {}
    case 'stop': stopping.add(cmd.id); return {}
    case 'state': {
      const s = snapshotOf(clients.get(cmd.id).client.doc)
      return { list: s.list, text: s.text }
    }
    case 'waitFor': {
      const list = clients.get(cmd.id).client.doc.getArray('acked')
      await until(() => { const have = new Set(list.toJSON()); return cmd.entries.every((e) => have.has(e)) },
        20000, `entries on ${cmd.id}`)
      return {}
    }
    case 'present': clients.get(cmd.id).client.provider.awareness.setLocalState({ name: cmd.name }); return {}
    case 'sees': {
      const awareness = clients.get(cmd.id).client.provider.awareness
      await until(() => [...awareness.getStates().entries()].some(([id, st]) =>
        id !== awareness.clientID && st?.name === cmd.name), 20000, `${cmd.name} in ${cmd.id}'s awareness`)
      return {}
    }
    case 'closes': return { codes: closeCodes.get(cmd.id) ?? [] }
    case 'close': clients.get(cmd.id).client.destroy(); clients.delete(cmd.id); return {}
    case 'exit': setTimeout(() => process.exit(0), 10); return {}
    default: throw new Error('unknown op ' + cmd.op)
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const cmd = JSON.parse(line)
  handle(cmd).then(
    (r) => console.log(JSON.stringify({ tag: cmd.tag, ok: true, ...r })),
    (e) => console.log(JSON.stringify({ tag: cmd.tag, ok: false, error: String(e?.message ?? e) })))
})
