// Reads the corpus back with yjs itself, exactly as the Java conformance test reads it
// (YjsCorpusConformanceTest: applied / replayed modes), so that every expectation in the corpus
// is known to be reproducible by Yjs from the recorded data alone.
//
//   node selfcheck.mjs [../src/test/resources/conformance/corpus.jsonl.gz]
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { toB64, fromB64, applyOp, describeDoc, ROOTS, getRoot } from './trace-format.mjs'

const file = process.argv[2] ?? '../src/test/resources/conformance/corpus.jsonl.gz'
const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(l => l)
const traces = lines.slice(1).map(l => JSON.parse(l))

const apply = (doc, bytes, fmt) => fmt === 'v2' ? Y.applyUpdateV2(doc, bytes) : Y.applyUpdate(doc, bytes)
const newDoc = (client, gc) => { const d = new Y.Doc({ gc }); d.clientID = client; for (const r of Object.keys(ROOTS)) getRoot(d, r); return d }

let failures = 0
const check = (trace, mode, where, what, expected, actual) => {
  if (expected !== actual) {
    failures++
    if (failures < 30) console.log(`${trace.name} ${mode} [${where}] ${what} differs`)
    return false
  }
  return true
}

for (const trace of traces) {
  for (const mode of ['applied', 'replayed']) {
    const docs = trace.clients.map(c => newDoc(mode === 'applied' ? trace.mirrorClient : c, trace.gc))
    const last = docs.map(() => ({ v1: null, v2: null }))
    docs.forEach((d, i) => { d.on('update', u => { last[i].v1 = toB64(u) }); d.on('updateV2', u => { last[i].v2 = toB64(u) }) })
    const take = i => { const r = last[i].v1 == null && last[i].v2 == null ? null : { ...last[i] }; last[i] = { v1: null, v2: null }; return r }
    trace.steps.forEach((st, si) => {
      const where = `step ${si} ${st.k}`
      if (st.k === 'tx') {
        if (mode === 'applied') {
          if (st.update) apply(docs[st.doc], fromB64(st.update[st.mfmt]), st.mfmt)
        } else {
          take(st.doc)
          docs[st.doc].transact(() => st.ops.forEach(op => applyOp(docs[st.doc], op)))
          check(trace, mode, where, 'update', JSON.stringify(st.update), JSON.stringify(take(st.doc)))
        }
      } else if (st.k === 'sync') {
        check(trace, mode, where, 'sv', st.sv, toB64(Y.encodeStateVector(docs[st.to])))
        if (mode === 'replayed') {
          const sv = Y.encodeStateVector(docs[st.to])
          const u = st.fmt === 'v1' ? Y.encodeStateAsUpdate(docs[st.from], sv) : Y.encodeStateAsUpdateV2(docs[st.from], sv)
          check(trace, mode, where, 'update', st.update, toB64(u))
        }
        take(st.to)
        apply(docs[st.to], fromB64(st.update), st.fmt)
        if (mode === 'replayed') check(trace, mode, where, 'recv', JSON.stringify(st.recv), JSON.stringify(take(st.to)))
      } else if (st.k === 'deliver') {
        take(st.to)
        apply(docs[st.to], fromB64(trace.steps[st.step].update[st.fmt]), st.fmt)
        if (mode === 'replayed') check(trace, mode, where, 'recv', JSON.stringify(st.recv), JSON.stringify(take(st.to)))
      } else if (st.k === 'snapshot') {
        check(trace, mode, where, 'snapshot', st.v1, toB64(Y.encodeSnapshot(Y.snapshot(docs[st.doc]))))
      }
    })
    docs.forEach((d, i) => {
      const fin = trace.final[i]
      const m = mode === 'applied' ? trace.mirror[i] : null
      const upd = m ? m.update : fin.update
      const snap = m ? m.snapshot : fin.snapshot
      const where = `final doc ${i}`
      check(trace, mode, where, 'v1', upd.v1, toB64(Y.encodeStateAsUpdate(d)))
      check(trace, mode, where, 'v2', upd.v2, toB64(Y.encodeStateAsUpdateV2(d)))
      check(trace, mode, where, 'snapshot', snap.v1, toB64(Y.encodeSnapshot(Y.snapshot(d))))
      check(trace, mode, where, 'snapshotV2', snap.v2, toB64(Y.encodeSnapshotV2(Y.snapshot(d))))
      check(trace, mode, where, 'sv', fin.sv, toB64(Y.encodeStateVector(d)))
    })
  }
}
console.log(`${traces.length} traces, ${failures} differences`)
process.exitCode = failures ? 1 : 0
