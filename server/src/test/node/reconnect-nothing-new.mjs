// Clients that reconnect with nothing new send the document's delete set as their step 2. A
// read-only Hocuspocus provider must count as synced afterwards, a read-only y-websocket client
// must not be told "permission denied", and a writer's reconnects must not be logged.
// Usage: node reconnect-nothing-new.mjs <ws://host:port> <document>   (server with TokenAuth)
import { hocuspocusClient, sleep, until, yWebsocketClient } from './clients.mjs'

const [base, name] = process.argv.slice(2)
const denied = []
const warn = console.warn
console.warn = (...args) => { if (String(args[0]).includes('Permission denied')) denied.push(String(args[0])); else warn(...args) }

const writer = hocuspocusClient(base, name, undefined, null, 'writer')
await writer.whenSynced()
writer.doc.getText('text').insert(0, 'abcdefghij')
await writer.whenSynced()
writer.doc.getText('text').delete(2, 3)
await writer.whenSynced()

const reader = hocuspocusClient(base, name, undefined, null, 'reader-hp')
await reader.whenSynced()
await reader.disconnect()
reader.connect()
await until(() => reader.provider.synced && reader.socket.status === 'connected', 20000, 'reader reconnect')
await sleep(1000)
const readerUnsynced = reader.provider.hasUnsyncedChanges

const guest = yWebsocketClient(base, name, undefined, { token: 'reader-yws' })
await guest.whenSynced()
await guest.disconnect()
guest.connect()
await guest.whenSynced()
await sleep(1000)

for (let i = 0; i < 3; i++) {
  await writer.disconnect()
  writer.connect()
  await writer.whenSynced()
}
console.log(JSON.stringify({ readerUnsynced, readerText: reader.doc.getText('text').toString(), denied: denied.length }))
process.exit(0)
