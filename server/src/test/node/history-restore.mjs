// Clients for the history integration test (real Hocuspocus provider, XML like the web client).
// Usage:
//   node history-restore.mjs edit <ws://host:port> <document> <token> <marker>
//     appends a paragraph, waits for the server's acknowledgement, prints {text} as this client sees it
//   node history-restore.mjs type <ws://host:port> <document> <tokenA> <tokenB> <flagFile> <count>
//     two clients append paragraphs "alphaN " / "betaN " concurrently while the test restores;
//     words started after <flagFile> exists are reported in `after`; prints {a, b, after}
import { existsSync } from 'node:fs'
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
  const [tokenA, tokenB, flag, countArg] = rest
  const a = hocuspocusClient(base, name, undefined, null, tokenA)
  const b = hocuspocusClient(base, name, undefined, null, tokenB)
  await Promise.all([a.whenSynced(), b.whenSynced()])
  const after = []
  for (let i = 0; i < Number(countArg); i++) {
    const restored = existsSync(flag)
    appendParagraph(a.doc, `alpha${i} `)
    appendParagraph(b.doc, `beta${i} `)
    if (restored) after.push(`alpha${i} `, `beta${i} `)
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
