// Builds a large document from many small updates (each within the frame limit), then checks
// that fresh clients of both protocols receive all of it in their initial sync, which is one
// message far larger than a frame (the server sends it as a fragmented WebSocket message).
// Usage: node large.mjs <ws://host:port> <document> <kibibytes>
import { hocuspocusClient, yWebsocketClient } from './clients.mjs'

const [base, name, kibArg] = process.argv.slice(2)
const writer = hocuspocusClient(base, name)
await writer.whenSynced()
const chunk = 'Glasfaser für alle. '.repeat(1600) // 32 000 characters, about 32 KiB as UTF-8
const text = writer.doc.getText('text')
while (text.length < Number(kibArg) * 1024) {
  text.insert(text.length, chunk)
  await writer.whenSynced()
}
const expected = text.length
writer.destroy()
const results = {}
for (const [protocol, make] of [['y-websocket', yWebsocketClient], ['hocuspocus', hocuspocusClient]]) {
  const c = make(base, name)
  await c.whenSynced()
  results[protocol] = c.doc.getText('text').length
  c.destroy()
}
console.log(JSON.stringify({ expected, ...results }))
process.exit(0)
