// The Node side of the benchmarks: the same workloads as benchmarks/ (JMH) on the real yjs ESM
// build (dist/yjs.mjs through the package's "import" export; never dist/yjs.cjs, which is
// several times slower). benchmarks/run.sh runs both and prints the ratios.
//
//   node bench.mjs --b4 <automerge-paper.json.gz> --workload <name> --runs <n> [--warmup <w>] [--batch <k>]
//       one JSON line: {workload, warmup, batch, runs: [ms...], best, median, first}: w unmeasured
//       runs, then n measured ones (first = the first run of the process); --runs 1 alone = cold.
//       With --batch k every run (warm-up or measured) is k workloads back to back and its time
//       is divided by k, so that a few-ms workload is timed over a longer span that includes the
//       garbage collection it causes (the JMH side: the *x20 methods, @OperationsPerInvocation)
//   node --expose-gc bench.mjs --b4 <file> --heap [--b4x <file>]
//       retained heap (bytes) of the B4 document built from the trace and loaded from its update
//   node bench.mjs --b4 <file> --make-b4x <n> --out <file>
//       writes the n×B4 document (the trace replayed n times, each copy after the previous text)
//   node bench.mjs --make-random <n> --out <file>
//       writes the random-position document: n single characters, each inserted at a random
//       position in its own transaction (n separate items), with the PRNG the Java side shares
//
// Workloads: b4 (trace, one transaction per edit), b1-append-text, b1-random-text,
// b1-random-insdel-text, b1-append-array, b1-random-insdel-array, b4-encode-v1, b4-encode-v2,
// b4-decode-v1, b4-decode-v2, b4x-load (needs --b4x <file>), random-load (needs --random <file>).
import * as Y from 'yjs'
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import { Prng } from './trace-format.mjs'

const args = {}
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]
  if (a.startsWith('--')) {
    const next = process.argv[i + 1]
    if (next === undefined || next.startsWith('--')) args[a.slice(2)] = true
    else { args[a.slice(2)] = next; i++ }
  }
}

// the build in use must be the ESM one
const resolved = import.meta.resolve('yjs')
if (!resolved.endsWith('/dist/yjs.mjs')) throw new Error('expected the yjs ESM build, got ' + resolved)
const yjsVersion = createRequire(import.meta.url)('yjs/package.json').version

const N = 10000 // operations in the B1-style workloads (shared with the JMH side)
const SEED = 42

const loadB4 = file => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))

/** Replays the trace into text, one transaction per recorded transaction, at offset. */
const applyTrace = (doc, text, trace, offset = 0) => {
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del > 0) text.delete(offset + pos, del)
        if (ins) text.insert(offset + pos, ins)
      }
    })
  }
}

const buildB4 = trace => {
  const doc = new Y.Doc()
  doc.clientID = 1
  const text = doc.getText('text')
  applyTrace(doc, text, trace)
  if (text.toString() !== trace.endContent) throw new Error('B4: final text differs from the trace end content')
  return doc
}

const CHARS = 'abcdefghijklmnopqrstuvwxyz '

/** The B1-style workloads; the PRNG and the choices match the Java side exactly. */
const b1 = {
  'b1-append-text': () => {
    const doc = new Y.Doc(); doc.clientID = 1
    const t = doc.getText('text')
    for (let i = 0; i < N; i++) t.insert(t.length, CHARS[i % CHARS.length])
    return t.length
  },
  'b1-random-text': () => {
    const doc = new Y.Doc(); doc.clientID = 1
    const t = doc.getText('text')
    const rng = new Prng(SEED)
    for (let i = 0; i < N; i++) t.insert(rng.int(0, t.length), CHARS[i % CHARS.length])
    return t.length
  },
  'b1-random-insdel-text': () => {
    const doc = new Y.Doc(); doc.clientID = 1
    const t = doc.getText('text')
    const rng = new Prng(SEED)
    for (let i = 0; i < N; i++) {
      if (t.length > 0 && rng.int(0, 2) === 0) {
        const at = rng.int(0, t.length - 1)
        t.delete(at, Math.min(rng.int(1, 3), t.length - at))
      } else {
        t.insert(rng.int(0, t.length), CHARS[i % CHARS.length])
      }
    }
    return t.length
  },
  'b1-append-array': () => {
    const doc = new Y.Doc(); doc.clientID = 1
    const a = doc.getArray('array')
    for (let i = 0; i < N; i++) a.insert(a.length, [i])
    return a.length
  },
  'b1-random-insdel-array': () => {
    const doc = new Y.Doc(); doc.clientID = 1
    const a = doc.getArray('array')
    const rng = new Prng(SEED)
    for (let i = 0; i < N; i++) {
      if (a.length > 0 && rng.int(0, 2) === 0) {
        const at = rng.int(0, a.length - 1)
        a.delete(at, Math.min(rng.int(1, 3), a.length - at))
      } else {
        a.insert(rng.int(0, a.length), [i])
      }
    }
    return a.length
  }
}

const workload = (name, trace) => {
  if (b1[name]) return { run: b1[name] }
  switch (name) {
    case 'b4': return { run: () => buildB4(trace).getText('text').length }
    case 'b4-encode-v1':
    case 'b4-encode-v2': {
      const doc = buildB4(trace)
      return { run: () => (name === 'b4-encode-v1' ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdateV2(doc)).length }
    }
    case 'b4-decode-v1':
    case 'b4-decode-v2': {
      const doc = buildB4(trace)
      const v1 = name === 'b4-decode-v1'
      const update = v1 ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdateV2(doc)
      return {
        run: () => {
          const d = new Y.Doc()
          if (v1) Y.applyUpdate(d, update); else Y.applyUpdateV2(d, update)
          return d.getText('text').length
        }
      }
    }
    case 'b4x-load':
    case 'random-load': {
      const update = readFileSync(name === 'b4x-load' ? args.b4x : args.random)
      return {
        run: () => {
          const d = new Y.Doc()
          Y.applyUpdate(d, update)
          return d.getText('text').length
        }
      }
    }
  }
  throw new Error('unknown workload ' + name)
}

const heapUsed = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed }

if (args['make-b4x']) {
  const trace = loadB4(args.b4)
  const n = Number(args['make-b4x'])
  const doc = new Y.Doc(); doc.clientID = 1
  const text = doc.getText('text')
  for (let k = 0; k < n; k++) applyTrace(doc, text, trace, k * trace.endContent.length)
  if (text.length !== n * trace.endContent.length) throw new Error('B4x: unexpected length')
  const update = Y.encodeStateAsUpdate(doc)
  writeFileSync(args.out, update)
  console.log(JSON.stringify({ made: args.out, copies: n, bytes: update.length }))
} else if (args['make-random']) {
  const n = Number(args['make-random'])
  // a 32-bit client id like a browser's (yjs picks random uint32s), so ids cost what they do
  // in a real document
  const doc = new Y.Doc(); doc.clientID = 3141592653
  const t = doc.getText('text')
  const rng = new Prng(SEED)
  for (let i = 0; i < n; i++) t.insert(rng.int(0, t.length), CHARS[i % CHARS.length])
  const update = Y.encodeStateAsUpdate(doc)
  writeFileSync(args.out, update)
  console.log(JSON.stringify({ made: args.out, chars: n, bytes: update.length }))
} else if (args.heap) {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc')
  const trace = loadB4(args.b4)
  const out = { runtime: 'node ' + process.version, yjs: yjsVersion }
  let base = heapUsed()
  let keep = buildB4(trace)
  out.b4BuiltBytes = heapUsed() - base
  const update = Y.encodeStateAsUpdate(keep)
  keep = null
  base = heapUsed()
  keep = new Y.Doc(); Y.applyUpdate(keep, update)
  out.b4LoadedBytes = heapUsed() - base
  keep = null
  if (args.b4x) {
    const big = readFileSync(args.b4x)
    base = heapUsed()
    keep = new Y.Doc(); Y.applyUpdate(keep, big)
    out.b4xLoadedBytes = heapUsed() - base
  }
  console.log(JSON.stringify(out))
  void keep
} else {
  const name = args.workload
  const runs = Number(args.runs ?? 1)
  const warmup = Number(args.warmup ?? 0)
  const batch = Number(args.batch ?? 1)
  const trace = args.b4 ? loadB4(args.b4) : null
  const w = workload(name, trace)
  const times = []
  let sink = 0
  let first
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now()
    for (let b = 0; b < batch; b++) sink += w.run()
    const ms = (performance.now() - t0) / batch
    if (i === 0) first = ms
    if (i >= warmup) times.push(ms)
  }
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted[Math.floor((sorted.length - 1) / 2)]
  console.log(JSON.stringify({ runtime: 'node', yjs: yjsVersion, workload: name, warmup, batch, runs: times, first, best: sorted[0], median, sink }))
}
