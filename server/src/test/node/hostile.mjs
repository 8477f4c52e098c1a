// Sends one kind of hostile input to the server while a well-behaved "witness" client edits the
// same document; prints how the hostile connection ended and whether the witness was affected.
// Usage: node hostile.mjs <ws://host:port> <document> <case> <seed>
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { Y, hocuspocusClient, sleep, until } from './clients.mjs'

const [base, doc, which, seedArg] = process.argv.slice(2)
let seed = Number(seedArg) >>> 0
const random = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296 }
const randomBytes = (n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256))
const bytes = (f) => { const e = encoding.createEncoder(); f(e); return encoding.toUint8Array(e) }
// A Yjs v1 update that announces one client with one struct, then ends mid-varint.
const GARBAGE_UPDATE = Uint8Array.from([0x01, 0x01, 0x80])
const awarenessUpdate = (clientID, clock, json) => bytes((e) => {
  encoding.writeVarUint(e, 1); encoding.writeVarUint(e, clientID); encoding.writeVarUint(e, clock)
  encoding.writeVarString(e, json)
})
const yws = (frames, opts = {}) => ({ url: `${base}/ws/${doc}${opts.query ?? ''}`, frames, ...opts })
const hp = (frames, opts = {}) => ({ url: `${base}/collab`, frames, ...opts })
const hpFrame = (type, f = () => {}, name = doc) => bytes((e) => { encoding.writeVarString(e, name); encoding.writeVarUint(e, type); f(e) })
const hpAuth = (token, name = doc) => hpFrame(2, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarString(e, token); encoding.writeVarString(e, 'test') }, name)
// Messages of about 1 MiB (the limited server's MAX_MESSAGE_BYTES), sent in 60 KiB fragments.
const NEAR_MIB = 1024 * 1024 - 128
const FRAGMENT = 60 * 1024
// A sync step 1 whose valid state vector fills about `size` bytes (clients 2^14.., clock 0).
const bigStateVector = (size) => bytes((e) => {
  const n = Math.floor((size - 8) / 4)
  encoding.writeVarUint(e, n)
  for (let i = 0; i < n; i++) { encoding.writeVarUint(e, 16384 + i); encoding.writeVarUint(e, 0) }
})
const hpGarbage = (name = doc) => hpFrame(0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, GARBAGE_UPDATE) }, name)
const hpBig = (name = doc) => bytes((e) => { encoding.writeVarString(e, name); encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, bigStateVector(NEAR_MIB - 64)) })
const ywsBig = () => bytes((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, bigStateVector(NEAR_MIB - 16)) })

const witness = hocuspocusClient(base, doc, undefined, null, 'witness')
await witness.whenSynced()
witness.doc.getText('text').insert(0, 'witness-ok')
await witness.whenSynced()
const witnessClientID = witness.doc.clientID

const cases = {
  'random-bytes': () => yws([Uint8Array.from([0x05, ...randomBytes(63)])]),
  'truncated-varint': () => yws([Uint8Array.from([0x80, 0x80])]),
  'huge-length': () => yws([Uint8Array.from([0x00, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])]),
  'garbage-update': () => yws([bytes((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, GARBAGE_UPDATE) })]),
  'random-update': () => yws([bytes((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, Uint8Array.from([0x01, 0x01, ...randomBytes(40)])) })]),
  'invalid-utf8-awareness': () => yws([bytes((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(e, Uint8Array.from([0x01, 0x07, 0x01, 0x02, 0xc3, 0x28]))
  })]),
  'malformed-awareness-json': () => yws([bytes((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, awarenessUpdate(4242, 1, '{"user": ')) })]),
  'forged-awareness': () => yws([bytes((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, awarenessUpdate(witnessClientID, 99, '{"user":{"name":"mallory"}}')) })], { query: '?token=mallory' }),
  flood: () => yws(Array.from({ length: 3000 }, () => Uint8Array.from([0x03]))),
  // One frame over MAX_MESSAGE_BYTES (128 KiB on the test's server): a frame may be as large as a
  // message, not larger.
  'oversized-frame': () => yws([new Uint8Array(200 * 1024)]),
  'oversized-message': () => yws(Array.from({ length: 40 }, () => new Uint8Array(60 * 1024)), { fragmented: true }),
  'text-frame': () => yws(['hello'], { text: true }),
  'denied-y-websocket': () => yws([], { query: '?token=denied' }),
  'readonly-update-y-websocket': () => yws([bytes((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, readonlyUpdate()) })], { query: '?token=reader', stayOpenMs: 500 }),
  'hp-invalid-utf8-name': () => hp([Uint8Array.from([0x02, 0xc3, 0x28, 0x00])]),
  // A session-aware address (name NUL sessionId) whose session id is outside [A-Za-z0-9_-]{1,64}.
  'hp-bad-session-id': () => hp([hpAuth('guest', `${doc}\0not ok!`)]),
  'hp-empty-session-id': () => hp([hpAuth('guest', `${doc}\0`)]),
  'hp-unknown-type': () => hp([hpAuth('guest'), hpFrame(6, (e) => encoding.writeVarString(e, 'x'))]),
  // Faults in one document's content close that document alone (a Close message); the socket stays.
  'hp-garbage-update': () => hp([hpAuth('guest'), hpGarbage()], { stayOpenMs: 1000 }),
  'hp-malformed-awareness-json': () => hp([hpAuth('guest'), hpFrame(1, (e) => encoding.writeVarUint8Array(e, awarenessUpdate(4242, 1, '{"user": ')))], { stayOpenMs: 1000 }),
  'hp-forged-awareness': () => hp([hpAuth('mallory'), hpFrame(1, (e) => encoding.writeVarUint8Array(e, awarenessUpdate(witnessClientID, 99, '{"user":{"name":"mallory"}}')))], { stayOpenMs: 1000 }),
  // ... but not without end: the third such fault on one socket closes the socket.
  'hp-repeated-faults': () => hp([1, 2, 3].flatMap(() => [hpAuth('guest'), hpGarbage()]), { pauseEachMs: 300 }),
  'hp-flood-before-auth': () => hp(Array.from({ length: 100 }, () => hpFrame(3))),
  'hp-too-many-documents': () => hp(Array.from({ length: 40 }, (_, i) => bytes((e) => { encoding.writeVarString(e, `${doc}-${i}`); encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 0); encoding.writeVarString(e, 'guest') }))),
  'hp-readonly-update': () => hp([hpAuth('reader'), hpFrame(0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, readonlyUpdate()) })], { stayOpenMs: 500 }),
  // Queued before authentication, for the limited server (1 MiB messages, 4 MiB queued, 3 s auth timeout).
  'hp-bytes-before-auth': () => hp(Array.from({ length: 5 }, () => hpBig()), { fragment: FRAGMENT }),
  'hp-bytes-across-documents-before-auth': () => hp(Array.from({ length: 5 }, (_, i) => hpBig(`${doc}-${i}`)), { fragment: FRAGMENT }),
  // Four per document, under the cap; a document's bytes no longer count once its auth resolved.
  'hp-bytes-under-cap-then-auth': () => hp([doc, `${doc}-b`].flatMap((name) => [...Array.from({ length: 4 }, () => hpBig(name)), hpAuth('guest', name)]), { fragment: FRAGMENT, stayOpenMs: 4500 }),
  // Closes that document alone after AUTH_TIMEOUT_SECONDS (3 on the limited server); the socket stays.
  'hp-auth-never-sent': () => hp([hpFrame(3)], { stayOpenMs: 4500 }),
  // After a denial the stock provider goes on sending awareness for the document: dropped, not
  // held for an authentication that never comes (which would close the socket after the timeout).
  'hp-messages-after-denied': () => hp([hpAuth('denied'), ...Array.from({ length: 100 }, () => hpFrame(3))], { pauseAfterFirstMs: 300, stayOpenMs: 4500 }),
  'bytes-before-auth-y-websocket': () => yws(Array.from({ length: 5 }, () => ywsBig()), { query: '?token=pending', fragment: FRAGMENT }),
  'auth-never-resolves-y-websocket': () => yws([Uint8Array.from([0x03])], { query: '?token=pending' })
}

// A valid update that a read-only connection tries to make.
function readonlyUpdate () {
  const d = new Y.Doc()
  d.getText('text').insert(0, 'READ-ONLY WRITE ')
  return Y.encodeStateAsUpdate(d)
}

const spec = cases[which]()
const ws = new WebSocket(spec.url)
ws.binaryType = 'arraybuffer'
const received = []
ws.on('message', (data) => received.push(new Uint8Array(data)))
const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)))
ws.on('error', () => {})
await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('unexpected-response', () => reject(new Error('upgrade refused'))) })
await sleep(50)
for (let i = 0; i < spec.frames.length; i++) {
  const f = spec.frames[i]
  if (ws.readyState !== WebSocket.OPEN) break
  if (i === 1 && spec.pauseAfterFirstMs) await sleep(spec.pauseAfterFirstMs)
  if (i > 0 && spec.pauseEachMs) await sleep(spec.pauseEachMs)
  if (spec.fragmented) ws.send(f, { binary: true, fin: i === spec.frames.length - 1 })
  else if (spec.fragment) {
    for (let o = 0; o < f.length; o += spec.fragment) ws.send(f.subarray(o, o + spec.fragment), { binary: true, fin: o + spec.fragment >= f.length })
  } else ws.send(f, { binary: !spec.text })
}
const code = await Promise.race([closed, sleep(spec.stayOpenMs ?? 10000).then(() => null)])
if (code === null) ws.terminate()
// The witness must be untouched: still connected and still able to edit.
witness.doc.getText('text').insert(witness.doc.getText('text').length, ' after')
await witness.whenSynced()
await until(() => witness.socket.status === 'connected', 5000, 'witness connected')
// What the server told the hostile connection, by protocol.
const hocuspocus = spec.url.includes('/collab')
const kinds = received.map((m) => {
  if (!hocuspocus) return m[0] === 2 && m[1] === 0 ? 'permission-denied' : `type-${m[0]}`
  if (m.length === 1) return 'ping'
  const d = decoding.createDecoder(m)
  decoding.readVarString(d)
  const type = decoding.readVarUint(d)
  if (type === 7) return 'close:' + decoding.readVarString(d).split(' ')[0]
  if (type === 8) return decoding.readVarInt(d) === 1 ? 'sync-status-applied' : 'sync-status-rejected'
  if (type === 2) {
    const sub = decoding.readVarUint(d)
    return sub === 2 ? 'authenticated:' + decoding.readVarString(d) : sub === 1 ? 'permission-denied' : 'auth-' + sub
  }
  return `type-${type}`
})
console.log(JSON.stringify({ code, witnessText: witness.doc.getText('text').toString(), kinds }))
witness.destroy()
process.exit(0)
