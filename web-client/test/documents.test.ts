import { describe, expect, it } from 'vitest';
import { filterByTitle, groupByStage, normalizeForSearch, parseDetails, parseSummaries, type DocumentSummary } from '../src/documents';

function doc(name: string, title: string, stage: string, updatedAt = '2021-10-01T10:00:00Z', kind = 'motion'): DocumentSummary {
  return { name, title, kind, stage, updatedAt };
}

const kassel = [
  doc('koalitionsvertrag-2021', 'Koalitionsvertrag Grün-Rot 2021–2026: Digitalisierung', 'published', '2021-11-01T09:00:00Z', 'coalition-agreement'),
  doc('spd-programm-2021', 'Wahlprogramm SPD Kassel 2021: Digitales Kassel', 'archived', '2021-02-01T09:00:00Z', 'programme'),
  doc('antrag-open-data', 'Antrag: Offene Daten für Bürgerinnen und Bürger', 'consultation', '2022-03-01T09:00:00Z'),
  doc('antrag-strassen', 'Antrag: Straßenbeleuchtung smart steuern', 'draft', '2022-04-01T09:00:00Z'),
  doc('antrag-wlan', 'Antrag: Freies WLAN in der Innenstadt', 'draft', '2022-05-01T09:00:00Z'),
];

describe('groupByStage', () => {
  it('always shows the four stages in the order of the procedure', () => {
    expect(groupByStage([]).map((g) => g.stage)).toEqual(['draft', 'consultation', 'published', 'archived']);
  });

  it('puts each document under its stage, the newest first', () => {
    const groups = groupByStage(kassel);
    expect(groups.map((g) => g.documents.map((d) => d.name))).toEqual([
      ['antrag-wlan', 'antrag-strassen'],
      ['antrag-open-data'],
      ['koalitionsvertrag-2021'],
      ['spd-programm-2021'],
    ]);
  });

  it('collects unknown stages in a trailing "other" group instead of dropping them', () => {
    const groups = groupByStage([...kassel, doc('x', 'Vorlage', 'withdrawn')]);
    expect(groups.at(-1)).toEqual({ stage: 'other', documents: [doc('x', 'Vorlage', 'withdrawn')] });
  });

  it('orders documents with the same or no date by title', () => {
    const groups = groupByStage([doc('b', 'Beta', 'draft', ''), doc('a', 'Alpha', 'draft', ''), doc('c', 'Ähre', 'draft', '')]);
    expect(groups[0].documents.map((d) => d.title)).toEqual(['Ähre', 'Alpha', 'Beta']);
  });
});

describe('filterByTitle', () => {
  it('returns everything for an empty or blank query', () => {
    expect(filterByTitle(kassel, '')).toHaveLength(kassel.length);
    expect(filterByTitle(kassel, '   ')).toHaveLength(kassel.length);
  });

  it('matches case-insensitively inside words', () => {
    expect(filterByTitle(kassel, 'digital').map((d) => d.name)).toEqual(['koalitionsvertrag-2021', 'spd-programm-2021']);
  });

  it('requires every word, in any order', () => {
    expect(filterByTitle(kassel, 'kassel spd').map((d) => d.name)).toEqual(['spd-programm-2021']);
    expect(filterByTitle(kassel, 'spd koalition')).toEqual([]);
  });

  it('ignores umlauts and ß so that typing without them still finds the title', () => {
    expect(filterByTitle(kassel, 'burger').map((d) => d.name)).toEqual(['antrag-open-data']);
    expect(filterByTitle(kassel, 'strasse').map((d) => d.name)).toEqual(['antrag-strassen']);
    expect(filterByTitle(kassel, 'GRÜN').map((d) => d.name)).toEqual(['koalitionsvertrag-2021']);
  });

  it('searches the title only, not the name in the address', () => {
    expect(filterByTitle(kassel, 'antrag-wlan')).toEqual([]);
  });

  it('normalizes whitespace and case', () => {
    expect(normalizeForSearch('  Bürger\tBETEILIGUNG  ')).toBe('burger beteiligung');
  });
});

describe('parsing the server list', () => {
  it('accepts the documented fields', () => {
    const json = [{ name: 'a', title: 'A', kind: 'motion', stage: 'draft', updatedAt: '2021-01-01T00:00:00Z' }];
    expect(parseSummaries(json)).toEqual(json);
  });

  it('uses the name when the title is missing or blank', () => {
    expect(parseSummaries([{ name: 'a', title: ' ', kind: 'motion', stage: 'draft' }])[0]).toMatchObject({ title: 'a', updatedAt: '' });
  });

  it('rejects a list that is not an array or entries without a name', () => {
    expect(() => parseSummaries({})).toThrow(TypeError);
    expect(() => parseSummaries([{ title: 'A', kind: 'motion', stage: 'draft' }])).toThrow(/name/);
  });

  it('reads headSeq of a single document', () => {
    expect(parseDetails({ name: 'a', title: 'A', kind: 'motion', stage: 'draft', updatedAt: '', headSeq: 42 }).headSeq).toBe(42);
    // The responsible body, when the server names one; its id stands in for a missing name.
    expect(parseDetails({ name: 'a', title: 'A', kind: 'motion', stage: 'draft', updatedAt: '', ownerBody: { id: 'gruen-rot', name: 'Fraktion Grün-Rot' } }).owner).toEqual({ id: 'gruen-rot', name: 'Fraktion Grün-Rot' });
    expect(parseDetails({ name: 'a', title: 'A', kind: 'motion', stage: 'draft', updatedAt: '', ownerBody: { id: 'rot' } }).owner).toEqual({ id: 'rot', name: 'rot' });
    expect(parseDetails({ name: 'a', title: 'A', kind: 'motion', stage: 'draft', updatedAt: '', ownerBody: 'rot' }).owner).toBeNull();
  });
});
