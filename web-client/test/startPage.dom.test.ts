// @vitest-environment happy-dom
// The start page rendered into a DOM, fed by a stubbed fetch (test-only: the app has no fake data).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n, setLanguage } from '../src/i18n';
import { startPage } from '../src/views/startPage';
import type { View } from '../src/views/view';

const hostile = '<img src=x onerror="window.__pwned=1">Antrag <b>fett</b>';
const list = [
  { name: 'koalitionsvertrag-2021', title: 'Koalitionsvertrag Grün-Rot 2021–2026', kind: 'coalition-agreement', stage: 'published', updatedAt: '2021-11-01T09:00:00Z' },
  { name: 'spd-2021', title: 'Wahlprogramm SPD Kassel 2021', kind: 'programme', stage: 'archived', updatedAt: '2021-02-01T09:00:00Z' },
  { name: 'evil', title: hostile, kind: 'motion', stage: 'draft', updatedAt: '2022-01-01T09:00:00Z' },
  { name: 'neu', title: 'Antrag: Offene Daten', kind: 'resolution', stage: 'withdrawn', updatedAt: '' },
];

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('start page', () => {
  let main: HTMLElement;
  let view: View | null = null;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    main = document.createElement('main');
    document.body.replaceChildren(main);
  });

  afterEach(() => {
    view?.dispose();
    vi.unstubAllGlobals();
  });

  it('groups documents under the German stage headings and shows kinds in German', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond(list)));
    view = startPage(main);
    await settle();
    const headings = [...main.querySelectorAll('.stage-group h2 > span:first-child')].map((e) => e.textContent);
    expect(headings).toEqual(['Entwurf', 'Beteiligung', 'Beschlossen', 'Archiviert', 'Sonstige']);
    const published = main.querySelector('.stage-published')!;
    expect(published.querySelector('a')!.getAttribute('href')).toBe('/d/koalitionsvertrag-2021');
    expect(published.querySelector('.kind-badge')!.textContent).toBe('Koalitionsvertrag');
    expect(main.querySelector('.stage-archived .kind-badge')!.textContent).toBe('Wahlprogramm');
    expect(main.querySelector('.stage-consultation .empty')!.textContent).toBe('Keine Dokumente in diesem Stand.');
    // An unknown kind is shown as the server sent it, not dropped.
    expect(main.querySelector('.stage-other .kind-badge')!.textContent).toBe('resolution');
    expect(main.querySelector('.stage-published time')!.getAttribute('datetime')).toBe('2021-11-01T09:00:00Z');
  });

  it('renders a title containing HTML as text, never as markup', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond(list)));
    view = startPage(main);
    await settle();
    const link = main.querySelector('.stage-draft a')!;
    expect(link.textContent).toBe(hostile);
    expect(main.querySelector('img')).toBeNull();
    expect(main.querySelector('b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('filters by title as one types and says how many were found', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond(list)));
    view = startPage(main);
    await settle();
    const input = main.querySelector<HTMLInputElement>('#doc-search')!;
    expect(main.querySelector(`label[for="doc-search"]`)!.textContent).toBe('Nach Titel suchen');
    input.value = 'grun';
    input.dispatchEvent(new Event('input'));
    expect([...main.querySelectorAll('.doc-card h3')].map((e) => e.textContent)).toEqual(['Koalitionsvertrag Grün-Rot 2021–2026']);
    expect(main.querySelector('[role="status"]')!.textContent).toBe('1 Dokument gefunden');
    input.value = 'antrag';
    input.dispatchEvent(new Event('input'));
    expect(main.querySelector('[role="status"]')!.textContent).toBe('2 Dokumente gefunden');
    input.value = 'xyz';
    input.dispatchEvent(new Event('input'));
    expect(main.querySelectorAll('.doc-card')).toHaveLength(0);
    expect(main.querySelector('[role="status"]')!.textContent).toBe('Kein Dokument gefunden');
  });

  it('follows a language switch without losing the search', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond(list)));
    view = startPage(main);
    await settle();
    const input = main.querySelector<HTMLInputElement>('#doc-search')!;
    input.value = 'kassel';
    input.dispatchEvent(new Event('input'));
    setLanguage('en');
    expect(main.querySelector('.stage-archived h2 > span')!.textContent).toBe('Archived');
    expect(main.querySelector('.stage-archived .kind-badge')!.textContent).toBe('Election programme');
    expect(main.querySelector('[role="status"]')!.textContent).toBe('1 document found');
    expect(input.value).toBe('kassel');
    setLanguage('de');
  });

  it('shows the server error with a retry button that loads again', async () => {
    const fetchMock = vi.fn().mockReturnValueOnce(respond({}, 503)).mockReturnValueOnce(respond(list));
    vi.stubGlobal('fetch', fetchMock);
    view = startPage(main);
    await settle();
    const alert = main.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Die Dokumente konnten nicht geladen werden (Fehler 503 des Servers).');
    alert.querySelector('button')!.click();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(main.querySelectorAll('.doc-card')).toHaveLength(4);
  });
});
