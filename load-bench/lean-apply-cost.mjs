// What lean clients (CLIENT_MODE=lean of load-gen) change for a Yjs server: a lean client's
// document holds only its own edits, so its inserts have its own items as origins and the server's
// conflict scan passes over the other clients' items in between. Builds one sequence of updates by
// 4 full clients (each integrates the others' updates) and one by 4 lean clients (each sees only
// its own), same edit shape as load-gen (a character at a random place and the client's {s, t}
// entry), then applies each whole sequence to a fresh Y.Doc, alternately, and prints the CPU per
// update. Usage: node lean-apply-cost.mjs [updates=20000] [rounds=6]
import * as Y from 'yjs'

const n = Number(process.argv[2] || 20000)
const rounds = Number(process.argv[3] || 6)

function sequence (lean) {
  const clients = [0, 1, 2, 3].map(() => new Y.Doc())
  const updates = []
  for (let i = 0; i < n; i++) {
    const c = i % 4
    const doc = clients[c]
    let update = null
    const grab = (u, origin) => { if (origin == null) update = u }
    doc.on('update', grab)
    doc.transact(() => {
      const text = doc.getText('text')
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'x')
      doc.getMap('meta').set(`k${c}`, { s: i, t: 1.5 * i })
    })
    doc.off('update', grab)
    updates.push(update)
    if (!lean) for (let o = 0; o < 4; o++) if (o !== c) Y.applyUpdate(clients[o], update, 'remote')
  }
  return updates
}

const sequences = { full: sequence(false), lean: sequence(true) }
for (let round = 0; round < rounds; round++) {
  for (const mode of ['full', 'lean']) {
    const server = new Y.Doc()
    const before = process.cpuUsage()
    for (const u of sequences[mode]) Y.applyUpdate(server, u, 'remote')
    const used = process.cpuUsage(before)
    console.log(JSON.stringify({ round, mode, updates: n, usPerUpdate: Number(((used.user + used.system) / n).toFixed(2)) }))
  }
}
