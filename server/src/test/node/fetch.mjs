// A fresh client syncs a document and prints what it received as JSON.
// Usage: node fetch.mjs <ws://host:port> <document> <y-websocket|hocuspocus> [token]
import { yWebsocketClient, hocuspocusClient, snapshotOf } from './clients.mjs'

const [base, name, protocol, token] = process.argv.slice(2)
const c = protocol === 'hocuspocus'
  ? (token ? hocuspocusClient(base, name, undefined, null, token) : hocuspocusClient(base, name))
  : yWebsocketClient(base, name, undefined, token ? { token } : {})
await c.whenSynced()
console.log(JSON.stringify({ snapshot: snapshotOf(c.doc) }))
c.destroy()
process.exit(0)
