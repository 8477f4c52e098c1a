// Makes numbered edits through Hocuspocus and waits until the server acknowledged each one
// (SyncStatus after commit); prints how many were acknowledged. Used by the crash test.
// Usage: node edit-acked.mjs <ws://host:port> <document> <count> [token]
import { hocuspocusClient } from './clients.mjs'

const [base, name, countArg, token] = process.argv.slice(2)
const c = token ? hocuspocusClient(base, name, undefined, null, token) : hocuspocusClient(base, name)
await c.whenSynced()
const list = c.doc.getArray('acked')
for (let i = 0; i < Number(countArg); i++) {
  list.push(['edit-' + i])
  await c.whenSynced()
}
console.log(JSON.stringify({ acked: list.length }))
process.exit(0)
