import { yWebsocketClient, hocuspocusClient, snapshotOf, until } from './clients.mjs'
const base = process.argv[2]
const a = yWebsocketClient(base, 'smoke')
const b = hocuspocusClient(base, 'smoke')
await a.whenSynced(); await b.whenSynced()
a.doc.getText('text').insert(0, 'hello from y-websocket ')
b.doc.getText('text').insert(0, 'hello from hocuspocus ')
await until(() => JSON.stringify(snapshotOf(a.doc)) === JSON.stringify(snapshotOf(b.doc)), 10000, 'converge')
console.log(JSON.stringify(snapshotOf(a.doc)))
const c = yWebsocketClient(base, 'spd-kassel-2021-digitalisierung')
await c.whenSynced()
console.log(c.doc.getXmlFragment('default').toString().slice(0, 300))
a.destroy(); b.destroy(); c.destroy()
process.exit(0)
