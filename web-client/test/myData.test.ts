// The "Meine Daten" rules without a browser: the export's summary, the download's file name and
// the sentences for failed exports and erasures (401, 403 wrong password, 429 with Retry-After).
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api';
import { setLanguage } from '../src/i18n';
import { exportFileName, myDataErrorMessage, summarize } from '../src/myData';

const exported = {
  subject: 's-1',
  exportedAt: '2026-11-28T06:00:00Z',
  account: { id: 's-1', login: 'demo-citizen', displayName: 'Kim B.', pseudonym: true, role: 'CITIZEN', createdAt: '2026-11-01T10:00:00Z' },
  annotations: {
    threads: [
      { id: 't1', document: 'a', kind: 'comment' },
      { id: 't2', document: 'b', kind: 'suggestion' },
      { id: 't3', document: 'a', kind: 'comment' },
    ],
    posts: [{ id: 'p1', document: 'a' }, { id: 'p2', document: 'a' }, { id: 'p3', document: 'b' }, { id: 'p4', document: 'c' }],
    reports: [{ id: 'r1', document: 'c' }],
  },
  history: { edits: [{ document: 'd', seq: 3 }, { document: 'a', seq: 9 }], namedVersions: [] },
};

describe('export summary', () => {
  it('counts comments, suggestions, posts, reports, edits and the documents they are in', () => {
    expect(summarize(exported)).toEqual({
      login: 'demo-citizen',
      displayName: 'Kim B.',
      pseudonym: true,
      role: 'citizen',
      createdAt: '2026-11-01T10:00:00Z',
      comments: 2,
      suggestions: 1,
      posts: 4,
      reports: 1,
      edits: 2,
      namedVersions: 0,
      documents: 4,
    });
  });

  it('takes missing parts as none and refuses what is not an export', () => {
    const bare = summarize({ account: { login: 'x' } });
    expect([bare.comments, bare.posts, bare.edits, bare.documents, bare.createdAt]).toEqual([0, 0, 0, 0, null]);
    expect(() => summarize({ threads: [] })).toThrow();
    expect(() => summarize(null)).toThrow();
  });
});

describe('export file name', () => {
  it('carries the login and the UTC date, with unsafe characters replaced', () => {
    const at = new Date('2026-11-28T23:30:00Z');
    expect(exportFileName('demo-citizen', at)).toBe('pledgepad-meine-daten-demo-citizen-2026-11-28.json');
    expect(exportFileName('../a b/ü', at)).toBe('pledgepad-meine-daten-.._a_b_-2026-11-28.json');
    expect(exportFileName('', at)).toBe('pledgepad-meine-daten-konto-2026-11-28.json');
  });
});

describe('error sentences', () => {
  beforeEach(() => setLanguage('de'));

  it('says a wrong password apart from a refused request', () => {
    expect(myDataErrorMessage(new ApiError(403, 'Wrong password', 'urn:pledgepad:problem:password-not-confirmed'), 'erase')).toMatch(/Passwort stimmt nicht/);
    expect(myDataErrorMessage(new ApiError(403, 'CSRF', 'urn:pledgepad:problem:forbidden'), 'erase')).toMatch(/abgelehnt/);
  });

  it('asks to sign in again on 401 and to wait the Retry-After seconds on 429', () => {
    expect(myDataErrorMessage(new ApiError(401, 'Sign in required'), 'export')).toMatch(/nicht mehr angemeldet/);
    expect(myDataErrorMessage(new ApiError(429, 'One export per minute', null, 42), 'export')).toMatch(/42 Sekunden/);
    expect(myDataErrorMessage(new ApiError(429, 'x'), 'export')).toMatch(/warten Sie kurz/);
  });

  it('names a network failure and an unfinished erasure, in English too', () => {
    expect(myDataErrorMessage(new ApiError(0, 'network error'), 'export')).toMatch(/keine Verbindung/);
    expect(myDataErrorMessage(new ApiError(503, 'x'), 'erase')).toMatch(/nicht abgeschlossen/);
    setLanguage('en');
    expect(myDataErrorMessage(new ApiError(403, 'x', 'urn:pledgepad:problem:password-not-confirmed'), 'erase')).toMatch(/password is not correct/);
  });
});
