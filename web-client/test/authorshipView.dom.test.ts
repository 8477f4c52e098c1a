// @vitest-environment happy-dom
// The authorship view as the browser gets it: every passage carries its author in words (hidden
// prefix, title, data attribute) and an underline style, not only a colour; the legend names all.
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../src/i18n';
import { parseAuthorship } from '../src/history';
import { authorStyles, renderLegend, renderVersionText } from '../src/views/authorshipView';

describe('authorship view', () => {
  beforeEach(() => initI18n({ storage: null, documentElement: document.documentElement }));

  const text = 'Radwege bauen\nSchnell';
  const spans = parseAuthorship(
    {
      spans: [
        { from: 0, to: 8, actor: 'u1', actorName: 'Anna Stadtrat', last: '2026-03-12T10:00:00Z' },
        { from: 8, to: 21, actor: 'u2', actorName: 'Bürgerin 4711' },
      ],
    },
    text.length,
  );

  it('marks each passage with name, title and underline style', () => {
    const styles = authorStyles(spans);
    const view = renderVersionText(text, spans, styles);
    expect(view.querySelectorAll('p')).toHaveLength(2);
    const marks = [...view.querySelectorAll<HTMLElement>('.author-span')];
    expect(marks.map((m) => m.dataset.author)).toEqual(['Anna Stadtrat', 'Bürgerin 4711', 'Bürgerin 4711']);
    expect(marks[0].querySelector('.visually-hidden')?.textContent).toBe('Von Anna Stadtrat: ');
    expect(marks[0].title).toMatch(/^Anna Stadtrat, zuletzt geändert /);
    expect(marks[1].title).toBe('Bürgerin 4711');
    expect(marks[0].style.textDecorationLine).toBe('underline');
    expect(marks[0].style.textDecorationStyle).not.toBe(marks[1].style.textDecorationStyle);
    // The author's number opens each run of their passages (drawn by CSS from data-mark).
    expect(marks.map((m) => m.dataset.mark)).toEqual(['1', '2', '2']);
    // Without the hidden names the reader sees the text unchanged.
    const visible = view.cloneNode(true) as HTMLElement;
    for (const hidden of visible.querySelectorAll('.visually-hidden')) hidden.remove();
    expect([...visible.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Radwege bauen', 'Schnell']);
  });

  it('lists every author in the legend with the characters written', () => {
    const legend = renderLegend(spans, authorStyles(spans));
    expect([...legend.querySelectorAll('.legend-name')].map((e) => e.textContent)).toEqual(['Anna Stadtrat', 'Bürgerin 4711']);
    expect(legend.textContent).toContain('(13 Zeichen)');
    expect(legend.querySelector('.legend-sample')?.getAttribute('aria-hidden')).toBe('true');
    expect([...legend.querySelectorAll<HTMLElement>('.legend-sample')].map((e) => e.dataset.mark)).toEqual(['1', '2']);
  });

  it('says so when the version is empty, and draws plain text without spans', () => {
    expect(renderVersionText('  ', null, null).textContent).toBe('In dieser Version ist der Text leer.');
    const plain = renderVersionText('a\nb', null, null);
    expect(plain.querySelectorAll('.author-span')).toHaveLength(0);
    expect([...plain.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['a', 'b']);
  });
});
