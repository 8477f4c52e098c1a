import { afterEach, describe, expect, it } from 'vitest';
import { actorLabel } from '../src/actorLabel';
import { parseComparison } from '../src/comparison';
import { parseAuthorship, parseDiff, parseVersions } from '../src/history';
import { setLanguage } from '../src/i18n';

afterEach(() => setLanguage('de'));

describe('entries the server wrote itself', () => {
  it('are named in the interface language instead of by their raw id', () => {
    setLanguage('de');
    expect(actorLabel('seed', 'seed')).toBe('Ausgangsfassung (eingespielt)');
    expect(actorLabel('pledge-import', null)).toBe('Import');
    setLanguage('en');
    expect(actorLabel('seed', undefined)).toBe('Original text (imported)');
  });

  it('leave people alone, also one who chose a server id as their name', () => {
    expect(actorLabel('u-7', 'Bürgerin 4711')).toBe('Bürgerin 4711');
    expect(actorLabel('u-8', 'seed')).toBe('seed');
    expect(actorLabel('u-9', null)).toBe('u-9');
    expect(actorLabel(null, null)).toBeNull();
  });

  it('are named so in the version list, the diff and the authorship', () => {
    const versions = parseVersions({
      revisions: [
        { seq: 1, at: '2026-01-01T00:00:00Z', actor: 'seed', actorName: 'seed', actors: ['seed'], actorNames: ['seed'] },
        { seq: 9, at: '2026-01-02T00:00:00Z', actor: 'seed', actorName: 'seed', actors: ['seed', 'u-1'], actorNames: ['seed', 'Anna'] },
      ],
    });
    expect(versions.map((v) => v.actor)).toEqual(['Ausgangsfassung (eingespielt), Anna', 'Ausgangsfassung (eingespielt)']);
    expect(parseDiff({ changes: [{ kind: 'insert', text: 'Digitalisierung', actor: 'seed', actorName: 'seed' }] })[0].author).toBe('Ausgangsfassung (eingespielt)');
    expect(parseAuthorship({ spans: [{ from: 0, to: 3, actor: 'pledge-import', actorName: 'pledge-import' }] }, 3)[0]).toMatchObject({ actor: 'pledge-import', name: 'Import' });
  });

  it('are named so beside a link the import made', () => {
    const c = parseComparison({
      a: { name: 'a' },
      b: { name: 'b' },
      aligned: [{ a: { id: 'x', title: 'X' }, b: { id: 'y', title: 'Y' }, link: { id: 'l1', kind: 'SAME', createdBy: 'pledge-import' } }],
    }, 'a', 'b');
    expect(c.aligned[0].linkedBy).toBe('Import');
  });
});
