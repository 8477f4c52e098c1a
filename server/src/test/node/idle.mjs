// A raw connection that never answers pings is closed for idleness, while well-behaved
// clients of both protocols, idle for longer than the idle timeout, stay connected (they answer
// the server's pings: WebSocket pongs for y-websocket, Hocuspocus Pong messages).
// Usage: node idle.mjs <ws://host:port> <document> <waitSeconds>
import WebSocket from 'ws'
import { hocuspocusClient, yWebsocketClient, sleep } from './clients.mjs'

const [base, name, waitArg] = process.argv.slice(2)
const y = yWebsocketClient(base, name)
const h = hocuspocusClient(base, name)
await y.whenSynced(); await h.whenSynced()
// Quiet the clients' own keep-alive traffic, so that only the server's pings keep them alive.
y.provider.awareness.setLocalState(null); h.provider.awareness.setLocalState(null)
let yClosed = 0; let hClosed = 0
y.provider.on('connection-close', () => { yClosed++ })
h.provider.on('close', () => { hClosed++ })
const mute = new WebSocket(`${base}/ws/${name}`, { autoPong: false })
mute.on('error', () => {})
const code = await new Promise((resolve) => {
  mute.on('close', (c) => resolve(c))
  setTimeout(() => resolve(null), Number(waitArg) * 1000)
})
await sleep(5000) // clients have now been silent for about twice the idle timeout
console.log(JSON.stringify({ muteCloseCode: code, yWebsocketCloses: yClosed, hocuspocusCloses: hClosed }))
y.destroy(); h.destroy()
process.exit(0)
