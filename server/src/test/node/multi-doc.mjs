// Two documents over one Hocuspocus socket: both sync, both accept edits, and a third document
// closed by its provider (Close message) leaves the others working.
// Usage: node multi-doc.mjs <ws://host:port> <documentPrefix>
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { hocuspocusClient, yWebsocketClient } from './clients.mjs'

const [base, prefix] = process.argv.slice(2)
const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: WebSocket })
const a = hocuspocusClient(base, `${prefix}-a`, undefined, socket)
const b = hocuspocusClient(base, `${prefix}-b`, undefined, socket)
const c = hocuspocusClient(base, `${prefix}-c`, undefined, socket)
await Promise.all([a.whenSynced(), b.whenSynced(), c.whenSynced()])
c.provider.destroy() // detaches: sends Close for this document only
a.doc.getText('text').insert(0, 'Dokument A')
b.doc.getText('text').insert(0, 'Dokument B')
await Promise.all([a.whenSynced(), b.whenSynced()])
const seen = {}
for (const n of ['a', 'b']) {
  const fresh = yWebsocketClient(base, `${prefix}-${n}`)
  await fresh.whenSynced()
  seen[n] = fresh.doc.getText('text').toString()
  fresh.destroy()
}
console.log(JSON.stringify(seen))
process.exit(0)
