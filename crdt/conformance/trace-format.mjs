// Shared pieces of the conformance trace format: the seeded PRNG, the tagged JSON encoding of
// values that plain JSON cannot carry, and the operation interpreter. generate.mjs and
// fuzz-peer.mjs both use it, so that a trace means the same thing to every reader.
// The format itself is described in README.md beside this file.
import * as Y from 'yjs'

/** Small deterministic PRNG (xorshift128+ over two 32-bit halves is overkill; a 32-bit
 * xorshift with a Weyl sequence is enough for test data and easy to port). */
export class Prng {
  constructor (seed) {
    this.x = (seed >>> 0) ^ 0x9e3779b9
    this.w = 0
    if (this.x === 0) this.x = 1
    for (let i = 0; i < 8; i++) this.next()
  }

  /** uint32 */
  next () {
    let x = this.x
    x ^= x << 13; x >>>= 0
    x ^= x >>> 17
    x ^= x << 5; x >>>= 0
    this.x = x
    this.w = (this.w + 0x6d2b79f5) >>> 0
    return (x + this.w) >>> 0
  }

  /** float in [0, 1) */
  real () { return this.next() / 4294967296 }
  /** integer in [lo, hi] */
  int (lo, hi) { return lo + Math.floor(this.real() * (hi - lo + 1)) }
  bool (p = 0.5) { return this.real() < p }
  pick (arr) { return arr[Math.floor(this.real() * arr.length)] }
  /** picks a key of an object {key: weight} */
  weighted (weights) {
    const entries = Object.entries(weights).filter(([, w]) => w > 0)
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.real() * total
    for (const [k, w] of entries) {
      r -= w
      if (r < 0) return k
    }
    return entries[entries.length - 1][0]
  }
}

export const toB64 = bytes => bytes == null ? null : Buffer.from(bytes).toString('base64')
export const fromB64 = s => new Uint8Array(Buffer.from(s, 'base64'))

/** Root types of every trace document: name → kind. */
export const ROOTS = { t: 'text', a: 'array', m: 'map', x: 'xmlFragment', e: 'xmlElement' }

export const getRoot = (doc, name) => {
  switch (ROOTS[name]) {
    case 'text': return doc.getText(name)
    case 'array': return doc.getArray(name)
    case 'map': return doc.getMap(name)
    case 'xmlFragment': return doc.getXmlFragment(name)
    case 'xmlElement': return doc.getXmlElement(name)
  }
  throw new Error('unknown root ' + name)
}

export const kindOf = type => {
  if (type instanceof Y.XmlText) return 'xmlText'
  if (type instanceof Y.Text) return 'text'
  if (type instanceof Y.Array) return 'array'
  if (type instanceof Y.Map) return 'map'
  if (type instanceof Y.XmlElement) return 'xmlElement'
  if (type instanceof Y.XmlFragment) return 'xmlFragment'
  return 'unknown'
}

/** Follows a path [root, key|index, ...] to a shared type. */
export const resolvePath = (doc, path) => {
  let t = getRoot(doc, path[0])
  for (let i = 1; i < path.length; i++) {
    const step = path[i]
    t = typeof step === 'string' ? t.get(step) : t.get(step)
    if (!(t instanceof Y.AbstractType)) throw new Error('path does not lead to a type: ' + JSON.stringify(path))
  }
  return t
}

// ---- tagged values -------------------------------------------------------------------------
// Plain JSON stays plain. An object with exactly one key starting with "$" is a tag:
//   {"$undefined":true} {"$bytes":b64} {"$num":"NaN"|"Infinity"|"-Infinity"|"-0"}
//   {"$bigint":"123"} {"$doc":{"guid":g,"opts":{...}}} (input) / {"$doc":g} (output)
//   {"$type":"map","entries":{..}} {"$type":"array","items":[..]} {"$type":"text","text":s}
//   {"$type":"xmlText","text":s} {"$type":"xmlFragment","children":[..]}
//   {"$type":"xmlElement","name":n,"attrs":{..},"children":[..]}
// ($type objects carry their extra fields beside the tag.)

/** Tagged JSON → a value to hand to Yjs (creates prelim types and docs). */
export const decodeValue = v => {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(decodeValue)
  if ('$type' in v) return makePrelim(v)
  const keys = Object.keys(v)
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const k = keys[0]
    const x = v[k]
    switch (k) {
      case '$undefined': return undefined
      case '$bytes': return fromB64(x)
      case '$num': return x === '-0' ? -0 : Number(x)
      case '$bigint': return BigInt(x)
      case '$doc': return new Y.Doc({ guid: x.guid, ...(x.opts || {}) })
    }
    throw new Error('unknown tag ' + k)
  }
  const o = {}
  for (const k of keys) o[k] = decodeValue(v[k])
  return o
}

const makePrelim = spec => {
  switch (spec.$type) {
    case 'map': {
      const m = new Y.Map()
      for (const [k, val] of Object.entries(spec.entries || {})) m.set(k, decodeValue(val))
      return m
    }
    case 'array': {
      const a = new Y.Array()
      if (spec.items && spec.items.length) a.insert(0, spec.items.map(decodeValue))
      return a
    }
    case 'text': return new Y.Text(spec.text || '')
    case 'xmlText': {
      const t = new Y.XmlText()
      if (spec.text) t.insert(0, spec.text)
      return t
    }
    case 'xmlFragment': {
      const f = new Y.XmlFragment()
      if (spec.children && spec.children.length) f.insert(0, spec.children.map(decodeValue))
      return f
    }
    case 'xmlElement': {
      const e = new Y.XmlElement(spec.name)
      for (const [k, val] of Object.entries(spec.attrs || {})) e.setAttribute(k, val)
      if (spec.children && spec.children.length) e.insert(0, spec.children.map(decodeValue))
      return e
    }
  }
  throw new Error('unknown $type ' + spec.$type)
}

/** A value read from Yjs (toJSON, toDelta) → tagged JSON. */
export const encodeValue = v => {
  if (v === undefined) return { $undefined: true }
  if (v === null) return null
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v
    case 'number':
      if (Number.isNaN(v)) return { $num: 'NaN' }
      if (v === Infinity) return { $num: 'Infinity' }
      if (v === -Infinity) return { $num: '-Infinity' }
      if (Object.is(v, -0)) return { $num: '-0' }
      return v
    case 'bigint':
      return { $bigint: v.toString() }
  }
  if (v instanceof Uint8Array) return { $bytes: toB64(v) }
  if (v instanceof Y.Doc) return { $doc: v.guid }
  if (v instanceof Y.AbstractType) return { $typeJson: encodeValue(v.toJSON()) }
  if (Array.isArray(v)) return v.map(encodeValue)
  const o = {}
  for (const k of Object.keys(v)) o[k] = encodeValue(v[k])
  return o
}

// ---- operations ------------------------------------------------------------------------------

/** Executes one recorded operation on doc (inside a transaction opened by the caller). */
export const applyOp = (doc, op) => {
  const t = resolvePath(doc, op.path)
  switch (op.op) {
    case 'text.insert':
      if (op.attrs) t.insert(op.index, op.text, decodeValue(op.attrs))
      else t.insert(op.index, op.text)
      return
    case 'text.insertEmbed':
      if (op.attrs) t.insertEmbed(op.index, decodeValue(op.embed), decodeValue(op.attrs))
      else t.insertEmbed(op.index, decodeValue(op.embed))
      return
    case 'text.delete':
    case 'array.delete':
    case 'xml.delete':
      t.delete(op.index, op.len)
      return
    case 'text.format':
      t.format(op.index, op.len, decodeValue(op.attrs))
      return
    case 'text.applyDelta':
      t.applyDelta(op.delta.map(d => {
        const o = {}
        if ('insert' in d) o.insert = typeof d.insert === 'string' ? d.insert : decodeValue(d.insert)
        if ('retain' in d) o.retain = d.retain
        if ('delete' in d) o.delete = d.delete
        if ('attributes' in d) o.attributes = decodeValue(d.attributes)
        return o
      }))
      return
    case 'array.insert':
    case 'xml.insert':
      t.insert(op.index, op.values.map(decodeValue))
      return
    case 'map.set':
      t.set(op.key, decodeValue(op.value))
      return
    case 'map.delete':
      t.delete(op.key)
      return
    case 'xml.setAttribute':
      t.setAttribute(op.name, op.value)
      return
    case 'xml.removeAttribute':
      t.removeAttribute(op.name)
      return
  }
  throw new Error('unknown op ' + op.op)
}

/** Everything a reader compares about one document's visible state. */
export const describeDoc = doc => {
  const json = {}
  for (const name of Object.keys(ROOTS)) json[name] = encodeValue(getRoot(doc, name).toJSON())
  const t = doc.getText('t')
  return {
    json,
    delta: encodeValue(t.toDelta()),
    string: t.toString(),
    xmlString: doc.getXmlFragment('x').toString(),
    elementString: doc.getXmlElement('e').toString()
  }
}
