import { describe, expect, it } from 'vitest';
import { diffStats, parseDiff, parseVersions } from '../src/history';
import { parseQueue } from '../src/moderation';
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

describe('moderation queue', () => {
  it('lists reported posts with their report and pending posts', () => {
    const entries = parseQueue({
      reports: [{ report: { id: 'r1', reason: 'Beleidigung' }, post: { id: 'p1', author: { name: 'X' }, body: '<b>roh</b>', moderation: 'VISIBLE' } }],
      pending: [{ id: 'p2', author: { name: 'Y' }, html: '<p>ok</p>', moderation: 'PENDING' }],
    });
    expect(entries).toEqual([
      { kind: 'report', reportId: 'r1', reason: 'Beleidigung', post: { id: 'p1', author: 'X', body: '<b>roh</b>', html: null, state: 'visible' } },
      { kind: 'pending', reportId: null, reason: null, post: { id: 'p2', author: 'Y', body: null, html: '<p>ok</p>', state: 'pending' } },
    ]);
    expect(() => parseQueue([])).toThrow();
  });
});
