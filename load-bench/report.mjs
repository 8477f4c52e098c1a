// Prints the benchmark tables (Markdown) with ratios from the JSON lines of run.sh.
// Usage: node report.mjs results.jsonl [more.jsonl...]  (rows of all files together)
import { readFileSync } from 'node:fs'

const rows = process.argv.slice(2).flatMap((f) => readFileSync(f, "utf8").split("\n")).filter(Boolean).map((l) => JSON.parse(l))
const load = rows.filter((r) => r.rate !== undefined)
const idle = rows.filter((r) => r.connections !== undefined)
const open = rows.find((r) => r.label === 'open')
const fsyncs = rows.filter((r) => r.label === 'fsync')
const name = (r) => `${r.label} (${r.protocol === 'yws' ? 'y-websocket' : 'Hocuspocus'} protocol)`
const ratio = (a, b) => (a == null || b == null || !b || Number.isNaN(a)) ? 'n/a' : (a / b).toFixed(2)
const out = []

if (load.length) {
out.push('### Load (same offered load for every server)', '')
const placement = (r) => r.serverCpus ? `, server on CPU ${r.serverCpus}, generator on CPU ${r.generatorCpus}` : ''
const gens = [...new Set(load.map((r) => `${r.generator ?? 'node'} generator${r.clientMode ? ` (${r.clientMode} clients)` : ''}, server warm-up ${r.serverWarmupSeconds ?? 0} s${placement(r)}`))]
out.push(`Load generator: ${gens.join('; ')}`, '')
out.push('| edits/s per client | offered edits/s | server | sent edits/s | delivered updates/s | delivered/expected | p50 ms | p95 ms | p99 ms | server CPU s per 1,000 delivered | server CPU % | PostgreSQL cluster CPU s per 1,000 delivered (of it: the benchmark database backends) | server + PostgreSQL CPU s per 1,000 delivered | generator CPU % | generator max stall ms | server peak RSS MiB | load1 |')
out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of load) {
  out.push(`| ${r.rate} | ${r.offeredEditsPerSec} | ${name(r)} | ${r.sentEditsPerSec} | ${r.deliveredPerSec} | ${r.deliveryRatio} | ${r.p50ms} | ${r.p95ms} | ${r.p99ms} | ${r.serverCpuSecPer1000} | ${r.serverCpuPct} | ${r.dbCpuSecPer1000 == null ? '-' : `${r.dbCpuSecPer1000} (${r.dbOwnBackendsCpuSecPer1000})`} | ${r.combinedCpuSecPer1000 ?? '-'} | ${r.generatorCpuPct} | ${r.generatorMaxStallMs} | ${r.serverPeakRssMiB} | ${r.load1} |`)
}
const find = (label, protocol, rate) => load.find((r) => r.label === label && r.protocol === protocol && r.rate === rate)
const pairs = [
  ['ours-embedded', 'yws', 'y-websocket', 'ours (embedded) / y-websocket'],
  ['ours-embedded', 'hp', 'hocuspocus', 'ours (embedded) / Hocuspocus'],
  ['ours-postgres', 'yws', 'y-websocket', 'ours (PostgreSQL) / y-websocket']
]
// With PostgreSQL the commits' work is done in the cluster's processes: compare server + cluster.
const cpuOf = (r) => r.combinedCpuSecPer1000 ?? r.serverCpuSecPer1000
out.push('', '### Ratios at equal offered load (ours / peer; delivered: higher is better, the rest: lower is better)', '')
out.push('| edits/s per client | pair | delivered/s | p50 | p95 | p99 | CPU per 1,000 delivered | peak RSS |')
out.push('|---|---|---|---|---|---|---|---|')
const rates = [...new Set(load.map((r) => r.rate))].sort((a, b) => a - b)
for (const rate of rates) {
  for (const [ours, protocol, peer, title] of pairs) {
    const a = find(ours, protocol, rate)
    const b = find(peer, protocol, rate)
    if (!a || !b) continue
    out.push(`| ${rate} | ${title} | ${ratio(a.deliveredPerSec, b.deliveredPerSec)} | ${ratio(a.p50ms, b.p50ms)} | ${ratio(a.p95ms, b.p95ms)} | ${ratio(a.p99ms, b.p99ms)} | ${ratio(cpuOf(a), cpuOf(b))}${a.combinedCpuSecPer1000 == null ? '' : ' (server + PostgreSQL)'} | ${ratio(a.serverPeakRssMiB, b.serverPeakRssMiB)} |`)
  }
}
out.push('', '### Saturation search (highest step with delivered/expected ≥ 0.95, p99 ≤ 2 s, generator kept up)', '')
out.push('| server | highest sustained edits/s per client | delivered updates/s there | generator CPU % there | generator CPU s per 1,000 delivered there | next step: delivered/expected, p99 ms, sent/offered, generator CPU % of its CPUs | steps run |')
out.push('|---|---|---|---|---|---|---|')
const cpuCount = (list) => list ? list.split(',').reduce((n, part) => { const [a, b] = part.split('-').map(Number); return n + (b === undefined ? 1 : b - a + 1) }, 0) : NaN
const ofCpus = (r) => r.generatorCpus ? `${Math.round(r.generatorCpuPct / cpuCount(r.generatorCpus))} %` : 'n/a'
const sustained = (r) => r.deliveryRatio >= 0.95 && r.p99ms <= 2000 && r.sentEditsPerSec >= 0.9 * r.offeredEditsPerSec
const saturation = new Map()
for (const key of [...new Set(load.map((r) => `${r.label}|${r.protocol}`))]) {
  const series = load.filter((r) => `${r.label}|${r.protocol}` === key)
  const best = series.filter(sustained).at(-1)
  const next = series.find((r) => !sustained(r))
  saturation.set(key, best)
  // a generator near 100 % of the CPUs it may use is itself the limit of that step
  const why = next ? `${next.rate}: ${next.deliveryRatio}, ${next.p99ms}, ${(next.sentEditsPerSec / next.offeredEditsPerSec).toFixed(2)}, ${ofCpus(next)}` : 'none failed'
  out.push(`| ${name(series[0])} | ${best ? best.rate : 'none'} | ${best ? best.deliveredPerSec : '-'} | ${best?.generatorCpuPct ?? '-'} | ${best?.generatorCpuSecPer1000 ?? '-'} | ${why} | ${series.map((r) => r.rate).join(', ')} |`)
}
const satPairs = [...pairs, ['ours-embedded', 'yws', 'hocuspocus|hp', 'ours (embedded, y-websocket protocol) / Hocuspocus'],
  ['ours-postgres', 'yws', 'hocuspocus|hp', 'ours (PostgreSQL) / Hocuspocus']]
out.push('', '| saturation ratio (delivered updates/s at the highest sustained step) | ratio |', '|---|---|')
for (const [ours, protocol, peer, title] of satPairs) {
  const a = saturation.get(`${ours}|${protocol}`)
  const b = saturation.get(peer.includes('|') ? peer : `${peer}|${protocol}`)
  if (a && b) out.push(`| ${title} | ${ratio(a.deliveredPerSec, b.deliveredPerSec)} |`)
}
}
if (idle.length) {
  out.push('', '### Idle connections (one synced document per socket)', '')
  out.push('| server | connections | RSS before MiB | RSS with MiB | RSS per connection KiB | ratio ours / peer | time to open all s | load1 |')
  out.push('|---|---|---|---|---|---|---|---|')
  for (const r of idle) {
    const peer = idle.find((p) => p.protocol === r.protocol && !p.label.startsWith('ours'))
    const rat = r.label.startsWith('ours') && peer ? ratio(r.rssPerConnectionKiB, peer.rssPerConnectionKiB) : '-'
    out.push(`| ${name(r)} | ${r.connections} | ${r.rssBeforeMiB} | ${r.rssWithMiB} | ${r.rssPerConnectionKiB} | ${rat} | ${r.openAllSeconds} | ${r.load1} |`)
  }
}
if (open) {
  out.push('', `### Document open time (fresh server process, embedded store; document: ${open.document ?? 'random'})`, '')
  out.push('| what | ms | text length |')
  out.push('|---|---|---|')
  out.push(`| writing the log: ${open.create.updates} updates through one Hocuspocus client (acknowledged), server headSeq ${open.headSeq} | ${Math.round(open.create.seconds * 1000)} | ${open.create.textLength} |`)
  out.push(`| connect → synced, empty document (first request to the fresh process) | ${open.emptyOpen.ms} | ${open.emptyOpen.textLength} |`)
  out.push(`| connect → synced, the big document, first open after process start | ${open.firstOpen.ms} | ${open.firstOpen.textLength} |`)
  out.push(`| connect → synced, the big document again after it was unloaded | ${open.reopen.ms} | ${open.reopen.textLength} |`)
  out.push(`| reference: Node Yjs 13.6.33 applies the same ${open.nodeReplay.updates} updates to a fresh Y.Doc in one transaction | ${open.nodeReplay.ms} | ${open.nodeReplay.textLength} |`)
  out.push(`| ratio first open / Node replay; reopen / Node replay | ${ratio(open.firstOpen.ms, open.nodeReplay.ms)}; ${ratio(open.reopen.ms, open.nodeReplay.ms)} | |`)
  if (open.firstOpen.syncedMs != null) {
    out.push(`| the same three, from the provider's sync event (not polled): empty, first open, reopen | ${open.emptyOpen.syncedMs}; ${open.firstOpen.syncedMs}; ${open.reopen.syncedMs} | |`)
  }
  if (open.rawFirstOpen) {
    const raw = [['empty document', open.rawEmptyOpen], ['big document, first open', open.rawFirstOpen], ['big document, reopen', open.rawReopen]]
    for (const [what, r] of raw) {
      out.push(`| bare socket (second fresh process), ${what}: complete step 2 arrived (socket open; server's step 1) | ${r.ms} (${r.openMs}; ${r.step1Ms}) | ${r.textLength} |`)
    }
    // From the socket's open, not minus the empty document's open: that one is the fresh
    // process's first request and can take longer than the big document's (cold code paths).
    const server = (r) => Math.round((r.ms - r.openMs) * 10) / 10
    out.push(`| server's part = step 2 arrived − socket open: first open; reopen | ${server(open.rawFirstOpen)}; ${server(open.rawReopen)} | |`)
    out.push(`| Node client's part: a fresh Y.Doc applies those ${open.rawFirstOpen.bytes} bytes (${open.rawFirstOpen.messages} message(s)), cold; warm | ${open.rawFirstOpen.applyMs}; ${open.rawFirstOpen.applyWarmMs} | |`)
  }
  out.push('', `load1 at the end of the open-time step: ${open.load1}`)
}
if (fsyncs.length) {
  // Every acknowledgement of ours waits for one fsync; the in-memory peers' do not.
  out.push('', '### The disk: fsync of a 4 KiB append (the floor of a durable acknowledgement)', '')
  out.push('| when | p50 ms | p90 ms | p99 ms | max ms |')
  out.push('|---|---|---|---|---|')
  fsyncs.forEach((f, i) => out.push(`| ${i === 0 ? 'before the run' : 'after the run'} | ${f.p50ms} | ${f.p90ms} | ${f.p99ms} | ${f.maxMs} |`))
}
console.log(out.join('\n'))
