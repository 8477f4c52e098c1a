// @vitest-environment happy-dom
// Review 2026-11-30, item 20: the comparison page lets the reader choose the two documents when
// there are more than two, and the editor choose the kind of link ("gleich", "teilweise",
// "verwandt") instead of always sending SAME. The server is a stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n, setLanguage } from '../src/i18n';
import { setMe } from '../src/session';
import { comparePage } from '../src/views/comparePage';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

const pledge = (id: string) => ({ id, title: id, body: `${id} body`, chapter: '', fullText: [] });
const doc = (name: string, title: string, kind: string) => ({ name, title, kind, stage: 'consultation', updatedAt: null });

describe('comparison page choices', () => {
  let documents: unknown[];
  let compared: string[];
  let posted: Record<string, unknown>[];
  beforeEach(() => {
    documents = [doc('spd', 'SPD 2021', 'programme'), doc('kv', 'Koalitionsvertrag', 'coalition-agreement'), doc('gruene', 'Grüne 2021', 'programme'), doc('notiz', 'Notiz', 'note')];
    compared = [];
    posted = [];
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return respond({ id: 'link-1' }, 201);
      }
      if (url === '/api/documents') return respond(documents);
      if (url.endsWith('/comments')) return respond([]);
      compared.push(url);
      const params = new URL(url, 'http://x').searchParams;
      return respond({
        a: { id: params.get('a'), title: params.get('a'), pledges: [] },
        b: { id: params.get('b'), title: params.get('b'), pledges: [] },
        aligned: [],
        onlyInA: [pledge('glasfaser')],
        onlyInB: [pledge('ris')],
        coverage: { found: 0, total: 1 },
        suggestions: [{ pledgeId: 'glasfaser', candidateId: 'ris', score: 0.4, confidence: 'HOCH', matchedTerms: [] }],
        statuses: {},
      });
    }));
  });

  afterEach(() => {
    setMe(GUEST);
    setLanguage('de');
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  async function open() {
    const main = document.createElement('main');
    document.body.append(main);
    const view = comparePage(main);
    await settle();
    return { main, view };
  }

  it('offers the pledge documents in two labelled selects and compares the chosen pair', async () => {
    const { main, view } = await open();
    try {
      expect(compared).toEqual(['/api/pledges/compare?a=spd&b=kv']);
      const first = main.querySelector<HTMLSelectElement>('#compare-a')!;
      const second = main.querySelector<HTMLSelectElement>('#compare-b')!;
      expect(main.querySelector('label[for="compare-a"]')?.textContent).toBe('Erstes Dokument');
      expect(main.querySelector('label[for="compare-b"]')?.textContent).toBe('Zweites Dokument');
      // Only documents that hold pledges; the current pair is preselected.
      expect([...first.options].map((o) => o.value)).toEqual(['spd', 'kv', 'gruene']);
      expect([first.value, second.value]).toEqual(['spd', 'kv']);
      first.value = 'gruene';
      first.dispatchEvent(new Event('change'));
      // Choosing alone loads nothing (arrow keys move through the options); the button does.
      expect(compared).toHaveLength(1);
      main.querySelector<HTMLButtonElement>('.compare-picker button[type="submit"]')!.click();
      await settle();
      expect(compared.at(-1)).toBe('/api/pledges/compare?a=gruene&b=kv');
    } finally {
      view.dispose();
    }
  });

  it('names the chosen documents instead of "Wahlprogramm" and "Koalitionsvertrag" when another pair is compared', async () => {
    const { main, view } = await open();
    try {
      const onlyA = () => main.querySelector<HTMLElement>('#only-a-title')!;
      expect(onlyA().textContent).toBe('Nur im Wahlprogramm');
      main.querySelector<HTMLSelectElement>('#compare-b')!.value = 'gruene';
      main.querySelector<HTMLButtonElement>('.compare-picker button[type="submit"]')!.click();
      await settle();
      expect(main.querySelector('h1')?.textContent).toBe('Vergleich: SPD 2021 und Grüne 2021');
      expect(onlyA().textContent).toBe('Nur in „SPD 2021“');
      expect(main.querySelector('#only-b-title')?.textContent).toBe('Nur in „Grüne 2021“');
      expect(main.querySelector('.coverage-figure')?.textContent).toBe('0 von 1 Punkten von „SPD 2021“ finden sich in „Grüne 2021“ (0 %).');
      // The titles are document text (WCAG 3.1.2), also in the English interface.
      setLanguage('en');
      await settle();
      expect(onlyA().textContent).toBe('Only in “SPD 2021”');
      expect(onlyA().querySelector('span')?.lang).toBe('de');
      expect(main.querySelector('h1')?.textContent).toBe('Comparison: SPD 2021 and Grüne 2021');
      setLanguage('de');
      main.querySelector<HTMLSelectElement>('#compare-b')!.value = 'kv';
      main.querySelector<HTMLButtonElement>('.compare-picker button[type="submit"]')!.click();
      await settle();
      expect(onlyA().textContent).toBe('Nur im Wahlprogramm');
      expect(main.querySelector('h1')?.textContent).toBe('Vergleich: Koalitionsvertrag und Wahlprogramm');
    } finally {
      view.dispose();
    }
  });

  it('refuses the same document twice with a message, without loading', async () => {
    const { main, view } = await open();
    try {
      main.querySelector<HTMLSelectElement>('#compare-b')!.value = 'spd';
      main.querySelector<HTMLButtonElement>('.compare-picker button[type="submit"]')!.click();
      await settle();
      const alert = main.querySelector<HTMLElement>('.compare-picker [role="alert"]')!;
      expect(alert.hidden).toBe(false);
      expect(alert.textContent).toBe('Bitte zwei verschiedene Dokumente wählen.');
      expect(main.querySelector('#compare-b')?.getAttribute('aria-invalid')).toBe('true');
      expect(compared).toHaveLength(1);
    } finally {
      view.dispose();
    }
  });

  it('shows no choice when there are only two documents', async () => {
    documents = documents.slice(0, 2);
    const { main, view } = await open();
    try {
      expect(main.querySelector('.compare-picker')).toBeNull();
      expect(compared).toEqual(['/api/pledges/compare?a=spd&b=kv']);
    } finally {
      view.dispose();
    }
  });

  it('links with the kind the editor chose, "gleich" by default, and keeps the choice across a redraw', async () => {
    const { main, view } = await open();
    try {
      const select = main.querySelector<HTMLSelectElement>('select.link-kind-choice')!;
      expect(main.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Art der Verknüpfung');
      expect([...select.options].map((o) => o.textContent)).toEqual(['gleich', 'teilweise', 'verwandt']);
      expect(select.value).toBe('same');
      select.value = 'partly';
      select.dispatchEvent(new Event('change'));
      setLanguage('en');
      await settle();
      const redrawn = main.querySelector<HTMLSelectElement>('select.link-kind-choice')!;
      expect(redrawn.value).toBe('partly');
      expect(main.querySelector(`label[for="${redrawn.id}"]`)?.textContent).toBe('Kind of link');
      main.querySelector<HTMLButtonElement>('button[aria-label="Link: ris"]')!.click();
      await settle();
      expect(posted).toEqual([{ a: 'glasfaser', b: 'ris', kind: 'PARTLY', origin: 'SUGGESTION_CONFIRMED' }]);
    } finally {
      view.dispose();
    }
  });
});
