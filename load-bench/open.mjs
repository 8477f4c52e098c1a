// Document open time.
//   node open.mjs create <hocuspocus-url> <document> <updates> <clients> <updates-file> [token]
//     writes <updates> edits through <clients> Hocuspocus clients (each edit its own update,
//     acknowledged = durable), and saves every update (length-prefixed) so the same log can be
//     replayed in Node. OPEN_DOC picks the edits: random (default) inserts one character at a
//     random position each time, the worst case (no two items can merge); b4 replays the first
//     <updates> patches of the real editing trace (OPEN_TRACE, default the shared
//     automerge-paper.json.gz: typing, deletions, cursor jumps), the document people make.
//   node open.mjs open <y-websocket-url> <document> [token]
//     times connect -> synced with a stock y-websocket client; prints {ms, syncedMs, textLength}
//     (ms: polled every 20 ms, kept for comparison with older runs; syncedMs: the provider's
//     sync event, exact).
//   node open.mjs raw <y-websocket-url> <document> [token]
//     splits that figure: a bare socket (no Yjs on the receiving path) sends sync step 1 with an
//     empty state vector and times the arrival of the server's step 1 and of its complete step 2
//     (the update messages before it included); then a fresh Y.Doc applies exactly those bytes
//     as the stock client would (one applyUpdate per message). See rawOpen.mjs.
//   node open.mjs replay <updates-file>
//     the Node/Yjs reference: a fresh Y.Doc applies the whole log in one transaction (what a
//     log-replaying server does on load); prints {ms}.
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { makeClient, until, sleep, Y } from './clients.mjs'
import { rawOpen, applyLikeAProvider } from './rawOpen.mjs'

const [mode, ...args] = process.argv.slice(2)
const deadline = setTimeout(() => { console.error('open.mjs: overall time limit'); process.exit(3) }, 240000)

if (mode === 'create') {
  const [base, name, totalArg, clientsArg, file, token] = args
  const total = Number(totalArg)
  const clients = Array.from({ length: Number(clientsArg) }, () => makeClient('hp', base, name, token))
  const log = []
  for (const c of clients) c.doc.on('update', (u, origin, doc, tr) => { if (tr.local) log.push(u) })
  await until(() => clients.every((c) => c.isSynced()), 60000, 'synced')
  const edit = editsOf(process.env.OPEN_DOC || 'random', total)
  const started = performance.now()
  for (let i = 0; i < total; i++) {
    edit(clients[i % clients.length].doc.getText('text'), i)
    if (i % 5000 === 4999) {
      await sleep(5) // let sockets flush
      await until(() => clients.every((c) => !c.hasUnsynced()), 120000, 'acknowledged')
    }
  }
  await until(() => clients.every((c) => !c.hasUnsynced()), 120000, 'all acknowledged')
  const seconds = (performance.now() - started) / 1000
  const parts = []
  for (const u of log) { const len = Buffer.alloc(4); len.writeUInt32LE(u.length); parts.push(len, Buffer.from(u)) }
  writeFileSync(file, Buffer.concat(parts))
  console.log(JSON.stringify({ document: process.env.OPEN_DOC || 'random', updates: log.length, textLength: clients[0].doc.getText('text').length, seconds: Number(seconds.toFixed(1)) }))
  clients.forEach((c) => c.destroy())
} else if (mode === 'open') {
  const [base, name, token] = args
  const started = performance.now()
  let syncedAt = null
  const c = makeClient('yws', base, name, token, () => { syncedAt ??= performance.now() })
  await until(() => c.isSynced(), 120000, 'synced')
  const ms = performance.now() - started
  const syncedMs = syncedAt === null ? null : Number((syncedAt - started).toFixed(1))
  console.log(JSON.stringify({ ms: Number(ms.toFixed(1)), syncedMs, textLength: c.doc.getText('text').length }))
  c.destroy()
} else if (mode === 'raw') {
  const [base, name, token] = args
  const r = await rawOpen(base, name, token, 120000)
  // Cold like the stock client's apply (its first Yjs work in a fresh process), then once warm.
  const cold = applyLikeAProvider(r.payloads)
  const warm = applyLikeAProvider(r.payloads)
  console.log(JSON.stringify({
    ms: r.step2Ms, openMs: r.openMs, step1Ms: r.step1Ms, bytes: r.bytes, messages: r.payloads.length,
    applyMs: cold.ms, applyWarmMs: warm.ms, textLength: cold.textLength
  }))
} else if (mode === 'replay') {
  const buf = readFileSync(args[0])
  const updates = []
  for (let o = 0; o < buf.length;) { const n = buf.readUInt32LE(o); updates.push(buf.subarray(o + 4, o + 4 + n)); o += 4 + n }
  const started = performance.now()
  const doc = new Y.Doc()
  doc.transact(() => { for (const u of updates) Y.applyUpdate(doc, u) })
  const ms = performance.now() - started
  console.log(JSON.stringify({ updates: updates.length, ms: Number(ms.toFixed(1)), textLength: doc.getText('text').length }))
}
clearTimeout(deadline)
process.exit(0)

// The i-th edit of a document kind, applied to a client's text.
function editsOf (kind, total) {
  if (kind === 'random') {
    return (text, i) => text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)))
  }
  if (kind === 'b4') {
    const file = process.env.OPEN_TRACE || new URL('../../shared/data/automerge-paper.json.gz', import.meta.url).pathname
    const patches = JSON.parse(gunzipSync(readFileSync(file))).txns.flatMap((t) => t.patches)
    if (patches.length < total) throw new Error(`the trace has ${patches.length} patches, fewer than ${total}`)
    return (text, i) => {
      const [pos, del, ins] = patches[i]
      if (del > 0) text.delete(pos, del)
      if (ins) text.insert(pos, ins)
    }
  }
  throw new Error(`OPEN_DOC must be random or b4, not ${kind}`)
}
