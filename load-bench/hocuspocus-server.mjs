// Minimal in-memory @hocuspocus/server 4.x (no persistence extension): the peer the load
// benchmark compares our Hocuspocus endpoint with. Usage: PORT=... HOST=... node hocuspocus-server.mjs
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT || 1234),
  address: process.env.HOST || '127.0.0.1',
  quiet: true
})
await server.listen()
console.log(`hocuspocus listening on ${process.env.HOST || '127.0.0.1'}:${process.env.PORT || 1234}`)
