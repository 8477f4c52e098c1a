import { describe, expect, it } from 'vitest';
import { assignColours, contrast, INK, LINE_STYLES, meetsContrast, PALETTE, tintOf } from '../src/authorColours';
import { charactersByAuthor, paragraphPieces } from '../src/authorship';
import { parseAuthorship } from '../src/history';

describe('authorship colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5); // the known AA grey
    expect(() => contrast('red', '#fff')).toThrow();
  });

  it('every palette colour meets AA: text on its tint ≥ 4.5:1, the underline ≥ 3:1 on white and on the tint', () => {
    for (const line of PALETTE) {
      const tint = tintOf(line);
      expect(contrast(INK, tint), `${line} text`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(line, '#ffffff'), `${line} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(line, tint), `${line} on tint`).toBeGreaterThanOrEqual(3);
      expect(meetsContrast(line, tint)).toBe(true);
    }
    expect(meetsContrast('#ffeb3b', tintOf('#ffeb3b'))).toBe(false); // yellow would fail
  });

  it('gives each author one style in order of appearance, neighbours differing in colour and line style', () => {
    const styles = assignColours([
      { key: 'u1', name: 'Anna' },
      { key: 'u2', name: 'Bürgerin 4711' },
      { key: 'u1', name: 'Anna' },
      { key: 'u3', name: 'Ben' },
    ]);
    expect(styles.map((s) => s.name)).toEqual(['Anna', 'Bürgerin 4711', 'Ben']);
    for (let i = 1; i < styles.length; i++) {
      expect(styles[i].line).not.toBe(styles[i - 1].line);
      expect(styles[i].lineStyle).not.toBe(styles[i - 1].lineStyle);
    }
    // Colour × style pairs stay distinct far beyond the palette's length.
    const many = assignColours(Array.from({ length: PALETTE.length * LINE_STYLES.length }, (_, i) => ({ key: `u${i}`, name: `P${i}` })));
    expect(new Set(many.map((s) => `${s.line}/${s.lineStyle}`)).size).toBe(many.length);
  });
});

describe('authorship cues other than colour (WCAG 1.4.1)', () => {
  const authors = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `u${i}`, name: `P${i}` }));
  /** What someone who cannot tell the hues apart still sees: the line style and the number. */
  const cue = (s: { lineStyle: string; mark?: string }) => `${s.lineStyle}|${s.mark ?? ''}`;

  it('assignColours gives 12 authors pairwise different cues besides colour', () => {
    const styles = assignColours(authors(12));
    for (let i = 0; i < styles.length; i++) {
      for (let j = i + 1; j < styles.length; j++) expect(cue(styles[i]), `authors ${i + 1} and ${j + 1}`).not.toBe(cue(styles[j]));
    }
  });

  it('keeps them apart beyond every colour × line style combination', () => {
    const styles = assignColours(authors(PALETTE.length * LINE_STYLES.length + 5));
    expect(new Set(styles.map(cue)).size).toBe(styles.length);
    expect(styles.slice(0, 3).map((s) => s.mark)).toEqual(['1', '2', '3']);
  });
});

describe('authorship spans', () => {
  const text = 'Erster Absatz\nZweiter';
  const answer = {
    seq: 7,
    spans: [
      { from: 0, to: 7, actor: 'u1', actorName: 'Anna', last: '2026-03-12T10:00:00Z' },
      { from: 10, to: 17, actor: 'u2', actorName: 'Bürgerin 4711' },
      { from: 15, to: 99, actor: null, actorName: null },
      { from: 'x', to: 3 },
    ],
  };

  it('parses, sorts, clips to the text and removes overlaps', () => {
    const spans = parseAuthorship(answer, text.length);
    expect(spans.map((s) => [s.from, s.to, s.name])).toEqual([
      [0, 7, 'Anna'],
      [10, 17, 'Bürgerin 4711'],
      [17, 21, null],
    ]);
    expect(() => parseAuthorship({}, 3)).toThrow();
  });

  it('cuts the text into paragraphs of pieces with their spans', () => {
    const spans = parseAuthorship(answer, text.length);
    const paragraphs = paragraphPieces(text, spans);
    expect(paragraphs.map((p) => p.map((x) => `${x.text}|${x.span?.name ?? '-'}`))).toEqual([
      ['Erster |Anna', 'Abs|-', 'atz|Bürgerin 4711'],
      ['Zwe|Bürgerin 4711', 'iter|-'],
    ]);
    expect(paragraphs.flat().map((p) => p.text).join('')).toBe(text.replace('\n', ''));
    expect(charactersByAuthor(spans).get('u2')).toBe(7);
  });

  it('without spans the text is plain paragraphs', () => {
    expect(paragraphPieces('a\n\nb', [])).toEqual([[{ text: 'a', span: null }], [], [{ text: 'b', span: null }]]);
  });
});
