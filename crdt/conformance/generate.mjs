// Generates the Yjs conformance corpus: seeded random multi-client traces run on the real
// `yjs` package, each recording the operations (so another implementation can replay them) and
// every byte Yjs produced (so that implementation can be compared byte for byte).
//
//   node generate.mjs --seed 1 --traces 1000 --out ../src/test/resources/conformance/corpus.jsonl.gz
//
// Same seed and count → same file (no wall clock, no Math.random reaches the output).
// The record format is described in README.md beside this file.
import * as Y from 'yjs'
import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { Prng, toB64, ROOTS, getRoot, applyOp, describeDoc } from './trace-format.mjs'
import { genContext, genOp, pickTarget } from './ops-gen.mjs'

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]])
  return acc
}, []))
const SEED = Number(args.seed ?? 1)
const TRACES = Number(args.traces ?? 1000)
const OUT = args.out ?? '../src/test/resources/conformance/corpus.jsonl.gz'

/** clientID of the documents that only receive updates ("mirror" documents). */
export const MIRROR_CLIENT = 424242

// ---- one trace -------------------------------------------------------------------------------

const captureUpdates = doc => {
  const cap = { v1: null, v2: null }
  doc.on('update', u => { cap.v1 = u })
  doc.on('updateV2', u => { cap.v2 = u })
  return cap
}
const take = cap => {
  const r = cap.v1 == null && cap.v2 == null ? null : { v1: toB64(cap.v1), v2: toB64(cap.v2) }
  cap.v1 = null; cap.v2 = null
  return r
}

const describeFinal = doc => ({
  update: { v1: toB64(Y.encodeStateAsUpdate(doc)), v2: toB64(Y.encodeStateAsUpdateV2(doc)) },
  sv: toB64(Y.encodeStateVector(doc)),
  snapshot: { v1: toB64(Y.encodeSnapshot(Y.snapshot(doc))), v2: toB64(Y.encodeSnapshotV2(Y.snapshot(doc))) },
  ...describeDoc(doc)
})

/** JSON with object keys sorted: map key order is per document (insertion order), not converged state. */
const sortedJson = v => JSON.stringify(v, (k, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map(k => [k, x[k]])) : x)

const genTrace = (index, seed) => {
  genContext.traceIndex = index
  genContext.subdocCounter = 0
  const rng = new Prng(seed)
  const gc = rng.bool(0.6)
  const nClients = rng.weighted({ 2: 5, 3: 3, 4: 1 }) | 0
  const bigIds = rng.bool(0.1)
  const clients = []
  while (clients.length < nClients) {
    const id = bigIds ? 4294967296 + rng.int(0, 1 << 30) * 4096 + rng.int(0, 4095) : rng.next()
    if (id !== MIRROR_CLIENT && !clients.includes(id)) clients.push(id)
  }
  // Roots are defined before anything happens: whether a root is already a YText when remote
  // updates arrive changes the document (YText cleans up formatting after remote transactions).
  const newDoc = id => { const d = new Y.Doc({ gc }); d.clientID = id; for (const r of Object.keys(ROOTS)) getRoot(d, r); return d }
  const docs = clients.map(newDoc)
  const caps = docs.map(captureUpdates)
  const mirrors = clients.map(() => newDoc(MIRROR_CLIENT))
  const steps = []
  const txSteps = [] // indices of tx steps that emitted an update
  const nSteps = rng.int(6, 28)
  const offline = new Set()

  const doSync = (from, to) => {
    const fmt = rng.bool(0.3) ? 'v2' : 'v1'
    const sv = Y.encodeStateVector(docs[to])
    const update = fmt === 'v1' ? Y.encodeStateAsUpdate(docs[from], sv) : Y.encodeStateAsUpdateV2(docs[from], sv)
    take(caps[to])
    if (fmt === 'v1') { Y.applyUpdate(docs[to], update); Y.applyUpdate(mirrors[to], update) } else { Y.applyUpdateV2(docs[to], update); Y.applyUpdateV2(mirrors[to], update) }
    steps.push({ k: 'sync', from, to, fmt, sv: toB64(sv), update: toB64(update), recv: take(caps[to]) })
  }

  for (let s = 0; s < nSteps; s++) {
    const kind = rng.weighted({ tx: 7, sync: 2, deliver: txSteps.length ? 1.5 : 0, snapshot: 0.4, offline: 0.4 })
    if (kind === 'tx') {
      const d = rng.int(0, nClients - 1)
      const doc = docs[d]
      const ops = []
      const nOps = rng.bool(0.15) ? rng.int(3, 6) : rng.int(1, 2)
      take(caps[d])
      doc.transact(() => {
        for (let i = 0; i < nOps; i++) {
          const op = genOp(rng, pickTarget(rng, doc))
          if (op == null) continue
          applyOp(doc, op)
          ops.push(op)
        }
      })
      if (ops.length === 0) continue
      const upd = take(caps[d])
      const mfmt = rng.bool(0.5) ? 'v1' : 'v2'
      if (upd) {
        if (mfmt === 'v1') Y.applyUpdate(mirrors[d], Buffer.from(upd.v1, 'base64')); else Y.applyUpdateV2(mirrors[d], Buffer.from(upd.v2, 'base64'))
        txSteps.push(steps.length)
      }
      steps.push({ k: 'tx', doc: d, ops, update: upd, mfmt })
    } else if (kind === 'sync') {
      const online = [...Array(nClients).keys()].filter(i => !offline.has(i))
      if (online.length < 2) continue
      const from = rng.pick(online)
      const to = rng.pick(online.filter(i => i !== from))
      doSync(from, to)
    } else if (kind === 'deliver') {
      // an individual transaction update, possibly out of order or twice
      const src = rng.pick(txSteps)
      const origin = steps[src].doc
      const to = rng.pick([...Array(nClients).keys()].filter(i => i !== origin))
      const fmt = rng.bool(0.4) ? 'v2' : 'v1'
      const bytes = Buffer.from(steps[src].update[fmt], 'base64')
      take(caps[to])
      if (fmt === 'v1') { Y.applyUpdate(docs[to], bytes); Y.applyUpdate(mirrors[to], bytes) } else { Y.applyUpdateV2(docs[to], bytes); Y.applyUpdateV2(mirrors[to], bytes) }
      steps.push({ k: 'deliver', step: src, to, fmt, recv: take(caps[to]) })
    } else if (kind === 'snapshot') {
      const d = rng.int(0, nClients - 1)
      const snap = Y.snapshot(docs[d])
      steps.push({ k: 'snapshot', doc: d, v1: toB64(Y.encodeSnapshot(snap)), v2: toB64(Y.encodeSnapshotV2(snap)) })
    } else {
      const d = rng.int(0, nClients - 1)
      if (offline.has(d)) offline.delete(d); else offline.add(d)
    }
  }
  const converge = rng.bool(0.8)
  if (converge) {
    for (let i = 1; i < nClients; i++) doSync(i, 0)
    for (let i = 1; i < nClients; i++) doSync(0, i)
    const ref = toB64(Y.encodeStateVector(docs[0]))
    for (const d of docs) {
      if (toB64(Y.encodeStateVector(d)) !== ref) throw new Error(`trace ${index}: state vectors differ after convergence`)
      if (sortedJson(describeDoc(d)) !== sortedJson(describeDoc(docs[0]))) throw new Error(`trace ${index}: Yjs docs did not converge`)
    }
  }
  const final = docs.map(describeFinal)
  // what the mirrors hold, where it differs from the original documents (struct boundaries can)
  const mirror = mirrors.map((m, i) => {
    const update = { v1: toB64(Y.encodeStateAsUpdate(m)), v2: toB64(Y.encodeStateAsUpdateV2(m)) }
    const snapshot = { v1: toB64(Y.encodeSnapshot(Y.snapshot(m))), v2: toB64(Y.encodeSnapshotV2(Y.snapshot(m))) }
    const f = final[i]
    const same = update.v1 === f.update.v1 && update.v2 === f.update.v2 && snapshot.v1 === f.snapshot.v1 && snapshot.v2 === f.snapshot.v2
    return same ? null : { update, snapshot }
  })
  // restoring snapshots needs the full history
  if (!gc) {
    for (const st of steps) {
      if (st.k !== 'snapshot') continue
      const restored = Y.createDocFromSnapshot(docs[st.doc], Y.decodeSnapshot(Buffer.from(st.v1, 'base64')))
      st.restored = { v1: toB64(Y.encodeStateAsUpdate(restored)), ...describeDoc(restored) }
    }
  }
  return { name: `trace-${String(index).padStart(4, '0')}`, seed, gc, clients, mirrorClient: MIRROR_CLIENT, roots: ROOTS, converge, steps, final, mirror, updateOps: genUpdateOps(rng, steps, txSteps, final) }
}

// ---- the update-level API over the recorded updates --------------------------------------------

const genUpdateOps = (rng, steps, txSteps, final) => {
  const ops = []
  const b = x => Buffer.from(x, 'base64')
  const argBytes = a => a.tx !== undefined ? b(steps[a.tx].update[a.fmt]) : a.ref !== undefined ? b(ops[a.ref].out) : b(a.b64)
  const add = (fn, args, f, outIsJson = false) => {
    const out = f(...args.map(argBytes))
    ops.push(outIsJson ? { fn, args, out } : { fn, args, out: toB64(out) })
    return ops.length - 1
  }
  if (txSteps.length === 0) return ops
  const all1 = txSteps.map(s => ({ tx: s, fmt: 'v1' }))
  const all2 = txSteps.map(s => ({ tx: s, fmt: 'v2' }))
  const m1 = add('mergeUpdates', all1, (...u) => Y.mergeUpdates(u))
  const m2 = add('mergeUpdatesV2', all2, (...u) => Y.mergeUpdatesV2(u))
  // a shuffled subset: merging out of order keeps the gaps
  const sub = txSteps.filter(() => rng.bool(0.6))
  for (let i = sub.length - 1; i > 0; i--) { const j = rng.int(0, i); [sub[i], sub[j]] = [sub[j], sub[i]] }
  const s1 = sub.length ? add('mergeUpdates', sub.map(s => ({ tx: s, fmt: 'v1' })), (...u) => Y.mergeUpdates(u)) : null
  add('mergeUpdates', final.map(f => ({ b64: f.update.v1 })), (...u) => Y.mergeUpdates(u))
  add('encodeStateVectorFromUpdate', [{ ref: m1 }], u => Y.encodeStateVectorFromUpdate(u))
  add('encodeStateVectorFromUpdateV2', [{ ref: m2 }], u => Y.encodeStateVectorFromUpdateV2(u))
  if (s1 !== null) {
    add('encodeStateVectorFromUpdate', [{ ref: s1 }], u => Y.encodeStateVectorFromUpdate(u))
    add('parseUpdateMeta', [{ ref: s1 }], u => metaJson(Y.parseUpdateMeta(u)), true)
  }
  add('parseUpdateMeta', [{ ref: m1 }], u => metaJson(Y.parseUpdateMeta(u)), true)
  add('parseUpdateMetaV2', [{ ref: m2 }], u => metaJson(Y.parseUpdateMetaV2(u)), true)
  // diff against a state vector seen during the trace (or the empty one)
  const svs = steps.filter(s => s.k === 'sync').map(s => s.sv)
  const sv = svs.length ? rng.pick(svs) : toB64(new Uint8Array([0]))
  add('diffUpdate', [{ ref: m1 }, { b64: sv }], (u, v) => Y.diffUpdate(u, v))
  add('diffUpdateV2', [{ ref: m2 }, { b64: sv }], (u, v) => Y.diffUpdateV2(u, v))
  add('convertUpdateFormatV1ToV2', [{ ref: m1 }], u => Y.convertUpdateFormatV1ToV2(u))
  add('convertUpdateFormatV2ToV1', [{ ref: m2 }], u => Y.convertUpdateFormatV2ToV1(u))
  for (const s of txSteps.slice(0, 3)) {
    add('convertUpdateFormatV1ToV2', [{ tx: s, fmt: 'v1' }], u => Y.convertUpdateFormatV1ToV2(u))
    add('convertUpdateFormatV2ToV1', [{ tx: s, fmt: 'v2' }], u => Y.convertUpdateFormatV2ToV1(u))
  }
  return ops
}

const metaJson = ({ from, to }) => ({
  from: Object.fromEntries([...from.entries()].map(([k, v]) => [String(k), v])),
  to: Object.fromEntries([...to.entries()].map(([k, v]) => [String(k), v]))
})

// ---- main ------------------------------------------------------------------------------------

const lines = []
const stats = { steps: 0, tx: 0, ops: {}, gcFalse: 0, mirrorDiffers: 0 }
for (let i = 0; i < TRACES; i++) {
  const seed = (Math.imul(SEED, 1000003) + i * 7919) >>> 0
  const trace = genTrace(i, seed)
  stats.steps += trace.steps.length
  if (!trace.gc) stats.gcFalse++
  if (trace.mirror.some(m => m !== null)) stats.mirrorDiffers++
  for (const st of trace.steps) {
    if (st.k !== 'tx') continue
    stats.tx++
    for (const op of st.ops) stats.ops[op.op] = (stats.ops[op.op] || 0) + 1
  }
  lines.push(JSON.stringify(trace))
}
const header = { format: 'pledgepad-yjs-conformance/1', yjs: JSON.parse((await import('node:fs')).readFileSync(new URL('./node_modules/yjs/package.json', import.meta.url))).version, seed: SEED, traces: TRACES, command: `node generate.mjs --seed ${SEED} --traces ${TRACES} --out <file>` }
const text = [JSON.stringify(header), ...lines].join('\n') + '\n'
const gz = gzipSync(Buffer.from(text), { level: 9 })
writeFileSync(OUT, gz)
console.error(JSON.stringify({ out: OUT, bytes: gz.length, rawBytes: text.length, ...stats }))
