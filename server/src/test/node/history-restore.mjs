// Clients for the history integration test (real Hocuspocus provider, XML like the web client).
// Usage:
//   node history-restore.mjs edit <ws://host:port> <document> <token> <marker>
//     appends a paragraph, waits for the server's acknowledgement, prints {text} as this client sees it
//   node history-restore.mjs type <ws://host:port> <document> <tokenA> <tokenB> <startedFile> <flagFile> <countAfter>
//     two clients append paragraphs "alphaN " / "betaN " concurrently while the test restores:
//     once both typed a word, <startedFile> is created; they type until <flagFile> exists and then
//     <countAfter> words more each. Words started after <flagFile> exists are reported in `after`;
//     prints {a, b, after}. (Typing waits for the test rather than for a fixed time: under load,
//     Node's start can take longer than any fixed number of words.)
import { existsSync, writeFileSync } from 'node:fs'
import { Y, hocuspocusClient, sleep, until } from './clients.mjs'

// The visible text: every XmlText in document order (block boundaries dropped; the Java side
// drops its '\n' block separators before comparing).
export function visibleText (node) {
  let out = ''
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const d of child.toDelta()) out += typeof d.insert === 'string' ? d.insert : ''
    } else if (child instanceof Y.XmlElement) {
      out += visibleText(child)
    }
  }
  return out
}

function appendParagraph (doc, words) {
  const xml = doc.getXmlFragment('default')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(words)])
  xml.insert(xml.length, [p])
}

const [mode, base, name, ...rest] = process.argv.slice(2)
if (mode === 'edit') {
  const [token, marker] = rest
  const c = hocuspocusClient(base, name, undefined, null, token)
  await c.whenSynced()
  appendParagraph(c.doc, marker)
  await c.whenSynced()
  console.log(JSON.stringify({ text: visibleText(c.doc.getXmlFragment('default')) }))
  process.exit(0)
} else if (mode === 'type') {
  const [tokenA, tokenB, started, flag, countArg] = rest
  const a = hocuspocusClient(base, name, undefined, null, tokenA)
  const b = hocuspocusClient(base, name, undefined, null, tokenB)
  await Promise.all([a.whenSynced(), b.whenSynced()])
  const after = []
  // a bound against a test that never restores (1,500 words, over 90 s), not a timing rule
  for (let i = 0; after.length < 2 * Number(countArg) && i < 1500; i++) {
    const restored = existsSync(flag)
    appendParagraph(a.doc, `alpha${i} `)
    appendParagraph(b.doc, `beta${i} `)
    if (restored) after.push(`alpha${i} `, `beta${i} `)
    if (i === 0) writeFileSync(started, 'typing')
    await sleep(60)
  }
  await Promise.all([a.whenSynced(), b.whenSynced()])
  const text = (c) => visibleText(c.doc.getXmlFragment('default'))
  await until(() => text(a) === text(b), 20000, 'convergence')
  console.log(JSON.stringify({ a: text(a), b: text(b), after }))
  process.exit(0)
} else {
  console.error('unknown mode ' + mode)
  process.exit(2)
}
