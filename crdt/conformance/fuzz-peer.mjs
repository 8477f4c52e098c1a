// The Yjs side of the live differential fuzz (YjsLiveDifferentialFuzzTest in Java).
//
//   node fuzz-peer.mjs        (started by the Java test; not meant to be run by hand)
//
// Framing on stdin and stdout: 4-byte big-endian length, then that many bytes of UTF-8 JSON.
// One reply per request, in order. Bytes travel as base64. Diagnostics go to stderr.
//
// Two Yjs documents live here:
//   peer   — a real Yjs participant with its own clientID; it edits and exchanges updates with
//            the Java document;
//   shadow — has the Java document's clientID and receives exactly what the Java document
//            receives, and makes the same edits (generated here, then executed by both sides),
//            so at every moment its encodings must equal the Java document's byte for byte.
//
// Requests ({"cmd": ...}):
//   init {seed, gc, javaClient, peerClient}     → {ok}
//   javaOps {}          → {ops, v1, v2}   ops generated against the shadow, run there; the Java
//                                          side runs the same ops and must emit v1/v2 exactly
//   peerEdit {}         → {ops, v1, v2}   a random transaction on the peer
//   apply {target, fmt, update}           → {v1, v2}  update event of target (or nulls)
//   state {target}      → {v1, v2, sv, describe}
//   diff {target, sv, fmt}                → {update}  encodeStateAsUpdate(target, sv)
//   quit {}             → exits
import * as Y from 'yjs'
import { Prng, toB64, fromB64, applyOp, describeDoc, ROOTS, getRoot } from './trace-format.mjs'
import { genContext, genOp, pickTarget } from './ops-gen.mjs'

let rng = null
let docs = null
const last = { peer: null, shadow: null }

const capture = (name, doc) => {
  doc.on('update', u => { last[name].v1 = toB64(u) })
  doc.on('updateV2', u => { last[name].v2 = toB64(u) })
}

const reset = name => { last[name] = { v1: null, v2: null } }

const edit = name => {
  const doc = docs[name]
  const ops = []
  const nOps = rng.bool(0.15) ? rng.int(3, 6) : rng.int(1, 2)
  reset(name)
  doc.transact(() => {
    for (let i = 0; i < nOps; i++) {
      const op = genOp(rng, pickTarget(rng, doc))
      if (op == null) continue
      applyOp(doc, op)
      ops.push(op)
    }
  })
  return { ops, ...last[name] }
}

const handle = req => {
  switch (req.cmd) {
    case 'init': {
      rng = new Prng(req.seed)
      genContext.traceIndex = `fuzz${req.seed}`
      genContext.subdocCounter = 0
      docs = {
        peer: new Y.Doc({ gc: req.gc }),
        shadow: new Y.Doc({ gc: req.gc })
      }
      // roots exist before any update arrives, as in the Java document
      for (const d of Object.values(docs)) for (const r of Object.keys(ROOTS)) getRoot(d, r)
      docs.peer.clientID = req.peerClient
      docs.shadow.clientID = req.javaClient
      capture('peer', docs.peer)
      capture('shadow', docs.shadow)
      return { ok: true }
    }
    case 'javaOps': return edit('shadow')
    case 'peerEdit': return edit('peer')
    case 'apply': {
      reset(req.target)
      const bytes = fromB64(req.update)
      if (req.fmt === 'v2') Y.applyUpdateV2(docs[req.target], bytes); else Y.applyUpdate(docs[req.target], bytes)
      return { ...last[req.target] }
    }
    case 'state': {
      const d = docs[req.target]
      return { v1: toB64(Y.encodeStateAsUpdate(d)), v2: toB64(Y.encodeStateAsUpdateV2(d)), sv: toB64(Y.encodeStateVector(d)), describe: describeDoc(d) }
    }
    case 'diff': {
      const d = docs[req.target]
      const sv = fromB64(req.sv)
      return { update: toB64(req.fmt === 'v2' ? Y.encodeStateAsUpdateV2(d, sv) : Y.encodeStateAsUpdate(d, sv)) }
    }
    case 'quit':
      process.exit(0)
  }
  throw new Error('unknown command ' + req.cmd)
}

const send = obj => {
  const body = Buffer.from(JSON.stringify(obj), 'utf8')
  const head = Buffer.alloc(4)
  head.writeUInt32BE(body.length)
  process.stdout.write(Buffer.concat([head, body]))
}

let buf = Buffer.alloc(0)
process.stdin.on('data', chunk => {
  buf = Buffer.concat([buf, chunk])
  while (buf.length >= 4) {
    const len = buf.readUInt32BE(0)
    if (buf.length < 4 + len) break
    const req = JSON.parse(buf.subarray(4, 4 + len).toString('utf8'))
    buf = buf.subarray(4 + len)
    try {
      send(handle(req))
    } catch (e) {
      send({ error: String(e && e.stack ? e.stack : e) })
    }
  }
})
process.stdin.on('end', () => process.exit(0))
