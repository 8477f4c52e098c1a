import { describe, expect, it } from 'vitest';
import { coveragePercent, parseComparison, suggestionsFor } from '../src/comparison';
import { pickPair } from '../src/views/comparePage';

const pledge = (id: string, title = id) => ({ id, title, body: `${title} body`, chapter: 'X) Digitalisierung', fullText: [] });

// The shape the server's records produce (JsonExport of ComparisonResult plus `links`).
const answer = {
  a: { id: 'spd', title: 'SPD Wahlprogramm', kind: 'ELECTION_PROGRAMME', pledges: [] },
  b: { id: 'kv', title: 'Koalitionsvertrag', kind: 'COALITION_AGREEMENT', pledges: [] },
  aligned: [{ a: pledge('open-data'), b: pledge('offene-daten'), link: { a: 'open-data', b: 'offene-daten', kind: 'PARTLY', createdBy: 'x', origin: 'MANUAL' } }],
  onlyInA: [pledge('glasfaser'), pledge('wlan')],
  onlyInB: [pledge('ris')],
  coverage: { found: 1, total: 3, sentence: '1 von 3' },
  suggestions: {
    documentA: 'spd',
    documentB: 'kv',
    byPledge: {
      glasfaser: [
        { pledgeId: 'glasfaser', candidateId: 'ris', score: 0.14, rawScore: 3, confidence: 'MITTEL', matchedTerms: [{ wordA: 'Netz', wordB: 'Netzes', share: 0.5 }] },
        { pledgeId: 'glasfaser', candidateId: 'offene-daten', score: 0.31, rawScore: 5, confidence: 'HOCH', matchedTerms: [] },
      ],
      'open-data': [{ pledgeId: 'open-data', candidateId: 'offene-daten', score: 0.9, rawScore: 9, confidence: 'HOCH', matchedTerms: [] }],
    },
  },
  links: [{ id: 'link-1', a: 'open-data', b: 'offene-daten', kind: 'PARTLY' }],
  statuses: { 'offene-daten': { status: 'IN_ARBEIT', statusLabel: 'in Arbeit', entry: 1 }, ris: { status: 'ERFUNDEN', entry: -1 }, glasfaser: { status: 'OFFEN', entry: null } },
};

describe('comparison', () => {
  it('parses aligned rows with the link kind and the stored link id', () => {
    const c = parseComparison(answer);
    expect(c.a).toEqual({ name: 'spd', title: 'SPD Wahlprogramm' });
    expect(c.aligned).toHaveLength(1);
    expect(c.aligned[0]).toMatchObject({ kind: 'partly', linkId: 'link-1' });
    expect(c.onlyInA.map((p) => p.id)).toEqual(['glasfaser', 'wlan']);
    expect(c.onlyInB.map((p) => p.id)).toEqual(['ris']);
  });

  it('reads grouped suggestions with confidence words and matched terms', () => {
    const c = parseComparison(answer);
    expect(c.suggestions).toHaveLength(3);
    expect(c.suggestions[0]).toEqual({ pledgeId: 'glasfaser', candidateId: 'ris', score: 0.14, confidence: 'mittel', terms: [{ wordA: 'Netz', wordB: 'Netzes' }] });
  });

  it('orders a pledge’s suggestions by score and leaves out already linked candidates', () => {
    const c = parseComparison(answer);
    expect(suggestionsFor(c, 'glasfaser').map((s) => s.candidateId)).toEqual(['offene-daten', 'ris']);
    expect(suggestionsFor(c, 'open-data')).toEqual([]);
  });

  it('shows each pair of matched words once', () => {
    const [s] = parseComparison({ ...answer, suggestions: [{ pledgeId: 'x', candidateId: 'y', score: 0.3, confidence: 'HOCH', matchedTerms: [{ wordA: 'Smart', wordB: 'Smart' }, { wordA: 'smart', wordB: 'smart' }, { wordA: 'City', wordB: 'City' }] }] }).suggestions;
    expect(s.terms).toEqual([
      { wordA: 'Smart', wordB: 'Smart' },
      { wordA: 'City', wordB: 'City' },
    ]);
  });

  it('gives the coverage as a whole percentage, 0 for an empty programme', () => {
    expect(coveragePercent({ found: 1, total: 3, sentence: null })).toBe(33);
    expect(coveragePercent({ found: 0, total: 0, sentence: null })).toBe(0);
  });

  it('refuses an answer without rows', () => {
    expect(() => parseComparison({ hello: 1 })).toThrow();
  });

  it('picks the programme as A and the coalition agreement as B', () => {
    const docs = [
      { name: 'm', title: 'Antrag', kind: 'motion', stage: 'draft', updatedAt: null },
      { name: 'kv', title: 'KV', kind: 'coalition-agreement', stage: 'consultation', updatedAt: null },
      { name: 'spd', title: 'SPD', kind: 'programme', stage: 'consultation', updatedAt: null },
    ] as never;
    expect(pickPair(docs)).toMatchObject({ a: { name: 'spd' }, b: { name: 'kv' } });
    expect(pickPair([] as never)).toBeNull();
  });
  it('keeps who linked a pair and when, and the known statuses of the pledges', () => {
    const c = parseComparison(answer, 'spd', 'kv');
    expect(c.aligned[0].linkedBy).toBe('x');
    expect(c.aligned[0].linkedAt).toBeNull();
    expect(c.statuses.get('offene-daten')).toBe('IN_ARBEIT');
    expect(c.statuses.has('ris')).toBe(false);
    // Only pledges with a status entry can be commented on; a negative or missing index names none.
    expect([...c.statusEntries]).toEqual([['offene-daten', 1]]);
    const withTime = parseComparison({ ...answer, aligned: [{ ...answer.aligned[0], link: { ...answer.aligned[0].link, createdAt: '2024-01-02T10:00:00Z' } }] });
    expect(withTime.aligned[0].linkedAt).toBe('2024-01-02T10:00:00Z');
    // The display name the server adds for a signed-in reader is shown, not the account id.
    const named = parseComparison({ ...answer, aligned: [{ ...answer.aligned[0], link: { ...answer.aligned[0].link, createdByName: 'Anna Rat' } }] });
    expect(named.aligned[0].linkedBy).toBe('Anna Rat');
  });
});
