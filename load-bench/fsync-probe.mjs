// The floor under a durable server's latency: how long this disk takes to make a small write
// durable. Our server acknowledges an edit only after the commit that holds it was fsynced
// (SQLite synchronous=FULL, or PostgreSQL's WAL flush); the in-memory peers acknowledge at once.
// So at low load our p99 cannot fall below this disk's p99 fsync time.
//   node fsync-probe.mjs <directory> [count=200]
// Prints one JSON line: fsync of a 4 KiB append, like a commit's WAL frame, in milliseconds.
import { openSync, writeSync, fsyncSync, closeSync, rmSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'

const [dirArg, countArg] = process.argv.slice(2)
if (!dirArg) { console.error('usage: node fsync-probe.mjs <directory> [count]'); process.exit(2) }
const count = Math.max(20, Math.min(5000, Number(countArg ?? 200) || 200))
const dir = mkdtempSync(join(dirArg, 'fsync-probe-'))
const fd = openSync(join(dir, 'probe.bin'), 'w')
const page = Buffer.alloc(4096, 0x78)
const ms = []
try {
  for (let i = 0; i < count; i++) {
    writeSync(fd, page)
    const started = process.hrtime.bigint()
    fsyncSync(fd)
    ms.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
} finally {
  closeSync(fd)
  rmSync(dir, { recursive: true, force: true })
}
ms.sort((a, b) => a - b)
const at = (q) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(2))
console.log(JSON.stringify({ label: 'fsync', directory: dirArg, count, p50ms: at(0.5), p90ms: at(0.9), p99ms: at(0.99), maxMs: at(1) }))
