// The name and colour others see at this person's caret until signing in exists:
// "Gast 4711" / "Guest 4711", kept for the browser so that a reload keeps the same name.

/**
 * Caret colours. Each carries white label text at a contrast ratio of at least 4.5:1 (AA).
 * The name label is always shown, so the colour is never the only way to tell people apart.
 */
export const CARET_COLORS = ['#1f5f99', '#8a3b12', '#2d6a2e', '#7a2e7d', '#9b1c31', '#00606b', '#5b4a00', '#4a4a8c'] as const;

export interface Pseudonym {
  number: number;
  color: string;
}

export const PSEUDONYM_KEY = 'pledgepad.pseudonym';

/** A number 1000–9999 and a colour, from a random source in [0, 1). */
export function makePseudonym(random: () => number = Math.random): Pseudonym {
  const number = 1000 + Math.floor(random() * 9000);
  const color = CARET_COLORS[Math.floor(random() * CARET_COLORS.length)];
  return { number, color };
}

export function parsePseudonym(text: string | null): Pseudonym | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Pseudonym>;
    if (
      typeof value.number === 'number' &&
      Number.isInteger(value.number) &&
      value.number >= 1000 &&
      value.number <= 9999 &&
      typeof value.color === 'string' &&
      (CARET_COLORS as readonly string[]).includes(value.color)
    ) {
      return { number: value.number, color: value.color };
    }
  } catch {
    // fall through: a broken entry is replaced
  }
  return null;
}

export function loadPseudonym(storage: Pick<Storage, 'getItem' | 'setItem'> | null): Pseudonym {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(PSEUDONYM_KEY) ?? null;
  } catch {
    stored = null;
  }
  const existing = parsePseudonym(stored);
  if (existing) return existing;
  const created = makePseudonym();
  try {
    storage?.setItem(PSEUDONYM_KEY, JSON.stringify(created));
  } catch {
    // not persisted: a new name after reload
  }
  return created;
}

/**
 * Keeps the current colour unless someone else present already shows it; then takes the first
 * palette colour nobody uses (or keeps the current one when all are taken).
 */
export function pickFreeColor(current: string, usedByOthers: Iterable<string>): string {
  const used = new Set(usedByOthers);
  if (!used.has(current)) return current;
  return CARET_COLORS.find((color) => !used.has(color)) ?? current;
}

/** WCAG relative luminance contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, bl] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
