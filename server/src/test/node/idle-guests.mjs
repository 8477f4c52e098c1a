// Guests of both protocols, with the stock providers' presence on (the default), alone in a quiet
// document for longer than the providers' 30 s watchdog: they must stay connected. The server
// does not pass a guest's presence on, but it must answer it, as it answers everyone's.
// Usage: node idle-guests.mjs <ws://host:port> <document> <seconds>
import { hocuspocusClient, sleep, yWebsocketClient } from './clients.mjs'

const [base, name, secondsArg] = process.argv.slice(2)
const y = yWebsocketClient(base, name)
const h = hocuspocusClient(base, name, undefined, null, '')
await y.whenSynced()
await h.whenSynced()
let yCloses = 0
let hCloses = 0
y.provider.on('connection-close', () => { yCloses++ })
h.socket.on('close', () => { hCloses++ })
await sleep(Number(secondsArg) * 1000)
console.log(JSON.stringify({ yWebsocketCloses: yCloses, hocuspocusCloses: hCloses }))
y.destroy()
h.destroy()
process.exit(0)
