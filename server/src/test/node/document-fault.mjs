// A fault in one document closes that document alone: two stock providers share one socket and
// one of them grows its document past the server's MAX_DOCUMENT_BYTES. The server closes that
// document (a Close message whose reason begins with the close code); the other document on the
// same socket goes on syncing. Prints what each side saw.
// Usage: node document-fault.mjs <ws://host:port> <document a> <document b> <characters per insert in b>
// (each insert one message: under MAX_FRAME_BYTES; b grows by them until the server closes it)
import WebSocket from 'ws'
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { hocuspocusClient, until } from './clients.mjs'

const [base, docA, docB, charsArg] = process.argv.slice(2)
const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: WebSocket })
let socketCloses = 0
socket.on('close', () => socketCloses++)
const a = hocuspocusClient(base, docA, undefined, socket)
const b = hocuspocusClient(base, docB, undefined, socket)
await a.whenSynced()
await b.whenSynced()

let closed = null
b.provider.on('close', ({ event }) => { closed ??= event })
let inserts = 0
while (closed === null && inserts < 100) {
  b.doc.getText('text').insert(0, 'x'.repeat(Number(charsArg)))
  inserts++
  await until(() => closed !== null || !b.provider.hasUnsyncedChanges, 20000, 'an insert acknowledged or refused')
}
if (closed === null) throw new Error('document b was never closed')

a.doc.getText('text').insert(0, 'still-here')
await a.whenSynced()
// Another client sees the edit of document a: the shared socket still carries it.
const reader = hocuspocusClient(base, docA)
await until(() => reader.doc.getText('text').toString() === 'still-here', 20000, 'the edit of document a elsewhere')

console.log(JSON.stringify({
  reason: closed.reason,
  inserts,
  socketCloses,
  socketStatus: socket.status,
  bSynced: b.provider.synced,
  readerText: reader.doc.getText('text').toString()
}))
reader.destroy()
a.destroy()
b.destroy()
socket.destroy()
process.exit(0)
