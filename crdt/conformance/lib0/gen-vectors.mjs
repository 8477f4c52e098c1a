// Golden vectors for the Java lib0 port (org.pledgepad.crdt.lib0), the update encoders and the
// sync/awareness codecs, produced with the real lib0 0.2.114, yjs 13.6.33 and y-protocols 1.0.7
// resolved from ../node_modules (see ../package.json).
//
//   node gen-vectors.mjs > ../../src/test/resources/lib0/vectors.json
//
// Deterministic: fixed seeds, no clock. Values are written in a typed form ("tv") because JSON
// cannot tell -0, NaN, undefined, bigint or Uint8Array apart:
//   null | true | false | {u:1} undefined | {n:"<String(number)>"} | {b:"<bigint>"} | {s:"..."}
//   | {y:"<hex>"} Uint8Array | {a:[tv...]} | {o:[[key, tv]...]} (keys in creation order)
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'

const hex = u8 => Buffer.from(u8).toString('hex')
const numStr = n => (Object.is(n, -0) ? '-0' : String(n))

const tv = v => {
  if (v === null) return null
  if (v === undefined) return { u: 1 }
  switch (typeof v) {
    case 'boolean': return v
    case 'number': return { n: numStr(v) }
    case 'bigint': return { b: v.toString() }
    case 'string': return { s: v }
  }
  if (v instanceof Uint8Array) return { y: hex(v) }
  if (Array.isArray(v)) return { a: v.map(tv) }
  return { o: Object.keys(v).map(k => [k, tv(v[k])]) }
}

/** Builds an object whose own keys are created in the given order (JS then reorders them). */
const obj = pairs => {
  const o = {}
  for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  return o
}
/** Like obj, but remembers the creation order for the Java side (tv's o uses Object.keys order). */
const objTv = pairs => ({ o: pairs.map(([k, v]) => [k, tv(v)]) })

const enc = f => { const e = encoding.createEncoder(); f(e); return hex(encoding.toUint8Array(e)) }

// A small seeded PRNG (mulberry32) so that random sections are reproducible.
const prng = seed => () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}

const out = {}

// ---- integers ----------------------------------------------------------------------------------
const uints = [0, 1, 63, 64, 127, 128, 255, 256, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28, 2 ** 31 - 1, 2 ** 31,
  2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 35, 2 ** 40, 2 ** 49, 2 ** 52 + 7, 2 ** 53 - 1]
out.varUint = uints.map(v => ({ v: numStr(v), hex: enc(e => encoding.writeVarUint(e, v)) }))
const ints = [0, -0, 1, -1, 63, -63, 64, -64, 127, -127, 128, 8191, 8192, -8192, 2 ** 31 - 1, -(2 ** 31 - 1), 2 ** 31, -(2 ** 31),
  2 ** 32, -(2 ** 32), 2 ** 40 + 3, 2 ** 53 - 1, -(2 ** 53 - 1)]
out.varInt = ints.map(v => ({ v: numStr(v), hex: enc(e => encoding.writeVarInt(e, v)) }))

// ---- strings -----------------------------------------------------------------------------------
const strings = ['', 'a', 'Hello world!', 'Grüße aus Kassel: Bürger*innen, Ärger, Öl, ß', 'ÄÖÜäöüß€', '😀', 'a😀b', '\uD83D',
  '\uDE00', 'x\uD83Dy', 'y\uDE00\uD83D', '\u0000', 'NUL\u0000inside', '\uFFFF', '\uFEFFbom', '\u2028\u2029', '中文字符',
  'x'.repeat(200), 'ü'.repeat(100) + '😀'.repeat(20)]
out.varString = strings.map(s => ({ s, hex: enc(e => encoding.writeVarString(e, s)) }))

// ---- floats and bigint -------------------------------------------------------------------------
const f32 = [0, -0, 1.5, -2.25, 3.4028234663852886e38, 1.401298464324817e-45, Infinity, -Infinity, NaN, 0.1]
out.float32 = f32.map(v => ({ v: numStr(v), hex: enc(e => encoding.writeFloat32(e, v)) }))
const f64 = [0, -0, 0.1, 1e21, 5e-324, 1.7976931348623157e308, Infinity, -Infinity, NaN, 2 ** 53 + 2, -123.456]
out.float64 = f64.map(v => ({ v: numStr(v), hex: enc(e => encoding.writeFloat64(e, v)) }))
const bigs = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n + 5n, -(2n ** 64n) - 7n, 123456789012345678n]
out.bigInt64 = bigs.map(v => ({ v: v.toString(), hex: enc(e => encoding.writeBigInt64(e, v)) }))

// ---- Any ---------------------------------------------------------------------------------------
const anyPlain = [undefined, null, true, false, 0, -0, 1, -1, 42, 2 ** 31 - 1, -(2 ** 31 - 1), 2 ** 31, -(2 ** 31), 2 ** 31 + 1,
  2 ** 32, 2 ** 53 - 1, 1.5, 0.1, -0.25, 1e300, 1e-300, NaN, Infinity, -Infinity, 3.4028234663852886e38, 1e-45,
  12345678901234567890n, -5n, '', 'text', 'Grüße 😀 \uD83D', new Uint8Array([]), new Uint8Array([0, 1, 255, 128]),
  [], [1, 'two', null, undefined, [true, [false]]], {}, { a: 1, b: [1, 2, { c: 'd' }] }]
const anyCases = anyPlain.map(v => ({ v: tv(v), hex: enc(e => encoding.writeAny(e, v)) }))
// Objects whose creation order differs from JavaScript's key order (integer-like keys first).
const orderCases = [
  [['b', 1], ['10', 2], ['a', 3], ['2', 4], ['01', 5], ['4294967295', 6], ['4294967294', 7], ['-1', 8], ['1.5', 9], ['0', 10]],
  [['z', { u: 1 }], ['y', null]],
  [['name', 'x'], ['7', [1, 2]], ['nested', obj([['3', 'c'], ['q', 'w'], ['1', 'a']])]]
]
for (const pairs of orderCases) {
  const real = pairs.map(([k, v]) => [k, v && v.u === 1 ? undefined : v])
  anyCases.push({ v: { o: real.map(([k, v]) => [k, v instanceof Object && !Array.isArray(v) ? orderedTv(v) : tv(v)]) }, hex: enc(e => encoding.writeAny(e, obj(real))) })
}
function orderedTv (v) { return tv(v) }
// Deep nesting that lib0 still handles.
let deep = 'leaf'
for (let i = 0; i < 100; i++) deep = i % 2 ? [deep] : { k: deep }
anyCases.push({ v: tv(deep), hex: enc(e => encoding.writeAny(e, deep)) })
out.any = anyCases

// Decoding peculiarities: what JavaScript gets back from readAny and writes again.
const reencode = h => {
  const v = decoding.readAny(decoding.createDecoder(Buffer.from(h, 'hex')))
  return { hex: h, back: enc(e => encoding.writeAny(e, v)), v: tv(v) }
}
out.anyDecode = [
  '7d40', // -0
  '7dc000', // -0, non-minimal
  '7681', // placeholder replaced below
].slice(0, 2).map(reencode)
// {"__proto__": 1, "a": 2}: assigning __proto__ creates no own property in JavaScript.
out.anyDecode.push(reencode(enc(e => { encoding.write(e, 118); encoding.writeVarUint(e, 2); encoding.writeVarString(e, '__proto__'); encoding.writeAny(e, 1); encoding.writeVarString(e, 'a'); encoding.writeAny(e, 2) })))
out.anyDecode.push(reencode(enc(e => { encoding.write(e, 118); encoding.writeVarUint(e, 2); encoding.writeVarString(e, '__proto__'); encoding.writeAny(e, { x: 1 }); encoding.writeVarString(e, 'a'); encoding.writeAny(e, 2) })))
// Duplicate keys: first position, last value.
out.anyDecode.push(reencode(enc(e => { encoding.write(e, 118); encoding.writeVarUint(e, 3); encoding.writeVarString(e, 'k'); encoding.writeAny(e, 1); encoding.writeVarString(e, 'j'); encoding.writeAny(e, 2); encoding.writeVarString(e, 'k'); encoding.writeAny(e, 3) })))
// Wire order differs from JavaScript order: integer keys move to the front.
out.anyDecode.push(reencode(enc(e => { encoding.write(e, 118); encoding.writeVarUint(e, 2); encoding.writeVarString(e, 'x'); encoding.writeAny(e, 1); encoding.writeVarString(e, '5'); encoding.writeAny(e, 2) })))

// ---- JSON.stringify ----------------------------------------------------------------------------
const rnd = prng(7)
const doubles = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e21, 1e20, 123456789012345680000, 1e-6, 1e-7, 1.5e-7, 5e-324, 1.7976931348623157e308,
  2 ** 53 + 2, 2 ** 63, 1e23, 4.35, 2.5, 100, 0.000001, 123e-20, 9.007199254740993e15, 4.9406564584124654e-324, 2.2250738585072014e-308,
  1.2345678901234567e-5, 98765.4321, -1.5e300, 0.1 + 0.2, 1e22, 1e16, 12345678912345678]
for (let i = 0; i < 300; i++) {
  const buf = new DataView(new ArrayBuffer(8))
  buf.setUint32(0, Math.floor(rnd() * 2 ** 32)); buf.setUint32(4, Math.floor(rnd() * 2 ** 32))
  const d = buf.getFloat64(0)
  if (Number.isFinite(d)) doubles.push(d)
  doubles.push(rnd() * 10 ** Math.floor(rnd() * 40 - 20))
}
out.numberToString = doubles.map(d => ({ bits: enc(e => encoding.writeFloat64(e, d)), s: String(d) }))
const jsonValues = [null, true, false, 0, -0, NaN, Infinity, -Infinity, 1e21, 0.1, 'plain', '\u0000\u0001\u001f"\\/\b\f\n\r\t\u007f\u2028\u2029',
  'lone \uD800 and \uDC00 pair 😀 é', [undefined, null, 1], { a: undefined, b: null, c: [{}] }, { '2': 'x', b: 'y', '1': 'z' },
  new Uint8Array([1, 2, 255]), { nested: { deeper: [1, { x: -0 }] } }]
out.jsonStringify = jsonValues.map(v => ({ v: tv(v), s: JSON.stringify(v) }))
const jsonTexts = ['{"a":1,"b":[true,false,null],"c":"\\u00e9\\ud83d\\ude00"}', ' [ 1 , 2.5e3 , -0 , 1E400 , -1e-400 ] ',
  '{"__proto__":1,"x":{"2":1,"1":2}}', '{"k":1,"j":2,"k":3}', '"\\uD800"', '12345678901234567890', '0.1', '-0.0', '1e21']
out.jsonParse = jsonTexts.map(t => { const v = JSON.parse(t); return { text: t, v: tv(v), s: JSON.stringify(v) } })
out.jsonInvalid = ['', ' ', '{', '[1,]', '{"a":1,}', '01', '1.', '.5', '+1', '--1', 'NaN', 'Infinity', 'undefined', "'x'", '"\u0001"',
  '"\\x"', '"\\u12"', '"\\u12G4"', 'tru', 'nul', '[1 2]', '{"a" 1}', '{a:1}', '1 2', '"abc', '[', '{"a":}', '1e', '1e+', '-', '\u00a01']
for (const t of out.jsonInvalid) { let threw = false; try { JSON.parse(t) } catch { threw = true } if (!threw) throw new Error('valid: ' + t) }

// ---- v2 column encoders ------------------------------------------------------------------------
const crnd = prng(11)
const randomSeq = (n, max, runs) => {
  const a = []
  while (a.length < n) {
    const v = Math.floor(crnd() * max)
    const r = runs ? 1 + Math.floor(crnd() * 5) : 1
    for (let i = 0; i < r && a.length < n; i++) a.push(v)
  }
  return a
}
const uintSeqs = [[], [0], [0, 0], [0, 0, 0, 1], [1, 1, 1, 7], [1, 2, 3, 3, 3], [5, 6, 7, 8, 8, 8, 2], [2 ** 31, 2 ** 31, 2 ** 40],
  [2 ** 53 - 1], [0, 1, 0, 1, 0, 0], randomSeq(50, 4, true), randomSeq(50, 300, false), randomSeq(80, 100000, true)]
const byteSeqs = [[], [0], [7, 7, 7], [1, 1, 1, 7], [0, 0, 1, 1, 2, 255, 255, 255, 255], randomSeq(60, 3, true), randomSeq(40, 256, false)]
const intSeqs = [[], [0], [1, 2, 3, 2], [0, 0, 0], [10, 20, 30, 40, 35], [-5, -10, -15, 0], [3, 1100, 1101, 1050, 0],
  [2 ** 40, 2 ** 40 + 1, 2 ** 40 + 2], [0, 2 ** 53 - 1], [2 ** 53 - 1, 0, 5], [0, 2 ** 52, 2 ** 52 + 1], [2 ** 53 - 1, 2 ** 53 - 1, 7], randomSeq(60, 1000, true), Array.from({ length: 40 }, (_, i) => i * 3)]
const stringSeqs = [[], [''], ['a', 'bc', ''], ['😀', '\uD83D', 'x', 'Grüße'], ['key', 'key', 'key'],
  ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', 'ä'], ['\uD83D', '\uDE00'], Array.from({ length: 30 }, (_, i) => 'k' + i)]
const col = (Ctor, seq) => { const e = new Ctor(); seq.forEach(v => e.write(v)); return hex(e.toUint8Array()) }
out.rle = byteSeqs.map(seq => { const e = new encoding.RleEncoder(encoding.writeUint8); seq.forEach(v => e.write(v)); return { seq, hex: hex(encoding.toUint8Array(e)) } })
out.uintOptRle = uintSeqs.map(seq => ({ seq: seq.map(numStr), hex: col(encoding.UintOptRleEncoder, seq) }))
out.intDiffOptRle = intSeqs.map(seq => ({ seq: seq.map(numStr), hex: col(encoding.IntDiffOptRleEncoder, seq) }))
out.stringCol = stringSeqs.map(seq => ({ seq, hex: col(encoding.StringEncoder, seq) }))

// ---- update encoders: record every call Yjs makes, and the bytes ---------------------------------
// Direct writes to restEncoder (struct counts, clocks, delete set sizes) are recorded as "raw".
const recorder = (inner, log) => {
  let mark = 0
  const restLen = () => encoding.length(inner.restEncoder)
  const flushRaw = () => {
    const len = restLen()
    if (len > mark) log.push(['raw', hex(encoding.toUint8Array(inner.restEncoder).slice(mark, len))])
    mark = len
  }
  return new Proxy(inner, {
    get (target, prop) {
      const v = target[prop]
      if (typeof v !== 'function' || prop === 'constructor') return v
      return (...args) => {
        if (prop === 'toUint8Array') { flushRaw(); return v.apply(target, args) }
        flushRaw()
        const rec = args.map(a => (a instanceof Y.ID ? { id: [a.client, a.clock] } : tv(a)))
        log.push([prop, ...rec])
        const r = v.apply(target, args)
        mark = restLen()
        return r
      }
    }
  })
}
const docs = []
{
  const d = new Y.Doc({ gc: false }); d.clientID = 1
  const t = d.getText('text')
  t.insert(0, 'Hello Kassel 😀 Grüße')
  t.format(0, 5, { bold: true, color: '#ff0000' })
  t.insertEmbed(3, { image: 'x.png', size: 3 })
  t.delete(6, 3)
  const m = d.getMap('map')
  m.set('num', 42); m.set('float', 1.5); m.set('big', 2 ** 40); m.set('obj', { '2': 'b', a: [1, null, true] }); m.set('bin', new Uint8Array([1, 2, 3]))
  m.set('undef', undefined); m.set('num', 43)
  const a = d.getArray('arr')
  a.insert(0, [1, 2, 'three', { four: 4 }, new Uint8Array([9])])
  a.delete(1, 2)
  const sub = new Y.Map(); a.insert(0, [sub]); sub.set('inner', 'v')
  const x = d.getXmlFragment('xml')
  const el = new Y.XmlElement('paragraph'); el.setAttribute('class', 'c'); x.insert(0, [el, new Y.XmlText('txt')])
  el.insert(0, [new Y.XmlText('inside')])
  a.insert(0, [new Y.Doc({ guid: 'subdoc-guid' })])
  docs.push(['mixed-nogc', d])
}
{
  const d1 = new Y.Doc(); d1.clientID = 7
  const d2 = new Y.Doc(); d2.clientID = 2 ** 32 + 5
  d1.getText('t').insert(0, 'abcdefghij'); Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
  d2.getText('t').insert(3, 'XYZ'); d1.getText('t').delete(2, 5); d2.getText('t').format(0, 4, { italic: true })
  Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2)); Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
  docs.push(['two-clients-gc', d1])
}
{
  const r = prng(99)
  const d = new Y.Doc(); d.clientID = 123456789
  const t = d.getText('t'); const a = d.getArray('a')
  for (let i = 0; i < 200; i++) {
    const op = r()
    if (op < 0.4 || t.length === 0) t.insert(Math.floor(r() * (t.length + 1)), 'abcäö'.slice(0, 1 + Math.floor(r() * 5)))
    else if (op < 0.6) t.delete(Math.floor(r() * t.length), 1)
    else if (op < 0.7) t.format(Math.floor(r() * t.length), 2, { b: r() < 0.5 ? true : null })
    else if (op < 0.9) a.insert(Math.floor(r() * (a.length + 1)), [Math.floor(r() * 1000), 'x'])
    else if (a.length > 0) a.delete(Math.floor(r() * a.length), 1)
  }
  docs.push(['random-200', d])
}
out.updates = docs.map(([name, d]) => {
  const log1 = []; const log2 = []
  const v1 = Y.encodeStateAsUpdateV2(d, undefined, recorder(new Y.UpdateEncoderV1(), log1))
  const v2 = Y.encodeStateAsUpdateV2(d, undefined, recorder(new Y.UpdateEncoderV2(), log2))
  if (hex(v1) !== hex(Y.encodeStateAsUpdate(d))) throw new Error('recorder changed v1 bytes')
  if (hex(v2) !== hex(Y.encodeStateAsUpdateV2(d))) throw new Error('recorder changed v2 bytes')
  return { name, v1: { calls: log1, hex: hex(v1) }, v2: { calls: log2, hex: hex(v2) } }
})

// ---- delete-set clocks: sorted as Yjs writes them, and unsorted as only hostile v1 input has them
const dsSeqs = [[[0, 1]], [[3, 2], [10, 5], [100, 1]], [[2 ** 40, 7], [2 ** 53 - 10, 3]], [[10, 5], [3, 2]], [[50, 1], [0, 200]]]
out.deleteSetClocks = dsSeqs.map(seq => {
  const run = e => { e.resetDsCurVal(); seq.forEach(([c, l]) => { e.writeDsClock(c); e.writeDsLen(l) }); return hex(e.toUint8Array()) }
  return { seq: seq.map(p => p.map(numStr)), v1: run(new Y.UpdateEncoderV1()), v2: run(new Y.UpdateEncoderV2()) }
})

// ---- sync protocol -----------------------------------------------------------------------------
{
  const d = docs[1][1]
  const sv = Y.encodeStateVector(d)
  const e1 = encoding.createEncoder(); syncProtocol.writeSyncStep1(e1, d)
  const e2 = encoding.createEncoder(); syncProtocol.writeSyncStep2(e2, d, new Uint8Array([0]))
  const update = Y.encodeStateAsUpdate(d)
  const e3 = encoding.createEncoder(); syncProtocol.writeUpdate(e3, update)
  out.sync = { stateVector: hex(sv), step1: hex(encoding.toUint8Array(e1)), update: hex(update), step2: hex(encoding.toUint8Array(e2)), updateMsg: hex(encoding.toUint8Array(e3)) }
}

// ---- awareness ---------------------------------------------------------------------------------
{
  const d1 = new Y.Doc(); d1.clientID = 11
  const d2 = new Y.Doc(); d2.clientID = 2 ** 40 + 3
  const a1 = new awarenessProtocol.Awareness(d1)
  const a2 = new awarenessProtocol.Awareness(d2)
  const steps = []
  const rec = (label, upd) => {
    const before = [...a2.getStates().keys()]
    let changes = null
    a2.once('update', ev => { changes = ev })
    awarenessProtocol.applyAwarenessUpdate(a2, upd, 'remote')
    steps.push({ label, hex: hex(upd), changes, states: [...a2.getStates().entries()].map(([k, v]) => [k, JSON.stringify(v)]), before })
  }
  rec('initial', awarenessProtocol.encodeAwarenessUpdate(a1, [11]))
  a1.setLocalState({ user: { name: 'Jürgen 😀', color: '#30bced' }, cursor: null, '1': 'x', n: 1.5 })
  rec('set', awarenessProtocol.encodeAwarenessUpdate(a1, [11]))
  a1.setLocalStateField('cursor', { anchor: 3, head: -0 })
  rec('field', awarenessProtocol.encodeAwarenessUpdate(a1, [11]))
  rec('stale', awarenessProtocol.encodeAwarenessUpdate(a1, [11]))
  a1.setLocalState(a1.getLocalState())
  rec('renew', awarenessProtocol.encodeAwarenessUpdate(a1, [11]))
  rec('both', awarenessProtocol.encodeAwarenessUpdate(a2, [11, 2 ** 40 + 3]))
  a1.setLocalState(null)
  rec('removed', awarenessProtocol.encodeAwarenessUpdate(a1, [11]))
  // A remote peer claiming that a2's own client is gone: a2 keeps its state and bumps its clock.
  const fake = enc(e => { encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 2 ** 40 + 3); encoding.writeVarUint(e, 0); encoding.writeVarString(e, 'null') })
  rec('remove-local', Buffer.from(fake, 'hex'))
  steps.push({ label: 'final-a2', hex: hex(awarenessProtocol.encodeAwarenessUpdate(a2, [...a2.getStates().keys()])) })
  out.awareness = { localClient: 2 ** 40 + 3, steps }
  a1.destroy(); a2.destroy()
}

process.stdout.write('{\n' + Object.entries(out).map(([k, v]) => JSON.stringify(k) + ':' + JSON.stringify(v)).join(',\n') + '\n}\n')
