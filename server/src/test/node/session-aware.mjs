// Hocuspocus 4's session awareness: two stock providers open the same document over one socket
// (sessionAwareness: true, so each addresses its messages as name NUL sessionId). Both sync, see
// each other's edits and presence, and one leaving (Close for its address) leaves the other
// working. A reader on another socket sees every edit. Prints what each saw.
// Usage: node session-aware.mjs <ws://host:port> <document>
import WebSocket from 'ws'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { Y, until, yWebsocketClient } from './clients.mjs'

const [base, name] = process.argv.slice(2)
const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: WebSocket })
const open = (user) => {
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: 'guest-token', sessionAwareness: true })
  provider.attach()
  provider.setAwarenessField('user', { name: user })
  return { doc, provider, text: () => doc.getText('text').toString() }
}
const synced = (p) => until(() => p.provider.synced && !p.provider.hasUnsyncedChanges, 20000, 'sync')
const a = open('Anna')
const b = open('Ben')
await Promise.all([synced(a), synced(b)])
a.doc.getText('text').insert(0, 'Anna schreibt. ')
await until(() => b.text() === 'Anna schreibt. ', 20000, 'B sees A')
b.doc.getText('text').insert(b.text().length, 'Ben auch.')
await until(() => a.text() === 'Anna schreibt. Ben auch.', 20000, 'A sees B')
await until(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'), 20000, 'B sees Anna')
const bSawAnna = true

a.provider.destroy() // Close for A's address only
b.doc.getText('text').insert(0, 'Danach: ')
await synced(b)
const reader = yWebsocketClient(base, name)
await reader.whenSynced()
console.log(JSON.stringify({ a: a.text(), b: b.text(), reader: reader.doc.getText('text').toString(), bSawAnna, socket: socket.status }))
reader.destroy()
b.provider.destroy()
socket.destroy()
process.exit(0)
