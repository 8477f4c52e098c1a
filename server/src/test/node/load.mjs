// Load generator (not a test): N Hocuspocus clients each make M small edits as fast as they
// can, without waiting for acknowledgements; reports acknowledged updates per second.
// Usage: node load.mjs <ws://host:port> <document> <clients> <updatesPerClient>
import { hocuspocusClient, until } from './clients.mjs'

const [base, name, clientsArg, perClientArg] = process.argv.slice(2)
const clients = Array.from({ length: Number(clientsArg) }, () => hocuspocusClient(base, name))
await Promise.all(clients.map((c) => c.whenSynced()))
const started = performance.now()
for (let i = 0; i < Number(perClientArg); i++) {
  for (const c of clients) c.doc.getText('text').insert(0, 'x')
}
await until(() => clients.every((c) => !c.provider.hasUnsyncedChanges), 300000, 'all acknowledged')
const seconds = (performance.now() - started) / 1000
const updates = Number(clientsArg) * Number(perClientArg)
console.log(JSON.stringify({ updates, seconds: Number(seconds.toFixed(3)), updatesPerSecond: Math.round(updates / seconds) }))
clients.forEach((c) => c.destroy())
process.exit(0)
