// A document larger than the server's MAX_MESSAGE_BYTES, written in small updates; then fresh
// stock clients of both protocols sync it through sockets that refuse any message over the
// limit (ws maxPayload), counting what arrives and when the provider reports 'synced'.
// Usage: node split-sync.mjs <ws://host:port> <document> <kibibytes> <maxMessageBytes>
import { hocuspocusClient, Y, sleep, until } from './clients.mjs'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'

const [base, name, kibArg, limitArg] = process.argv.slice(2)
const limit = Number(limitArg)

const writer = hocuspocusClient(base, name)
await writer.whenSynced()
const chunk = 'Glasfaser für alle. '.repeat(1600) // 32 000 characters: each update far below the limit
const text = writer.doc.getText('text')
const map = writer.doc.getMap('map')
let round = 0
while (text.length < Number(kibArg) * 1024) {
  writer.doc.transact(() => {
    text.insert(text.length, chunk)
    map.set(`k${round}`, { round, note: 'x'.repeat(100) })
  })
  round++
  await writer.whenSynced()
}
const expected = { text: text.toString(), map: map.toJSON(), sv: Buffer.from(Y.encodeStateVector(writer.doc)).toString('base64') }
writer.destroy()

/** A ws client that fails on any message over the limit and records the sizes it received. */
function limitedSocket (stats) {
  return class extends WebSocket {
    constructor (url, protocols) {
      super(url, protocols, { maxPayload: limit })
      this.on('message', (data) => {
        stats.messages++
        // y-websocket asks for ArrayBuffers, Hocuspocus gets Buffers: byteLength covers both
        stats.maxMessage = Math.max(stats.maxMessage, data.byteLength)
      })
      this.on('close', (code) => { if (code === 1009) stats.tooBig++ })
    }
  }
}

async function fresh (protocol) {
  const stats = { messages: 0, maxMessage: 0, tooBig: 0, syncedEvents: 0, textAtSynced: -1 }
  const doc = new Y.Doc()
  const Polyfill = limitedSocket(stats)
  let provider, close
  const onSynced = () => {
    stats.syncedEvents++
    if (stats.textAtSynced < 0) stats.textAtSynced = doc.getText('text').length
  }
  if (protocol === 'y-websocket') {
    provider = new WebsocketProvider(`${base}/ws`, name, doc, { WebSocketPolyfill: Polyfill, disableBc: true })
    provider.on('synced', (state) => { if (state) onSynced() })
    await until(() => provider.synced, 60000, 'y-websocket synced')
    close = () => provider.destroy()
  } else {
    const socket = new HocuspocusProviderWebsocket({ url: `${base}/collab`, WebSocketPolyfill: Polyfill })
    provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: 'guest-token' })
    provider.on('synced', ({ state }) => { if (state) onSynced() })
    provider.attach()
    await until(() => provider.synced, 60000, 'hocuspocus synced')
    close = () => { provider.destroy(); socket.destroy() }
  }
  await sleep(1000) // a second 'synced' (a later step 2) would show up here
  const result = {
    ...stats,
    textEqual: doc.getText('text').toString() === expected.text,
    textLength: doc.getText('text').length,
    mapEqual: JSON.stringify(doc.getMap('map').toJSON()) === JSON.stringify(expected.map),
    svEqual: Buffer.from(Y.encodeStateVector(doc)).toString('base64') === expected.sv
  }
  close()
  return result
}

const out = { expectedLength: expected.text.length }
out['y-websocket'] = await fresh('y-websocket')
out.hocuspocus = await fresh('hocuspocus')
console.log(JSON.stringify(out))
process.exit(0)
