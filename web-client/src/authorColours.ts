// Authorship colours: each author gets a colour, an underline style and a number, so passages are
// told apart without relying on colour (WCAG 1.4.1); the legend names them. Colours are checked for
// contrast: the text on its tint at least 4.5:1, the underline against white and the tint at
// least 3:1 (non-text contrast, WCAG 1.4.11).

export type LineStyle = 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';

export interface AuthorStyle {
  key: string;
  name: string;
  /** Underline and swatch colour. */
  line: string;
  /** Background tint of the passages. */
  tint: string;
  lineStyle: LineStyle;
  /**
   * The author's number, shown at the start of their passages and in the legend. Five line styles
   * against eight colours leave authors 1 and 6 (2 and 7, …) with the same line and only the hue
   * between them, and there are not enough distinguishable line styles or thicknesses to go much
   * further: the number keeps every pair of authors apart without colour, however many there are.
   */
  mark: string;
}

/** Text colour on tints (the page's ink). */
export const INK = '#1b1f24';
/** Strong colours, each at least 3:1 against white (checked by the tests and by assignColours). */
export const PALETTE = ['#0b4f8a', '#a0281c', '#1d6b34', '#6d2f99', '#8a4b00', '#006666', '#a1195e', '#4f5660'] as const;
export const LINE_STYLES: readonly LineStyle[] = ['solid', 'dashed', 'dotted', 'double', 'wavy'];
/** How much white goes into a tint. */
const TINT_WHITE = 0.86;

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.1 relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export function tintOf(hex: string, white = TINT_WHITE): string {
  const c = rgb(hex);
  return toHex([c[0] + (255 - c[0]) * white, c[1] + (255 - c[1]) * white, c[2] + (255 - c[2]) * white]);
}

/** True when a colour pair meets the contrast rules above. */
export function meetsContrast(line: string, tint: string): boolean {
  return contrast(INK, tint) >= 4.5 && contrast(line, '#ffffff') >= 3 && contrast(line, tint) >= 3;
}

/**
 * Styles in order of first appearance (the same author keeps the same style across the page).
 * Colour and line style change together, so neighbours differ in both; the number differs for
 * every pair.
 */
export function assignColours(authors: readonly { key: string; name: string }[]): AuthorStyle[] {
  const seen = new Map<string, AuthorStyle>();
  for (const author of authors) {
    if (seen.has(author.key)) continue;
    const i = seen.size;
    const line = PALETTE[i % PALETTE.length];
    const tint = tintOf(line);
    if (!meetsContrast(line, tint)) throw new Error(`authorship colour ${line} fails the contrast check`);
    seen.set(author.key, { key: author.key, name: author.name, line, tint, lineStyle: LINE_STYLES[i % LINE_STYLES.length], mark: String(i + 1) });
  }
  return [...seen.values()];
}
