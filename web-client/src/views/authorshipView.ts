// Draws a version's text, plain or coloured by author: each passage gets its author's tint,
// underline style and number, a hidden "Von …:" for screen readers and a title with name and
// time; the legend lists the authors with the same sample, their name and how much they wrote.
import { charactersByAuthor, paragraphPieces } from '../authorship';
import { assignColours, type AuthorStyle } from '../authorColours';
import { documentText, h, interfaceText } from '../dom';
import type { AuthorSpan } from '../history';
import { formatDateTime, t } from '../i18n';

const UNKNOWN = '\u0000unknown';
const keyOf = (span: AuthorSpan) => span.actor ?? UNKNOWN;

export function authorStyles(spans: readonly AuthorSpan[]): Map<string, AuthorStyle> {
  const styles = assignColours(spans.map((s) => ({ key: keyOf(s), name: s.actor === null ? t('authorUnknown') : (s.name ?? s.actor) })));
  return new Map(styles.map((s) => [s.key, s]));
}

function paint(element: HTMLElement, style: AuthorStyle): void {
  element.style.backgroundColor = style.tint;
  element.style.textDecorationLine = 'underline';
  element.style.textDecorationStyle = style.lineStyle;
  element.style.textDecorationColor = style.line;
  // Drawn by CSS (::before), so the number is neither copied with the text nor part of it.
  element.dataset.mark = style.mark;
}

/** The text as paragraphs; with spans, every authored passage is marked. */
export function renderVersionText(text: string, spans: readonly AuthorSpan[] | null, styles: Map<string, AuthorStyle> | null): HTMLElement {
  // Focusable: the text scrolls inside its box, and keyboard users must be able to scroll it.
  const out = documentText(h('div', { class: `version-text prose${spans ? ' with-authors' : ''}`, tabindex: 0, role: 'region', 'aria-labelledby': 'version-view-title' }));
  if (text.trim() === '') {
    out.append(interfaceText(h('p', { class: 'muted' }, t('versionTextEmpty'))));
    return out;
  }
  for (const pieces of paragraphPieces(text, spans ?? [])) {
    const p = h('p');
    let previous: AuthorStyle | undefined;
    for (const piece of pieces) {
      const style = piece.span && styles ? styles.get(keyOf(piece.span)) : undefined;
      const sameAuthor = style === previous;
      previous = style;
      if (!piece.span || !style) {
        p.append(piece.text);
        continue;
      }
      const mark = h('span', { class: 'author-span', 'data-author': style.name }, interfaceText(h('span', { class: 'visually-hidden' }, t('authorWrote', { name: style.name }))), piece.text);
      mark.title = piece.span.last ? t('authorSpanTitle', { name: style.name, date: formatDateTime(piece.span.last) }) : style.name;
      paint(mark, style);
      // One number per run of the same author, not per span: fewer marks cluttering the text.
      if (sameAuthor) delete mark.dataset.mark;
      p.append(mark);
    }
    out.append(p);
  }
  return out;
}

export function renderLegend(spans: readonly AuthorSpan[], styles: Map<string, AuthorStyle>): HTMLElement {
  const counts = charactersByAuthor(spans);
  const items = [...styles.values()].map((style) => {
    const sample = h('span', { class: 'legend-sample', 'aria-hidden': 'true' }, 'Abc');
    paint(sample, style);
    const count = counts.get(style.key === UNKNOWN ? null : style.key) ?? 0;
    return h('li', {}, sample, ' ', h('span', { class: 'legend-name' }, style.name), ' ', h('span', { class: 'muted' }, `(${t('authorCharacters', { count })})`));
  });
  return h('section', { class: 'author-legend', 'aria-labelledby': 'author-legend-title' }, h('h3', { id: 'author-legend-title' }, t('authorshipLegend')), h('ul', {}, ...items));
}
