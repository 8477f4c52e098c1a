// A stock Hocuspocus provider whose token is a function, as an app that fetches short-lived
// tokens passes it: asked by the server for a fresh token shortly before its token ends, it calls
// the function again, and goes on editing past the first token's end. Prints what it saw.
// Usage: node token-renewal.mjs <ws://host:port> <document> <first token> <second token>
import WebSocket from 'ws'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { Y, sleep, until } from './clients.mjs'

const [base, name, ...tokens] = process.argv.slice(2)
let tokenCalls = 0
const failures = []
const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: WebSocket })
const doc = new Y.Doc()
const provider = new HocuspocusProvider({
  websocketProvider: socket,
  name,
  document: doc,
  token: async () => tokens[Math.min(tokenCalls++, tokens.length - 1)]
})
provider.on('authenticationFailed', ({ reason }) => failures.push(reason))
provider.attach()
await until(() => provider.synced && provider.isAuthenticated, 30000, 'first sync')
doc.getText('text').insert(0, 'vorher ')
await until(() => !provider.hasUnsyncedChanges, 20000, 'first edit acknowledged')

// The test moves the server's clock near the first token's end; the server asks, the provider
// calls the function again; right after taking the fresh token the test moves the clock past
// the first token's end. Edits go on meanwhile and after.
await until(() => tokenCalls >= 2, 60000, 'the server asking for a fresh token')
let acked = 0
const end = Date.now() + 3000
while (Date.now() < end && failures.length === 0) {
  doc.getText('text').insert(0, 'x')
  await until(() => !provider.hasUnsyncedChanges || failures.length > 0, 20000, 'edit acknowledged')
  if (failures.length === 0) acked++
  await sleep(200)
}
console.log(JSON.stringify({ tokenCalls, failures, acked, status: socket.status, authenticated: provider.isAuthenticated }))
provider.destroy()
socket.destroy()
process.exit(0)
