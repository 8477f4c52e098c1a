// Edit-to-remote latency with two Pledgepad nodes on one PostgreSQL: per document one writer
// (Hocuspocus) on node A, one reader on node A (same node) and one on node B (other node, via
// LISTEN/NOTIFY and the log), all y-websocket/Hocuspocus stock providers in this process, so
// one clock times send → receive. Prints one JSON line with p50/p90/p99/max per path.
// Usage: node cluster-latency.mjs <wsA> <wsB> [docs=10] [editsPerDoc=100] [ratePerDoc=10] [token]
import { makeClient, sleep, until } from './clients.mjs'

const [a, b, docsArg = '10', editsArg = '100', rateArg = '10', token = ''] = process.argv.slice(2)
const docs = Number(docsArg)
const edits = Number(editsArg)
const intervalMs = 1000 / Number(rateArg)
const tag = Date.now().toString(36)
const sentAt = new Map()
const latency = { sameNode: [], otherNode: [] }

const setups = []
for (let d = 0; d < docs; d++) {
  const name = `cluster-lat-${tag}-${d}`
  const writer = makeClient('hp', a + '/collab', name, token)
  const same = makeClient('yws', a + '/ws', name, token)
  const other = makeClient('yws', b + '/ws', name, token)
  for (const [path, c] of [['sameNode', same], ['otherNode', other]]) {
    c.doc.getArray('lat').observe((e) => {
      const now = performance.now()
      for (const item of e.changes.added) {
        for (const v of item.content.getContent()) {
          if (sentAt.has(v)) latency[path].push(now - sentAt.get(v))
        }
      }
    })
  }
  setups.push({ writer, same, other })
}
await until(() => setups.every((s) => s.writer.isSynced() && s.same.isSynced() && s.other.isSynced()), 60000, 'sync')
await sleep(500)

// Documents type in turn, each at ratePerDoc edits/s.
const start = performance.now()
for (let i = 0; i < edits; i++) {
  for (let d = 0; d < docs; d++) {
    const v = `${d}-${i}`
    sentAt.set(v, performance.now())
    setups[d].writer.doc.getArray('lat').push([v])
  }
  const next = start + (i + 1) * intervalMs
  await sleep(Math.max(0, next - performance.now()))
}
const expected = docs * edits
await until(() => latency.sameNode.length >= expected && latency.otherNode.length >= expected, 60000, 'delivery')

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p / 100 * xs.length))]
const summary = (xs) => {
  const s = [...xs].sort((x, y) => x - y)
  return { n: s.length, p50ms: +pct(s, 50).toFixed(1), p90ms: +pct(s, 90).toFixed(1), p99ms: +pct(s, 99).toFixed(1), maxms: +s[s.length - 1].toFixed(1) }
}
console.log(JSON.stringify({ docs, editsPerDoc: edits, ratePerDoc: Number(rateArg), editsPerSec: docs * Number(rateArg),
  sameNode: summary(latency.sameNode), otherNode: summary(latency.otherNode) }))
setups.forEach((s) => { s.writer.destroy(); s.same.destroy(); s.other.destroy() })
process.exit(0)
