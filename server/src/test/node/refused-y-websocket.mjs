// A stock y-websocket provider refused for good (a document name that is not valid, a token that
// does not verify) must learn it, not retry for ever: it gives up on close codes 4400-4499 only.
// Prints, per case, the terminal close code (null: none) and how many times it tried again.
// Usage: node refused-y-websocket.mjs <ws://host:port> <validDocument>
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { sleep } from './clients.mjs'

const [base, doc] = process.argv.slice(2)
const cases = { 'bad-name': ['x'.repeat(200), {}], 'bad-token': [doc, { token: 'not-a-token' }] }
const out = {}
for (const [label, [name, params]] of Object.entries(cases)) {
  const provider = new WebsocketProvider(`${base}/ws`, name, new Y.Doc(), { WebSocketPolyfill: WebSocket, disableBc: true, params })
  let retries = 0 // the first 'connecting' is emitted in the constructor, before this listener
  let closed = null
  provider.on('status', ({ status }) => { if (status === 'connecting') retries++ })
  provider.on('connection-error', () => {})
  provider.on('closed', (event) => { closed = event.code })
  await sleep(6000)
  out[label] = { closed, retries, retrying: provider.shouldConnect }
  provider.destroy()
}
console.log(JSON.stringify(out))
process.exit(0)
