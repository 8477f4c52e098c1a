// Load generator: W forked worker processes hold D documents x C clients (stock providers,
// one socket per client) and type at a fixed offered rate per client; the rate is raised
// step by step (saturation search) until delivered/expected < 0.95 or p99 > 2 s.
// Prints one JSON line per step with delivered updates/s, latency percentiles, server CPU
// seconds per 1,000 delivered updates (from /proc/<pid>/stat), generator CPU, peak RSS.
// Usage: node load.mjs <label> <yws|hp> <base-url> <server-pid> [docs] [clientsPerDoc]
//        [rates comma-separated] [windowSeconds] [workers] [token]
// WARMUP_SECONDS (environment, default 0): unmeasured edits before the steps, at WARMUP_RATE edits/s
// per client (default: the first rate), so that a server with a JIT compiler starts its first step
// warm; both reported in every line.
// The Java generator (../load-gen) takes the same arguments and writes the same lines.
// Several nodes: base-urls and pids comma-separated; client i of every document connects to
// base i mod n, and CPU seconds and peak RSS are summed over the pids.
import { fork } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const [label, protocol, base, pidArg, docsArg = '50', perDocArg = '4', ratesArg = '2,5,10,20',
  windowArg = '8', workersArg = '2', token = ''] = process.argv.slice(2)
const pids = pidArg.split(',').map(Number)
const bases = base.split(',')
const docs = Number(docsArg)
const perDoc = Number(perDocArg)
const nWorkers = Number(workersArg)
const windowMs = Number(windowArg) * 1000
const TICKS = 100 // USER_HZ on Linux

const cpuOf = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(f[11]) + Number(f[12])) / TICKS // utime, stime (fields 14, 15)
}
const serverCpuSeconds = () => pids.reduce((a, pid) => a + cpuOf(pid), 0)
// PostgreSQL's share (DB_CLUSTER_PID, DB_NAME), read as ../load-gen's ClusterCpu does: the
// postmaster with its reaped children's time, plus its live children; and PG_DB's backends alone.
const clusterPid = Number(process.env.DB_CLUSTER_PID || 0)
const ticksOf = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ')
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) }
}
const clusterCpu = () => {
  if (!clusterPid) return null
  let cluster = ticksOf(clusterPid).ticks
  let db = 0
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n) && Number(n) !== clusterPid)) {
    let t
    try { t = ticksOf(name) } catch { continue } // exited meanwhile
    if (t.ppid !== clusterPid) continue
    cluster += t.ticks
    let title = ''
    try { title = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') } catch {}
    if (process.env.DB_NAME && title.split(/ +/).includes(process.env.DB_NAME)) db += t.ticks
  }
  return { cluster: cluster / TICKS, db: db / TICKS }
}
const statusOf = (pid, key) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`))[1]) // kB
const status = (key) => pids.reduce((a, pid) => a + statusOf(pid, key), 0)

const workers = Array.from({ length: nWorkers }, () => fork(new URL('./load-worker.mjs', import.meta.url)))
const ask = (w, msg) => new Promise((resolve, reject) => {
  w.once('message', (m) => m.ok ? resolve(m.result) : reject(new Error(m.error)))
  w.send(msg)
})
const tag = `${label.replace(/\W/g, '')}-${Date.now().toString(36)}`
const names = Array.from({ length: docs }, (_, i) => `load-${tag}-${i}`)
const warmupSeconds = Number(process.env.WARMUP_SECONDS || 0)
const deadline = setTimeout(() => { console.error('load.mjs: overall time limit'); process.exit(3) }, 900000)

const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))] : NaN
try {
  await Promise.all(workers.map((w, i) => ask(w, {
    cmd: 'setup', protocol, bases, docs: names.filter((_, j) => j % nWorkers === i), perDoc, token
  })))
  const rates = ratesArg.split(',').map(Number)
  const warmupRate = process.env.WARMUP_RATE ? Number(process.env.WARMUP_RATE) : rates[0]
  if (warmupSeconds > 0) {
    await Promise.all(workers.map((w) => ask(w, { cmd: 'run', rate: warmupRate, warmupMs: warmupSeconds * 1000, windowMs: 1000, drainMs: 0 })))
  }
  for (const rate of rates) {
    const warmupMs = 2000
    const drainMs = 1500
    let cpu0 = null
    let db0 = null
    const t = setTimeout(() => { cpu0 = serverCpuSeconds(); db0 = clusterCpu() }, warmupMs)
    let cpu1 = null
    let db1 = null
    const t2 = setTimeout(() => { cpu1 = serverCpuSeconds(); db1 = clusterCpu() }, warmupMs + windowMs)
    const results = await Promise.all(workers.map((w) => ask(w, { cmd: 'run', rate, warmupMs, windowMs, drainMs })))
    clearTimeout(t); clearTimeout(t2)
    const sum = (k) => results.reduce((a, r) => a + r[k], 0)
    const lat = results.flatMap((r) => r.latencies).sort((a, b) => a - b)
    const received = sum('received')
    const expected = sum('expected')
    const offered = rate * docs * perDoc
    const row = {
      label, protocol, nodes: bases.length, docs, perDoc, rate,
      offeredEditsPerSec: offered,
      sentEditsPerSec: Math.round(sum('sent') / (windowMs / 1000)),
      deliveredPerSec: Math.round(received / (windowMs / 1000)),
      deliveryRatio: Number((received / expected).toFixed(3)),
      p50ms: Number(pct(lat, 50).toFixed(1)),
      p95ms: Number(pct(lat, 95).toFixed(1)),
      p99ms: Number(pct(lat, 99).toFixed(1)),
      serverCpuSecPer1000: Number(((cpu1 - cpu0) / (received / 1000)).toFixed(4)),
      serverCpuPct: Math.round((cpu1 - cpu0) / (windowMs / 1000) * 100),
      generatorMaxStallMs: Math.round(Math.max(...results.map((r) => r.maxTickGapMs))),
      generatorCpuPct: Math.round(sum('cpuMs') / windowMs * 100),
      serverPeakRssMiB: Math.round(status('VmHWM') / 1024),
      load1: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
      generator: 'node',
      serverWarmupSeconds: warmupSeconds,
      serverWarmupRate: warmupRate
    }
    if (db0 && db1) {
      const perK = received / 1000
      Object.assign(row, {
        dbCpuSecPer1000: Number(((db1.cluster - db0.cluster) / perK).toFixed(4)),
        dbCpuPct: Math.round((db1.cluster - db0.cluster) / (windowMs / 1000) * 100),
        dbOwnBackendsCpuSecPer1000: Number(((db1.db - db0.db) / perK).toFixed(4)),
        combinedCpuSecPer1000: Number(((cpu1 - cpu0 + db1.cluster - db0.cluster) / perK).toFixed(4))
      })
    }
    console.log(JSON.stringify(row))
    if (row.deliveryRatio < 0.95 || row.p99ms > 2000 || row.sentEditsPerSec < 0.9 * offered) break
  }
} catch (e) {
  console.error(`load.mjs ${label}: ${e.message}`)
  process.exitCode = 1
} finally {
  clearTimeout(deadline)
  await Promise.all(workers.map((w) => new Promise((resolve) => { w.once('exit', resolve); w.send({ cmd: 'exit' }) })))
}
