import { describe, expect, it } from 'vitest';
import { diffStats, parseDiff, parseVersions, parseNamed, parsePermissions, parseVerification } from '../src/history';
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
