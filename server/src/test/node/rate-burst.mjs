// A y-websocket client sends a burst of 1,000 one-character edits, over the per-connection burst
// allowance: it is closed for the rate, and must come back on its own and deliver every edit (the
// stock 3.x provider gives up for good on codes 4400-4499).
// Usage: node rate-burst.mjs <ws://host:port> <document>
import { yWebsocketClient } from './clients.mjs'

const [base, name] = process.argv.slice(2)
const writer = yWebsocketClient(base, name)
const codes = []
writer.provider.on('connection-close', (event) => codes.push(event ? event.code : 'local'))
await writer.whenSynced()
const text = writer.doc.getText('text')
for (let i = 0; i < 1000; i++) text.insert(text.length, 'x')
let seen = 0
const end = Date.now() + 60000
while (seen !== 1000 && Date.now() < end) {
  const reader = yWebsocketClient(base, name)
  await reader.whenSynced()
  seen = reader.doc.getText('text').length
  reader.destroy()
  if (seen !== 1000) await new Promise((resolve) => setTimeout(resolve, 500))
}
console.log(JSON.stringify({ seen, codes, reconnecting: writer.provider.shouldConnect }))
process.exit(0)
