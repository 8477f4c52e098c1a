import { describe, expect, it } from 'vitest';
import { collabUrl } from '../src/api';
import { computeLineMarks, visibleMarks } from '../src/lineNumbers';
import { CARET_COLORS, contrastRatio, loadPseudonym, makePseudonym, parsePseudonym, pickFreeColor, PSEUDONYM_KEY } from '../src/pseudonym';
import { documentPath, parseRoute } from '../src/router';
import { normalizeLinkInput } from '../src/views/linkDialog';

describe('routes', () => {
  it('maps / to the start page and /d/{name} to a document', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/d/koalitionsvertrag-2021')).toEqual({ page: 'document', name: 'koalitionsvertrag-2021' });
    expect(parseRoute('/d/antrag%20%C3%BCber%2Fwlan/')).toEqual({ page: 'document', name: 'antrag über/wlan' });
  });

  it('maps /meine-daten (with or without a slash) to the own-data page', () => {
    expect(parseRoute('/meine-daten')).toEqual({ page: 'my-data' });
    expect(parseRoute('/meine-daten/')).toEqual({ page: 'my-data' });
    expect(parseRoute('/meine-daten/x')).toMatchObject({ page: 'not-found' });
  });

  it('round-trips names through documentPath', () => {
    for (const name of ['a b', 'ä/ö?#', '100%']) expect(parseRoute(documentPath(name))).toEqual({ page: 'document', name });
  });

  it('treats other and malformed paths as not found', () => {
    expect(parseRoute('/d/')).toMatchObject({ page: 'not-found' });
    expect(parseRoute('/d/%E0%A4%A')).toMatchObject({ page: 'not-found' });
    expect(parseRoute('/admin')).toMatchObject({ page: 'not-found' });
  });
});

describe('collaboration address', () => {
  it('uses ws on http and wss on https, same host and port', () => {
    expect(collabUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/collab');
    expect(collabUrl({ protocol: 'https:', host: 'rathaus.example' })).toBe('wss://rathaus.example/collab');
  });
});

describe('line numbers', () => {
  it('numbers every rendered line of every block, continuing across blocks', () => {
    const marks = computeLineMarks([
      { top: 0, height: 48, lineHeight: 24 }, // two lines
      { top: 60, height: 24, lineHeight: 24 },
      { top: 100, height: 90, lineHeight: 30 }, // three lines
    ]);
    expect(marks.map((m) => [m.number, m.top])).toEqual([
      [1, 0],
      [2, 24],
      [3, 60],
      [4, 100],
      [5, 130],
      [6, 160],
    ]);
  });

  it('rounds sub-pixel heights and gives an empty block one line', () => {
    expect(computeLineMarks([{ top: 0, height: 47.6, lineHeight: 24 }])).toHaveLength(2);
    expect(computeLineMarks([{ top: 0, height: 0, lineHeight: 24 }])).toHaveLength(1);
  });

  it('skips blocks without a usable line height', () => {
    expect(computeLineMarks([{ top: 0, height: 20, lineHeight: 0 }, { top: 0, height: 20, lineHeight: Number.NaN }])).toEqual([]);
  });

  it('can print every fifth number', () => {
    const marks = computeLineMarks([{ top: 0, height: 240, lineHeight: 20 }]);
    expect(visibleMarks(marks, 5).map((m) => m.number)).toEqual([1, 5, 10]);
  });
});

describe('guest pseudonym', () => {
  it('is a four-digit number and a palette colour', () => {
    expect(makePseudonym(() => 0)).toEqual({ number: 1000, color: CARET_COLORS[0] });
    expect(makePseudonym(() => 0.99999)).toEqual({ number: 9999, color: CARET_COLORS.at(-1) });
  });

  it('is kept across reloads and replaced when the stored value is broken', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const first = loadPseudonym(storage);
    expect(loadPseudonym(storage)).toEqual(first);
    data.set(PSEUDONYM_KEY, '{"number":"<b>x</b>","color":"red"}');
    expect(parsePseudonym(data.get(PSEUDONYM_KEY)!)).toBeNull();
    expect(loadPseudonym(storage).number).toBeGreaterThanOrEqual(1000);
  });

  it('moves to a free colour only when someone else shows the same one', () => {
    expect(pickFreeColor(CARET_COLORS[2], [CARET_COLORS[0]])).toBe(CARET_COLORS[2]);
    expect(pickFreeColor(CARET_COLORS[0], [CARET_COLORS[0], CARET_COLORS[1]])).toBe(CARET_COLORS[2]);
    expect(pickFreeColor(CARET_COLORS[3], CARET_COLORS)).toBe(CARET_COLORS[3]);
  });

  it('every caret colour carries white label text at AA contrast', () => {
    for (const color of CARET_COLORS) expect(contrastRatio(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
  });
});

describe('link input', () => {
  it('accepts web and mail addresses and completes a bare host', () => {
    expect(normalizeLinkInput(' https://www.kassel.de/digital ')).toBe('https://www.kassel.de/digital');
    expect(normalizeLinkInput('mailto:buero@kassel.de')).toBe('mailto:buero@kassel.de');
    expect(normalizeLinkInput('kassel.de/opendata')).toBe('https://kassel.de/opendata');
  });

  it('rejects script and other schemes', () => {
    expect(normalizeLinkInput('javascript:alert(1)')).toBeNull();
    expect(normalizeLinkInput('data:text/html,<b>')).toBeNull();
    expect(normalizeLinkInput('')).toBeNull();
  });
});
