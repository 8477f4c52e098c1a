// A y-websocket connection that stops reading while a writer produces megabytes of updates:
// the server must drop it (send queue cap) instead of buffering without end; the writer keeps
// being acknowledged throughout.
// Usage: node slow-reader.mjs <ws://host:port> <document> <megabytes> [hold seconds]
// With hold seconds, the reader stays paused that long after the writer is done (the server
// must close its socket meanwhile, not wait for it to read).
import WebSocket from 'ws'
import { hocuspocusClient, sleep } from './clients.mjs'

const [base, name, mbArg, holdArg] = process.argv.slice(2)
const slow = new WebSocket(`${base}/ws/${name}`)
slow.on('error', () => {})
await new Promise((resolve) => slow.on('open', resolve))
await sleep(200)
slow._socket.pause() // stop reading: the kernel buffers fill, then the server's queue
const writer = hocuspocusClient(base, name)
await writer.whenSynced()
const chunk = 'x'.repeat(60 * 1000)
const rounds = Math.ceil(Number(mbArg) * 1e6 / chunk.length)
for (let i = 0; i < rounds; i++) {
  writer.doc.getText('text').insert(0, chunk)
  if (i % 20 === 19) await writer.whenSynced() // stay under the writer's own rate limit
}
await writer.whenSynced()
const acked = !writer.provider.hasUnsyncedChanges
writer.destroy()
await sleep(Number(holdArg ?? 0) * 1000)
slow.terminate()
console.log(JSON.stringify({ writerAcknowledged: acked, rounds }))
process.exit(0)
