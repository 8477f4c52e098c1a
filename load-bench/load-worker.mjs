// Load-generator worker (forked by load.mjs). Holds every client of its documents, so that
// sender and receivers of an edit share one clock (performance.now()). Each edit is one Yjs
// transaction: one character typed into the text at a random position plus the sender's
// entry in the map "meta" set to {s: sequence number, t: send time}; a receiver's map observer
// turns the entry into a delivery count and an edit-to-remote latency sample.
import { makeClient, until, sleep } from './clients.mjs'

process.setMaxListeners(0) // every y-websocket provider adds an 'exit' listener
process.on('disconnect', () => process.exit(2)) // parent gone: do not hold sockets open for ever

let clients = [] // {doc, text, meta, key, seq, phase, last: Map(senderKey -> last seq seen), group}
let win = null    // per-sender window bounds {start: Map, end: Map} while measuring
let received = 0
let latencies = []

function onMeta (c) {
  return (event, tr) => {
    if (tr.local) return
    const now = performance.now()
    for (const key of event.keysChanged) {
      const v = c.meta.get(key)
      if (!v) continue
      const last = c.last.get(key) ?? 0
      if (v.s <= last) continue
      c.last.set(key, v.s)
      if (win && win.start.has(key)) {
        const end = win.end.get(key) ?? Infinity // still inside the window
        const lo = Math.max(last, win.start.get(key))
        const hi = Math.min(v.s, end)
        if (hi > lo) received += hi - lo
        if (v.s > win.start.get(key) && v.s <= end) latencies.push(now - v.t)
      }
    }
  }
}

async function setup ({ protocol, bases, docs, perDoc, token }) {
  for (const name of docs) {
    for (let i = 0; i < perDoc; i++) {
      const client = makeClient(protocol, bases[i % bases.length], name, token) // split across nodes
      const c = { ...client, key: `${name}#${i}`, seq: 0, phase: Math.random(), last: new Map(), group: name }
      c.text = c.doc.getText('text')
      c.meta = c.doc.getMap('meta')
      c.meta.observe(onMeta(c))
      clients.push(c)
      await sleep(2) // do not open hundreds of sockets in one burst
    }
  }
  await until(() => clients.every((c) => c.isSynced()), 60000, 'all clients synced')
}

function edit (c) {
  c.seq++
  c.doc.transact(() => {
    c.text.insert(Math.floor(Math.random() * (c.text.length + 1)), 'x')
    c.meta.set(c.key, { s: c.seq, t: performance.now() })
  })
}

// Runs edits at `rate` per client per second from now until warmupMs + windowMs + drainMs;
// the window is [warmupMs, warmupMs + windowMs).
async function run ({ rate, warmupMs, windowMs, drainMs }) {
  received = 0
  latencies = []
  const t0 = performance.now()
  const base = new Map(clients.map((c) => [c, c.seq]))
  let cpuStart = null
  let maxGap = 0
  let winStarted = false
  let winEnded = false
  const total = warmupMs + windowMs + drainMs
  await new Promise((resolve) => {
    let prev = performance.now()
    const tick = setInterval(() => {
      const el = performance.now() - t0
      const gap = performance.now() - prev
      prev = performance.now()
      if (winStarted && !winEnded && gap > maxGap) maxGap = gap
      if (!winStarted && el >= warmupMs) {
        winStarted = true
        cpuStart = process.cpuUsage()
        win = { start: new Map(clients.map((c) => [c.key, c.seq])), end: new Map() }
      }
      if (winStarted && !winEnded && el >= warmupMs + windowMs) {
        winEnded = true
        for (const c of clients) win.end.set(c.key, c.seq)
        win.cpu = process.cpuUsage(cpuStart)
      }
      if (el >= total) { clearInterval(tick); resolve(); return }
      for (const c of clients) {
        const due = Math.floor(el * rate / 1000 + c.phase)
        while (c.seq - base.get(c) < due) edit(c)
      }
    }, 5)
  })
  await sleep(300) // let the last in-flight window edits arrive
  // Edits of the window: per sender, each is expected at every other client of its document.
  let sent = 0
  let expected = 0
  const perDocClients = new Map()
  for (const c of clients) perDocClients.set(c.group, (perDocClients.get(c.group) ?? 0) + 1)
  for (const c of clients) {
    const n = win.end.get(c.key) - win.start.get(c.key)
    sent += n
    expected += n * (perDocClients.get(c.group) - 1)
  }
  const cpu = win.cpu
  win = null
  return { sent, expected, received, latencies, cpuMs: (cpu.user + cpu.system) / 1000, maxTickGapMs: maxGap }
}

process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'setup') { await setup(msg); process.send({ ok: true }) }
    if (msg.cmd === 'run') process.send({ ok: true, result: await run(msg) })
    if (msg.cmd === 'exit') { clients.forEach((c) => c.destroy()); process.exit(0) }
  } catch (e) {
    process.send({ ok: false, error: String(e && e.stack || e) })
  }
})
