// A stock client sends what a browser sends, each message as one WebSocket frame: a paste of
// 100,000 characters (one update of about 100 KB), then every other character of its second half
// deleted (a delete set of 25,000 ranges, about 100 KB), then it reconnects (its sync step 2 carries the whole delete set again) and types a
// word. Prints what a fresh reader sees and the close codes the writer saw.
// Usage: node large-edit.mjs <ws://host:port> <document> <y-websocket|hocuspocus> [token]
import { hocuspocusClient, yWebsocketClient } from './clients.mjs'

const [base, name, protocol, token = 'writer-token'] = process.argv.slice(2)
const open = (n) => protocol === 'hocuspocus' ? hocuspocusClient(base, n, undefined, null, token) : yWebsocketClient(base, n, undefined, { token })
const t0 = Date.now()
const log = (what) => process.stderr.write(`${Date.now() - t0} ms: ${what}\n`)
const writer = open(name)
const closes = []
if (protocol === 'hocuspocus') {
  writer.socket.on('close', ({ event }) => closes.push(event.code))
} else {
  writer.provider.on('connection-close', (event) => closes.push(event?.code))
}
await writer.whenSynced()
const text = writer.doc.getText('text')
const letters = 'abcdefghijklmnopqrstuvwxyz'
let paste = ''
for (let i = 0; i < 100000; i++) paste += letters[(i * 7) % 26]
text.insert(0, paste)
log('pasted')
await seen(100000)
log('paste seen')
writer.doc.transact(() => {
  for (let i = 99999; i >= 50000; i -= 2) text.delete(i, 1) // from the end: fast in Yjs
})
log('deleted')
await seen(75000)
log('deletion seen')
await writer.disconnect()
writer.connect()
await writer.whenSynced()
log('reconnected')
text.insert(text.length, ' Ende')
await seen(75005)
log('end seen')
const fresh = open(name)
await fresh.whenSynced()
const result = fresh.doc.getText('text').toString()
// One close is the writer's own disconnect; any other is the server refusing what it sent.
console.log(JSON.stringify({ length: result.length, endsWith: result.slice(-5), closes }))
process.exit(0)

/** Until a reader that opens the document now sees `length` characters. */
async function seen (length) {
  const end = Date.now() + 60000
  while (Date.now() < end) {
    const reader = open(name)
    await reader.whenSynced()
    const n = reader.doc.getText('text').length
    reader.destroy()
    if (n === length) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`a reader never saw ${length} characters; the writer saw closes ${JSON.stringify(closes)}`)
}
