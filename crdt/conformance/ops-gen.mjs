// Random operations over the trace document model (roots t, a, m, x, e): the generator of the
// corpus and the live fuzz peer draw their edits from here. Positions in text never split a
// surrogate pair, as real editors never do (Yjs clients diverge when they do).
import * as Y from 'yjs'
import { toB64, ROOTS, getRoot, kindOf } from './trace-format.mjs'

// ---- random content ---------------------------------------------------------------------------

const PIECES = ['a', 'b', 'c', 'x', 'yz', ' ', 'Rat', 'Bürger', 'ß', 'é', '日本', '\n', '😀', '👍🏽', '𝔸', 'ü', '\t', '—', '🏳️‍🌈', 'ok', '\u0000']
const KEYS = ['a', 'b', 'c', 'title', 'name', 'k1', 'k2', 'ä', '😀', 'list', 'meta', '']
const ATTR_NAMES = ['class', 'id', 'href', 'data-x', 'lang']
const TAGS = ['p', 'h1', 'ul', 'li', 'span', 'img', 'blockquote']
const FORMATS = [{ bold: true }, { italic: true }, { bold: null }, { italic: null }, { color: '#ff0000' }, { link: 'https://example.org/1' },
  { size: 12 }, { bold: true, italic: true }, { color: null }, { comment: { id: 7, by: 'rat' } }]

const randString = (rng, maxPieces = 4) => {
  let s = ''
  const n = rng.int(1, maxPieces)
  for (let i = 0; i < n; i++) s += rng.pick(PIECES)
  return s
}

const randJson = (rng, depth) => {
  const k = rng.weighted({ str: 4, int: 4, float: 2, bool: 1, nul: 1, obj: depth < 2 ? 1.5 : 0, arr: depth < 2 ? 1.5 : 0, special: 0.4, bytes: 0.3 })
  switch (k) {
    case 'str': return randString(rng)
    case 'int': return rng.pick([0, 1, -1, 63, 64, -64, 127, 128, 2147483647, -2147483648, 2147483648, 9007199254740991, -9007199254740991, rng.int(-100000, 100000)])
    case 'float': return rng.pick([0.5, -1.25, 3.141592653589793, 1e300, -2.5e-8, 1.5, 0.1, 16777217.5, 3.4028234663852886e38])
    case 'bool': return rng.bool()
    case 'nul': return null
    case 'obj': {
      const o = {}
      const n = rng.int(0, 3)
      // numeric-looking keys exercise JavaScript property order
      for (let i = 0; i < n; i++) o[rng.pick(['z', 'a', 'k', '2', '10', 'ü', '1', 'x y'])] = randJson(rng, depth + 1)
      return o
    }
    case 'arr': {
      const a = []
      const n = rng.int(0, 3)
      for (let i = 0; i < n; i++) a.push(randJson(rng, depth + 1))
      return a
    }
    case 'special': return rng.pick([{ $num: 'NaN' }, { $num: 'Infinity' }, { $num: '-Infinity' }, { $num: '-0' }, { $undefined: true }, { $bigint: '-9223372036854775808' }, { $bigint: '12345678901234567' }])
    case 'bytes': return { $bytes: toB64(new Uint8Array(rng.int(0, 5)).map(() => rng.int(0, 255))) }
  }
}

/** Names subdocuments uniquely and deterministically: set traceIndex and reset subdocCounter per trace. */
export const genContext = { traceIndex: 0, subdocCounter: 0 }

/** A value for YArray.insert / YMap.set: JSON, binary, a nested (prelim) type or a subdocument. */
const randValue = (rng, depth, allowSubdoc) => {
  const k = rng.weighted({ json: 10, bytes: 1, type: depth < 2 ? 2.5 : 0, doc: allowSubdoc ? 0.4 : 0, undef: 0.3 })
  switch (k) {
    case 'json': return randJson(rng, 0)
    case 'bytes': return { $bytes: toB64(new Uint8Array(rng.int(0, 6)).map(() => rng.int(0, 255))) }
    case 'undef': return { $undefined: true }
    case 'type': return randTypeSpec(rng, depth)
    case 'doc': {
      const opts = rng.pick([{}, { gc: false }, { autoLoad: true }, { meta: { kind: 'motion' } }, { meta: 'x' }])
      return { $doc: { guid: `sub-${genContext.traceIndex}-${genContext.subdocCounter++}`, opts } }
    }
  }
}

/** YArray.insert accepts neither undefined nor BigInt at the top level (YMap.set does). */
const arraySafe = v => v !== null && typeof v === 'object' && ('$undefined' in v || '$bigint' in v) ? [v] : v

const randTypeSpec = (rng, depth) => {
  const kind = rng.weighted({ map: 3, array: 3, text: 2, xmlText: 1, xmlElement: 1, xmlFragment: 0.5 })
  const empty = rng.bool(0.5)
  switch (kind) {
    case 'map': {
      const entries = {}
      if (!empty) for (let i = rng.int(1, 3); i > 0; i--) entries[rng.pick(KEYS)] = randValue(rng, depth + 1, false)
      return { $type: 'map', entries }
    }
    case 'array': {
      const items = []
      if (!empty) for (let i = rng.int(1, 3); i > 0; i--) items.push(arraySafe(randValue(rng, depth + 1, false)))
      return { $type: 'array', items }
    }
    case 'text': return { $type: 'text', text: empty ? '' : randString(rng) }
    case 'xmlText': return { $type: 'xmlText', text: empty ? '' : randString(rng) }
    case 'xmlFragment': return { $type: 'xmlFragment', children: empty ? [] : [randXmlSpec(rng, depth + 1)] }
    case 'xmlElement': return randXmlElementSpec(rng, depth, empty)
  }
}

const randXmlElementSpec = (rng, depth, empty) => {
  const attrs = {}
  if (rng.bool(0.5)) attrs[rng.pick(ATTR_NAMES)] = randString(rng, 2)
  const children = []
  if (!empty && depth < 3) for (let i = rng.int(1, 2); i > 0; i--) children.push(randXmlSpec(rng, depth + 1))
  return { $type: 'xmlElement', name: rng.pick(TAGS), attrs, children }
}

const randXmlSpec = (rng, depth) => rng.bool(0.5)
  ? { $type: 'xmlText', text: rng.bool(0.2) ? '' : randString(rng) }
  : randXmlElementSpec(rng, depth + 1, depth >= 2 || rng.bool(0.4))

// ---- choosing targets ----------------------------------------------------------------------

/** All live shared types of doc with their paths (depth-limited). */
const liveTypes = doc => {
  const out = []
  const walk = (t, path, depth) => {
    out.push({ t, path, kind: kindOf(t) })
    if (depth > 4) return
    if (t instanceof Y.Map) {
      for (const [k, v] of [...t.entries()].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) {
        if (v instanceof Y.AbstractType) walk(v, [...path, k], depth + 1)
      }
    } else if (t instanceof Y.Array || t instanceof Y.XmlFragment) {
      // YXmlElement extends YXmlFragment
      t.toArray().forEach((v, i) => { if (v instanceof Y.AbstractType) walk(v, [...path, i], depth + 1) })
    }
  }
  for (const name of Object.keys(ROOTS)) walk(getRoot(doc, name), [name], 0)
  return out
}

/** UTF-16 units of a text type in index space (embeds count as one unit, formats as none). */
const textUnits = t => {
  let s = ''
  for (const d of t.toDelta()) s += typeof d.insert === 'string' ? d.insert : '\uE000'
  return s
}

/** Positions in [0, s.length] that do not split a surrogate pair. */
const safePositions = s => {
  const out = []
  for (let p = 0; p <= s.length; p++) {
    const hi = s.charCodeAt(p - 1)
    const lo = s.charCodeAt(p)
    if (p > 0 && p < s.length && hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) continue
    out.push(p)
  }
  return out
}

/** A range [a, b) with both ends safe, a < b, or null. */
const safeRange = (rng, s, maxLen = 8) => {
  const pos = safePositions(s)
  if (pos.length < 2) return null
  const i = rng.int(0, pos.length - 2)
  const j = Math.min(pos.length - 1, i + rng.int(1, maxLen))
  return [pos[i], pos[j]]
}

const randAttrs = rng => JSON.parse(JSON.stringify(rng.pick(FORMATS)))

/** Builds one operation for the given target, or null when none applies. */
export const genOp = (rng, target) => {
  const { t, path, kind } = target
  switch (kind) {
    case 'text':
    case 'xmlText': {
      const s = textUnits(t)
      const k = rng.weighted({ insert: 6, delete: s.length > 0 ? 3 : 0, format: s.length > 0 ? 2 : 0, embed: 0.7, delta: 1 })
      if (k === 'insert') {
        const index = rng.pick(safePositions(s))
        const op = { op: 'text.insert', path, index, text: randString(rng) }
        if (rng.bool(0.3)) op.attrs = randAttrs(rng)
        return op
      }
      if (k === 'embed') {
        const index = rng.pick(safePositions(s))
        const op = { op: 'text.insertEmbed', path, index, embed: rng.pick([{ image: 'rathaus.png' }, { formula: 'x^2' }, { mention: { user: 42 } }]) }
        if (rng.bool(0.3)) op.attrs = randAttrs(rng)
        return op
      }
      if (k === 'delete') {
        const r = safeRange(rng, s)
        return r && { op: 'text.delete', path, index: r[0], len: r[1] - r[0] }
      }
      if (k === 'format') {
        const r = safeRange(rng, s, 12)
        return r && { op: 'text.format', path, index: r[0], len: r[1] - r[0], attrs: randAttrs(rng) }
      }
      // applyDelta: retain, then one of insert / delete / formatting retain
      const pos = safePositions(s)
      const at = rng.pick(pos)
      const delta = []
      if (at > 0) delta.push({ retain: at })
      const r = safeRange(rng, s.slice(at))
      const which = r && r[0] === 0 ? rng.weighted({ insert: 2, delete: 1, retain: 1 }) : 'insert'
      if (which === 'insert') {
        const d = { insert: randString(rng) }
        if (rng.bool(0.5)) d.attributes = randAttrs(rng)
        delta.push(d)
      } else if (which === 'delete') {
        delta.push({ delete: r[1] })
      } else {
        delta.push({ retain: r[1], attributes: randAttrs(rng) })
      }
      return { op: 'text.applyDelta', path, delta }
    }
    case 'array': {
      const len = t.length
      const k = rng.weighted({ insert: 5, delete: len > 0 ? 2 : 0 })
      if (k === 'insert') {
        const values = []
        for (let i = rng.int(1, 4); i > 0; i--) {
          values.push(arraySafe(randValue(rng, path.length, true)))
        }
        return { op: 'array.insert', path, index: rng.int(0, len), values }
      }
      const index = rng.int(0, len - 1)
      return { op: 'array.delete', path, index, len: rng.int(1, Math.min(4, len - index)) }
    }
    case 'map': {
      const keys = [...t.keys()].sort()
      const k = rng.weighted({ set: 6, delete: keys.length > 0 ? 2 : 0 })
      if (k === 'set') return { op: 'map.set', path, key: rng.bool(0.7) && keys.length ? rng.pick(keys) : rng.pick(KEYS), value: randValue(rng, path.length, true) }
      return { op: 'map.delete', path, key: rng.pick(keys) }
    }
    case 'xmlFragment':
    case 'xmlElement': {
      const len = t.length
      const isEl = kind === 'xmlElement'
      const attrNames = isEl ? Object.keys(t.getAttributes()).sort() : []
      const k = rng.weighted({ insert: 2.5, delete: len > 0 ? 1.5 : 0, setAttr: isEl ? 2 : 0, removeAttr: attrNames.length ? 1 : 0 })
      if (k === 'insert') {
        const values = []
        for (let i = rng.int(1, 2); i > 0; i--) values.push(randXmlSpec(rng, path.length))
        return { op: 'xml.insert', path, index: rng.int(0, len), values }
      }
      if (k === 'delete') {
        const index = rng.int(0, len - 1)
        return { op: 'xml.delete', path, index, len: rng.int(1, Math.min(2, len - index)) }
      }
      if (k === 'setAttr') return { op: 'xml.setAttribute', path, name: rng.pick(ATTR_NAMES), value: randString(rng, 2) }
      return { op: 'xml.removeAttribute', path, name: rng.pick(attrNames) }
    }
  }
  return null
}

export const pickTarget = (rng, doc) => {
  const all = liveTypes(doc)
  // favour the roots a little less than the nested types so that nesting gets exercised
  return rng.bool(0.5) ? rng.pick(all.slice(0, Object.keys(ROOTS).length)) : rng.pick(all)
}

