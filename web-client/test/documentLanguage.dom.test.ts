// @vitest-environment happy-dom
// In the English interface the documents stay German: their text outside the editor (titles,
// pledges, versions, diffs, quotes) must be marked lang="de", or a screen reader reads
// "Haushaltssatzung" with English rules (WCAG 3.1.2). The interface's own words stay unmarked.
// The server is a stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n, setLanguage } from '../src/i18n';
import { setMe } from '../src/session';
import { createAnnotationsPanel } from '../src/views/annotationsPanel';
import { authorStyles, renderVersionText } from '../src/views/authorshipView';
import { comparePage } from '../src/views/comparePage';
import { historyPage } from '../src/views/historyPage';
import { startPage } from '../src/views/startPage';
import type { View } from '../src/views/view';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

/** The language an element's text is read in: its own or its nearest ancestor's lang. */
const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');

const documents = [
  { name: 'spd', title: 'Wahlprogramm SPD Kassel', kind: 'programme', stage: 'published', updatedAt: null },
  { name: 'kv', title: 'Koalitionsvertrag', kind: 'coalition-agreement', stage: 'published', updatedAt: null },
];
const pledge = (id: string, title: string) => ({ id, title, body: `${title}: Umsetzung bis 2030`, chapter: 'Digitales', fullText: [] });

describe('document text in the English interface', () => {
  let main: HTMLElement;
  let view: View | null;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    setLanguage('en');
    main = document.createElement('main');
    document.body.replaceChildren(main);
    view = null;
  });

  afterEach(() => {
    view?.dispose();
    setLanguage('de');
    setMe(GUEST);
    vi.unstubAllGlobals();
  });

  it('marks document titles on the start page as German', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond(documents)));
    view = startPage(main);
    await settle();
    const links = [...main.querySelectorAll('a.doc-link')];
    expect(links.map((a) => a.textContent)).toContain('Koalitionsvertrag');
    for (const link of links) expect(languageOf(link)).toBe('de');
    expect(languageOf(main.querySelector('h1')!)).toBe('en');
  });

  it('marks the title in the history heading, and the diff, as German', async () => {
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      if (url.endsWith('/history')) return respond({ versions: [{ seq: 2, at: '2026-05-02T10:00:00Z', actor: 'Clara' }, { seq: 1, at: '2026-05-01T10:00:00Z', actor: 'Paul' }] });
      if (url.includes('/diff?')) return respond({ changes: [{ kind: 'equal', text: 'Die Stadt baut ' }, { kind: 'insert', text: 'Radwege' }] });
      if (url === '/api/documents/kv') return respond({ ...documents[1], headSeq: 2 });
      return respond({ error: 'not here' }, 404);
    }));
    view = historyPage(main, 'kv');
    await settle();
    const heading = main.querySelector('h1')!;
    expect(heading.textContent).toBe('History: Koalitionsvertrag');
    expect(languageOf(heading)).toBe('en');
    const title = [...heading.querySelectorAll('[lang]')];
    expect(title.map((el) => [el.textContent, el.getAttribute('lang')])).toEqual([['Koalitionsvertrag', 'de']]);

    main.querySelector<HTMLFormElement>('form.diff-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(languageOf(main.querySelector('ins')!)).toBe('de');
    // The hidden "inserted:" prefix is English inside the German diff: it carries its own language.
    expect(languageOf(main.querySelector('ins .visually-hidden')!)).toBe('en');
  });

  it('marks a version text as German, and the hidden "Written by" inside it as English', () => {
    expect(languageOf(renderVersionText('Die Stadt baut Radwege.', null, null))).toBe('de');
    const spans = [{ from: 0, to: 9, actor: 'u1', name: 'Clara', last: null }];
    const text = renderVersionText('Die Stadt baut Radwege.', spans, authorStyles(spans));
    expect(languageOf(text.querySelector('.author-span')!)).toBe('de');
    expect(languageOf(text.querySelector('.author-span .visually-hidden')!)).toBe('en');
  });

  it('marks pledges, the documents compared and the shared words as German on the comparison page', async () => {
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      if (url === '/api/documents') return respond(documents);
      return respond({
        aligned: [{ a: pledge('a1', 'Glasfaser für alle'), b: pledge('b1', 'Glasfaserausbau'), link: { id: 'l1', a: 'a1', b: 'b1', kind: 'SAME' } }],
        onlyInA: [pledge('a2', 'Öffentliches WLAN')],
        onlyInB: [pledge('b2', 'Ratsinformationssystem')],
        coverage: { found: 1, total: 2 },
        suggestions: [{ pledgeId: 'a2', candidateId: 'b2', score: 0.4, confidence: 'MITTEL', matchedTerms: [{ wordA: 'öffentlich', wordB: 'öffentlich' }] }],
      });
    }));
    view = comparePage(main);
    await settle();
    const pledges = [...main.querySelectorAll('article.pledge')];
    expect(pledges).toHaveLength(4);
    for (const article of pledges) {
      expect(languageOf(article.querySelector('h4')!)).toBe('de');
      expect(languageOf(article.querySelector('.pledge-chapter')!)).toBe('de');
    }
    expect([...main.querySelectorAll('[role="columnheader"]')].map(languageOf)).toEqual(['de', 'de']);
    const words = main.querySelector('.matched-words')!;
    expect(words.textContent).toBe('Shared words: öffentlich');
    expect(languageOf(words)).toBe('en');
    expect(languageOf([...words.querySelectorAll('[lang]')].find((el) => el.textContent === 'öffentlich')!)).toBe('de');
    expect(languageOf(main.querySelector('.suggestion strong')!)).toBe('de');
  });

  it('marks a thread quote and a proposed replacement as German in the sidebar', async () => {
    const thread = {
      id: 't1', kind: 'suggestion', status: 'open', locked: false, createdAt: '2026-05-02T10:00:00Z',
      author: { name: 'Paul', pseudonym: false, you: false },
      anchor: { start: '', end: '', quote: 'bis 2030', state: 'attached' },
      suggestion: { state: 'open', replacement: 'bis 2028', reason: null },
      posts: [],
    };
    vi.stubGlobal('fetch', vi.fn(() => respond({ threads: [thread] })));
    const panel = createAnnotationsPanel('kv');
    document.body.append(panel.section);
    panel.refresh();
    await settle();
    try {
      const article = panel.section.querySelector('article.thread')!;
      expect(languageOf(article.querySelector('blockquote')!)).toBe('de');
      expect(languageOf(article.querySelector('.replacement ins')!)).toBe('de');
      expect(languageOf(article.querySelector('h3')!)).toBe('en');
    } finally {
      panel.dispose();
    }
  });
});
