// The server's part of opening a document, seen from a client that does nothing but receive:
// a bare `ws` socket speaking the y-websocket sync protocol, so the time to the complete step 2
// holds no Yjs work of the client. The client's own work (applying those bytes) is measured
// separately, on the same bytes, by applyLikeAProvider.
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import { Y } from './clients.mjs'

const MESSAGE_SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

const round = (ms) => Number(ms.toFixed(1))

/**
 * Opens `name` like WebsocketProvider does (same URL, token as query parameter), sends sync step 1
 * with an empty state vector at once, and resolves when the server's step 2 has arrived. Times
 * are ms from before the socket was created. The server may send a large state as update
 * messages followed by the step 2; their payloads are kept in order.
 */
export function rawOpen (base, name, token, timeoutMs) {
  const started = performance.now()
  const url = `${base}/${name}` + (token ? `?token=${encodeURIComponent(token)}` : '')
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.binaryType = 'arraybuffer'
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('raw open: no step 2 in time')) }, timeoutMs)
    let openMs = null
    let step1Ms = null
    let bytes = 0
    const payloads = []
    ws.on('open', () => {
      openMs = round(performance.now() - started)
      ws.send(Uint8Array.of(MESSAGE_SYNC, STEP1, 1, 0)) // varUint8Array of the v1 state vector [0]
    })
    ws.on('message', (data) => {
      const at = performance.now()
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) !== MESSAGE_SYNC) return // awareness, auth
      const kind = decoding.readVarUint(d)
      if (kind === STEP1) {
        step1Ms ??= round(at - started)
        return
      }
      if (kind !== STEP2 && kind !== UPDATE) return
      const payload = decoding.readVarUint8Array(d)
      payloads.push(payload)
      bytes += payload.length
      if (kind === STEP2) {
        clearTimeout(timer)
        ws.close()
        resolve({ step2Ms: round(at - started), openMs, step1Ms, bytes, payloads })
      }
    })
    ws.on('error', (e) => { clearTimeout(timer); reject(e) })
    ws.on('close', (code) => { clearTimeout(timer); reject(new Error(`raw open: closed (${code}) before step 2`)) })
  })
}

/**
 * What the stock provider does with the received messages: Y.applyUpdate of each on one doc that
 * has an 'update' listener (the provider's own, which forwards local changes): with a listener,
 * Yjs also encodes every transaction's update, the step 2's too.
 */
export function applyLikeAProvider (payloads) {
  const doc = new Y.Doc()
  doc.on('update', () => {})
  const started = performance.now()
  for (const p of payloads) Y.applyUpdate(doc, p, 'server')
  const ms = performance.now() - started
  return { ms: round(ms), textLength: doc.getText('text').length }
}
