// Idle connections: N sockets, each holding its own synced document with a short paragraph;
// reports the server's RSS growth per connection, (VmRSS with - VmRSS before) / N.
// Usage: node idle.mjs <label> <yws|hp> <base-url> <server-pid> [connections] [workers] [token]
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { sleep } from './clients.mjs'

const [label, protocol, base, pidArg, nArg = '2000', workersArg = '2', token = ''] = process.argv.slice(2)
const n = Number(nArg)
const rssKiB = () => Number(readFileSync(`/proc/${pidArg}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1])
// Workers are killed with us: an orphaned worker keeps run.sh's `| tee` open and the run hangs.
const deadline = setTimeout(() => {
  console.error('idle.mjs: overall time limit')
  for (const w of workers) w.kill('SIGKILL')
  process.exit(3)
}, Number(process.env.IDLE_TIME_LIMIT_S || 300) * 1000)

const before = rssKiB()
const started = performance.now()
const workers = Array.from({ length: Number(workersArg) }, () => fork(new URL('./idle-worker.mjs', import.meta.url)))
const tag = `${label.replace(/\W/g, '')}-${Date.now().toString(36)}`
try {
  await Promise.all(workers.map((w, i) => new Promise((resolve, reject) => {
    w.once('message', (m) => m.ok ? resolve() : reject(new Error(m.error)))
    const docs = []
    for (let j = i; j < n; j += workers.length) docs.push(`idle-${tag}-${j}`)
    w.send({ cmd: 'open', protocol, base, docs, token })
  })))
  const openSeconds = (performance.now() - started) / 1000
  await sleep(3000)
  const after = rssKiB()
  console.log(JSON.stringify({
    label, protocol, connections: n,
    rssBeforeMiB: Math.round(before / 1024),
    rssWithMiB: Math.round(after / 1024),
    rssPerConnectionKiB: Number(((after - before) / n).toFixed(1)),
    openAllSeconds: Number(openSeconds.toFixed(1)),
    load1: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
  }))
} catch (e) {
  console.error(`idle.mjs ${label}: ${e.message}`)
  process.exitCode = 1
} finally {
  clearTimeout(deadline)
  await Promise.all(workers.map((w) => new Promise((resolve) => { w.once('exit', resolve); w.send({ cmd: 'exit' }) })))
}
