import { describe, expect, it } from 'vitest';
import { diffStats, foldUnchanged, parseDiff, type DiffPart, type DiffPiece, parseVersions, parseNamed, parsePermissions, parseVerification } from '../src/history';
import { parseRoute, historyPath } from '../src/router';

describe('history', () => {
  it('parses versions newest first, with actor names from strings or objects', () => {
    const versions = parseVersions({ versions: [{ seq: 1, at: '2026-01-01T00:00:00Z', actor: 'ada' }, { seq: 7, time: '2026-01-02T00:00:00Z', actor: { name: 'Bob' }, note: 'restore' }, { nothing: true }] });
    expect(versions.map((v) => [v.seq, v.actor, v.note])).toEqual([
      [7, 'Bob', 'restore'],
      [1, 'ada', null],
    ]);
  });

  it('parses diff parts in several spellings and merges neighbours of one kind', () => {
    const parts = parseDiff({ changes: [{ op: 'equal', text: 'Die ' }, { type: 'deleted', text: 'alte' }, { kind: 'insert', text: 'neue' }, { kind: 'insert', text: ' gute' }, { kind: 'unknown', text: 'x' }, { kind: 'equal', text: '' }] });
    expect(parts).toEqual([
      { kind: 'equal', text: 'Die ', author: null },
      { kind: 'delete', text: 'alte', author: null },
      { kind: 'insert', text: 'neue gute', author: null },
    ]);
    expect(diffStats(parts)).toEqual({ inserted: 9, deleted: 4 });
  });

  it('refuses answers of another shape', () => {
    expect(() => parseVersions({})).toThrow();
    expect(() => parseDiff({})).toThrow();
  });
});

describe('new routes', () => {
  it('maps the history, comparison and moderation pages', () => {
    expect(parseRoute('/d/kv/verlauf')).toEqual({ page: 'history', name: 'kv' });
    expect(parseRoute(historyPath('ä b'))).toEqual({ page: 'history', name: 'ä b' });
    expect(parseRoute('/vergleich')).toEqual({ page: 'compare' });
    expect(parseRoute('/moderation/')).toEqual({ page: 'moderation' });
    expect(parseRoute('/d/kv/anders')).toMatchObject({ page: 'not-found' });
  });
});

describe('named versions, permissions and display names of the history answer', () => {
  const answer = {
    head: { seq: 42 },
    versions: [
      { seq: 42, at: '2026-03-12T10:00:00Z', actor: 'u-7', actorName: 'Bürgerin 4711', note: null, size: 3, restoredSeq: 10 },
      { seq: 30, at: '2026-03-11T10:00:00Z', actor: 'u-8', note: 'Fassung nach Ausschuss, 12.03.', size: 3 },
    ],
    named: [
      { seq: 30, name: 'Fassung nach Ausschuss, 12.03.', creator: 'u-8', creatorName: 'Anna Stadtrat', time: '2026-03-12T09:00:00Z' },
      { seq: 40, name: 'Zweite', creator: 'u-8', time: '2026-03-12T11:00:00Z' },
      { seq: 41, name: '  ' },
      { name: 'ohne seq' },
    ],
    may: { nameVersion: true, restore: false },
  };

  it('prefers the display name (pseudonym) over the actor id and reads the restore', () => {
    const versions = parseVersions(answer);
    expect(versions[0].actor).toBe('Bürgerin 4711');
    expect(versions[0].restoredSeq).toBe(10);
    expect(versions[1].actor).toBe('u-8');
    expect(versions[1].restoredSeq).toBeNull();
  });

  it('lists named versions newest first and drops broken entries', () => {
    expect(parseNamed(answer)).toEqual([
      { seq: 40, name: 'Zweite', creator: 'u-8', at: '2026-03-12T11:00:00Z' },
      { seq: 30, name: 'Fassung nach Ausschuss, 12.03.', creator: 'Anna Stadtrat', at: '2026-03-12T09:00:00Z' },
    ]);
    expect(parseNamed({})).toEqual([]);
  });

  it('counts anything but an explicit true as not allowed', () => {
    expect(parsePermissions(answer)).toEqual({ nameVersion: true, restore: false });
    expect(parsePermissions({ may: { nameVersion: 'yes', restore: 1 } })).toEqual({ nameVersion: false, restore: false });
    expect(parsePermissions(null)).toEqual({ nameVersion: false, restore: false });
  });
});

describe('verification of the chain', () => {
  it('reads an intact and a broken chain, and refuses an answer without ok', () => {
    expect(parseVerification({ ok: true, firstBadSeq: null, kind: null, rowsChecked: 80, headHash: 'ab12' })).toEqual({ ok: true, firstBadSeq: null, kind: null, rowsChecked: 80, headHash: 'ab12' });
    expect(parseVerification({ ok: false, firstBadSeq: 17, kind: 'HASH_MISMATCH', rowsChecked: 17 })).toMatchObject({ ok: false, firstBadSeq: 17, kind: 'HASH_MISMATCH', headHash: null });
    expect(() => parseVerification({ rowsChecked: 3 })).toThrow();
  });
});

describe('versions written by several people', () => {
  it('names everyone who wrote a shared revision', () => {
    const versions = parseVersions({ versions: [{ seq: 9, at: '2026-01-02T00:00:00Z', actor: 'u-1', actorName: 'Anna', actorNames: ['Anna', 'Ben'] }, { seq: 4, at: '2026-01-01T00:00:00Z', actor: 'u-1', actorName: 'Anna', actorNames: ['Anna'] }] });
    expect(versions.map((v) => v.actor)).toEqual(['Anna, Ben', 'Anna']);
  });
});

describe('foldUnchanged', () => {
  const paragraphs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');
  const part = (kind: DiffPart['kind'], text: string): DiffPart => ({ kind, text, author: null });
  const joined = (pieces: DiffPiece[]) => pieces.map((p) => p.text).join('');

  it('keeps two paragraphs around a change and folds the rest of each unchanged stretch', () => {
    const parts = [part('equal', `${paragraphs('P', 10)}Wir bauen `), part('insert', 'sichere '), part('equal', `Radwege.\n${paragraphs('Q', 10)}`)];
    const pieces = foldUnchanged(parts);
    expect(pieces.map((p) => p.kind)).toEqual(['fold', 'equal', 'insert', 'equal', 'fold']);
    expect(pieces[0]).toEqual({ kind: 'fold', text: paragraphs('P', 8), paragraphs: 8 });
    expect(pieces[1].text).toBe('P9\nP10\nWir bauen ');
    expect(pieces[3].text).toBe('Radwege.\nQ1\nQ2\n');
    expect(pieces[4]).toEqual({ kind: 'fold', text: 'Q3\nQ4\nQ5\nQ6\nQ7\nQ8\nQ9\nQ10\n', paragraphs: 8 });
    expect(joined(pieces)).toBe(joined(parts));
  });

  it('folds between two changes only what lies beyond both contexts, and never fewer than three paragraphs', () => {
    const between = (n: number) => [part('delete', 'alt'), part('equal', `\n${paragraphs('M', n)}`), part('insert', 'neu')];
    // Two whole paragraphs stay on each side: six between hide two, not folded; seven hide three.
    expect(foldUnchanged(between(6)).map((p) => p.kind)).toEqual(['delete', 'equal', 'insert']);
    const pieces = foldUnchanged(between(7));
    expect(pieces.map((p) => p.kind)).toEqual(['delete', 'equal', 'fold', 'equal', 'insert']);
    expect(pieces[1].text).toBe('\nM1\nM2\n');
    expect(pieces[2]).toMatchObject({ kind: 'fold', paragraphs: 3, text: 'M3\nM4\nM5\n' });
    expect(pieces[3].text).toBe('M6\nM7\n');
    expect(joined(pieces)).toBe(joined(between(7)));
  });

  it('does not count blank lines as paragraphs and folds a text without changes whole', () => {
    expect(foldUnchanged([part('equal', 'A\n\n\n\nB'), part('insert', 'x')]).map((p) => p.kind)).toEqual(['equal', 'insert']);
    expect(foldUnchanged([part('equal', paragraphs('P', 4))])).toEqual([{ kind: 'fold', text: paragraphs('P', 4), paragraphs: 4 }]);
    expect(foldUnchanged([])).toEqual([]);
  });
});
