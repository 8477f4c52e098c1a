import { describe, expect, it } from 'vitest';
import { changesQueue, isEmpty, parseModeration } from '../src/moderation';

describe('moderation queue', () => {
  it('lists reported posts with their report and history, and pending posts', () => {
    const m = parseModeration({
      reports: [
        {
          id: 'r1',
          reason: 'Beleidigung',
          post: { id: 'p1', author: 'X', body: '<b>roh</b>', state: 'visible' },
          history: [{ action: 'restore', actor: 'mod-1', at: '2026-05-01T10:00:00Z', reason: '' }],
        },
      ],
      pending: [{ id: 'p2', author: { name: 'Y' }, html: '<p>ok</p>', state: 'pending' }],
    });
    expect(m.entries).toEqual([
      {
        kind: 'report',
        reportId: 'r1',
        reason: 'Beleidigung',
        post: { id: 'p1', author: 'X', body: '<b>roh</b>', html: null, state: 'visible', hiddenReason: null },
        history: [{ action: 'restore', actor: 'mod-1', at: '2026-05-01T10:00:00Z', reason: '' }],
      },
      { kind: 'pending', reportId: null, reason: null, post: { id: 'p2', author: 'Y', body: null, html: '<p>ok</p>', state: 'pending', hiddenReason: null }, history: [] },
    ]);
    expect(m.hidden).toEqual([]);
    expect(isEmpty(m)).toBe(false);
    expect(() => parseModeration([])).toThrow();
  });

  it('keeps hidden and restored cases with every report and both decisions', () => {
    const m = parseModeration({
      reports: [],
      pending: [],
      hidden: [],
      restored: [
        {
          post: { id: 'p1', author: 'X', html: '<p>t</p>', state: 'visible' },
          reports: [{ id: 'r1', reason: 'Spam', createdAt: '2026-05-01T09:00:00Z', open: false, closedBy: 'mod-1' }, { reason: 'no id' }],
          history: [
            { action: 'hide', actor: 'mod-1', at: '2026-05-01T09:30:00Z', reason: 'Spam' },
            { action: 'restore', actor: 'mod-2', at: '2026-05-01T10:00:00Z', reason: 'Irrtum' },
            { action: 'hide' },
          ],
        },
      ],
    });
    expect(m.restored).toHaveLength(1);
    expect(m.restored[0].reports).toEqual([{ id: 'r1', reason: 'Spam', createdAt: '2026-05-01T09:00:00Z', open: false }]);
    expect(m.restored[0].history.map((d) => `${d.action}:${d.actor}`)).toEqual(['hide:mod-1', 'restore:mod-2']);
    expect(isEmpty(m)).toBe(false);
    expect(isEmpty(parseModeration({ reports: [], pending: [] }))).toBe(true);
  });

  it('knows which events change a queue', () => {
    for (const type of ['report.created', 'report.closed', 'post.hidden', 'post.restored', 'post.approved', 'post.created', 'thread.created']) {
      expect(changesQueue(type)).toBe(true);
    }
    for (const type of ['suggestion.accepted', 'thread.resolved', 'thread.reopened', 'post.hiddenx']) {
      expect(changesQueue(type)).toBe(false);
    }
  });
});
