// Two stock providers on one socket; the token function of the second throws, so it never sends
// Auth but keeps sending sync and presence. The first must stay connected and synced past the
// server's auth timeout; the second is closed alone.
// Usage: node token-throws.mjs <ws://host:port> <healthyDocument> <brokenDocument> <seconds>
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { hocuspocusClient, sleep } from './clients.mjs'

const [base, healthyName, brokenName, secondsArg] = process.argv.slice(2)
const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: WebSocket })
let socketCloses = 0
socket.on('close', () => { socketCloses++ })
const healthy = hocuspocusClient(base, healthyName, undefined, socket, 'writer')
await healthy.whenSynced()
let brokenClose = null
const broken = new HocuspocusProvider({
  websocketProvider: socket,
  name: brokenName,
  document: new Y.Doc(),
  token: async () => { throw new Error('token service down') },
  onClose: ({ event }) => { brokenClose = event?.reason ?? null },
  onAuthenticationFailed: () => {}
})
broken.attach()
await sleep(Number(secondsArg) * 1000)
healthy.doc.getText('text').insert(0, 'noch da')
await healthy.whenSynced()
console.log(JSON.stringify({ socketCloses, healthySynced: healthy.provider.synced && !healthy.provider.hasUnsyncedChanges, brokenClose }))
process.exit(0)
