import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { base64ToBytes, bodyProblem, bytesToBase64, selectionProblem, parseAnnotationEvent, parseThreads, shortQuote, sortThreads } from '../src/annotations';

const thread = (over: Record<string, unknown> = {}) => ({
  id: 't1',
  kind: 'comment',
  status: 'open',
  locked: false,
  createdAt: '2026-05-01T10:00:00Z',
  author: { name: 'Ada', pseudonym: true, you: false },
  anchor: { start: 'AAA=', end: 'AAE=', quote: 'Glasfaser', state: 'attached', current: 'Glasfaser', changed: false },
  suggestion: null,
  posts: [{ id: 'p1', author: { name: 'Ada', pseudonym: true, you: false }, createdAt: '2026-05-01T10:00:00Z', editedAt: null, state: 'visible', html: '<p>gut</p>' }],
  ...over,
});

describe('annotation threads', () => {
  it('parses the server view and keeps text fields as given', () => {
    const [t] = parseThreads([thread({ author: { name: '<img src=x>', pseudonym: false, you: true } })]);
    expect(t.author).toEqual({ name: '<img src=x>', pseudonym: false, you: true });
    expect(t.anchor.quote).toBe('Glasfaser');
    expect(t.posts[0]).toMatchObject({ id: 'p1', state: 'visible', html: '<p>gut</p>' });
  });

  it('accepts {threads: [...]}, drops entries without id and defaults unknown states', () => {
    const list = parseThreads({ threads: [thread({ kind: 'weird', status: 'nonsense' }), { no: 'id' }] });
    expect(list).toHaveLength(1);
    expect(list[0].kind).toBe('comment');
    expect(list[0].status).toBe('open');
  });

  it('recognises a deleted passage and a suggestion', () => {
    const [t] = parseThreads([thread({ kind: 'suggestion', anchor: { quote: 'alt', state: 'passage-deleted' }, suggestion: { state: 'open', replacement: 'neu', reason: null } })]);
    expect(t.anchor.state).toBe('passage-deleted');
    expect(t.suggestion).toEqual({ state: 'open', replacement: 'neu', reason: null });
  });

  it('refuses an answer that is not a list', () => {
    expect(() => parseThreads({ error: 'x' })).toThrow();
  });

  it('lists open threads first, each group oldest first', () => {
    const sorted = sortThreads([
      parseThreads([thread({ id: 'a', status: 'resolved', createdAt: '2026-01-01' })])[0],
      parseThreads([thread({ id: 'b', createdAt: '2026-03-01' })])[0],
      parseThreads([thread({ id: 'c', createdAt: '2026-02-01' })])[0],
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('live events', () => {
  it('accepts annotation events of this document only', () => {
    const event = JSON.stringify({ kind: 'annotation', type: 'post.created', document: 'kv', thread: 't1', post: 'p2', at: 'x' });
    expect(parseAnnotationEvent(event, 'kv')).toEqual({ type: 'post.created', document: 'kv', thread: 't1', post: 'p2' });
    expect(parseAnnotationEvent(event, 'other')).toBeNull();
    expect(parseAnnotationEvent('{"kind":"chat","type":"x"}', 'kv')).toBeNull();
    expect(parseAnnotationEvent('not json', 'kv')).toBeNull();
  });
});

describe('selection rules', () => {
  it('accepts a selection inside one paragraph and refuses one reaching into the next', () => {
    expect(selectionProblem(5, 10, 1, 20)).toBeNull();
    expect(selectionProblem(1, 20, 1, 20)).toBeNull();
    expect(selectionProblem(5, 40, 1, 20)).toBe('acrossParagraphs');
    expect(selectionProblem(20, 20, 1, 20)).toBe('empty');
  });

  it('checks bodies: empty, whitespace, too long (code points, not UTF-16 units)', () => {
    expect(bodyProblem('   ')).toBe('empty');
    expect(bodyProblem('ok')).toBeNull();
    expect(bodyProblem('😀'.repeat(10_000))).toBeNull();
    expect(bodyProblem('a'.repeat(10_001))).toBe('tooLong');
  });

  it('shortens long quotes at a word boundary', () => {
    expect(shortQuote('kurz')).toBe('kurz');
    const long = 'Wort '.repeat(60);
    const short = shortQuote(long, 50);
    expect(short.endsWith(' …')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(52);
    expect(short).not.toMatch(/Wor …$/);
  });

  it('base64 round-trips an encoded Yjs relative position', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Glasfaser für alle');
    const rel = Y.createRelativePositionFromTypeIndex(text, 5);
    const encoded = bytesToBase64(Y.encodeRelativePosition(rel));
    const back = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(base64ToBytes(encoded)), doc);
    expect(back?.index).toBe(5);
  });
});
