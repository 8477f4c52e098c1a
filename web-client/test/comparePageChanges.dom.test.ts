// @vitest-environment happy-dom
// Changes made by others (a link, a status, a new text) reach an open comparison page: every
// 30 s, while the page is seen, it asks the server with the drawn answer's ETag whether anything
// changed (304 when not). When something did, it says so and offers "Neu laden"; it does not
// redraw by itself, so the reader keeps their focus and place. The server is a stubbed fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n } from '../src/i18n';
import { setMe } from '../src/session';
import { COMPARE_POLL_MS, comparePage } from '../src/views/comparePage';

const pledge = (id: string) => ({ id, title: id, body: `${id} body`, chapter: '', fullText: [] });
const documents = [
  { name: 'spd', title: 'SPD', kind: 'programme', stage: 'consultation', updatedAt: null },
  { name: 'kv', title: 'KV', kind: 'coalition-agreement', stage: 'consultation', updatedAt: null },
];

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('comparison page: changes made by others', () => {
  /** The server's state: whether someone linked the pair, and the tag of its answer. */
  let linked: boolean;
  let version: string;
  let asked: Array<string | null>;
  let main: HTMLElement;
  let view: { dispose(): void };

  beforeEach(async () => {
    linked = false;
    version = '"v1"';
    asked = [];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'citizen', user: { id: 'u2', login: 'bea', displayName: 'Bea', pseudonym: false }, csrfToken: 'c' });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      if (url === '/api/documents') return Promise.resolve(new Response(JSON.stringify(documents), { status: 200 }));
      if (url.endsWith('/comments')) return Promise.resolve(new Response('[]', { status: 200 }));
      const condition = (init?.headers as Record<string, string> | undefined)?.['If-None-Match'] ?? null;
      asked.push(condition);
      if (condition === version) return Promise.resolve(new Response(null, { status: 304, headers: { ETag: version } }));
      return Promise.resolve(new Response(JSON.stringify({
        a: { id: 'spd', title: 'SPD', pledges: [] },
        b: { id: 'kv', title: 'KV', pledges: [] },
        aligned: linked ? [{ a: pledge('glasfaser'), b: pledge('ris'), link: { id: 'link-9', a: 'glasfaser', b: 'ris', kind: 'SAME' } }] : [],
        onlyInA: linked ? [] : [pledge('glasfaser')],
        onlyInB: linked ? [] : [pledge('ris')],
        coverage: { found: linked ? 1 : 0, total: 1 },
        suggestions: [],
        statuses: {},
      }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: version } }));
    }));
    main = document.createElement('main');
    document.body.append(main);
    view = comparePage(main);
    await settle();
  });

  afterEach(() => {
    view.dispose();
    vi.useRealTimers();
    setMe(GUEST);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  const notice = () => main.querySelector('.compare-changed');
  const alignedRows = () => main.querySelectorAll('.compare-table .compare-row:not(.compare-head)').length;

  async function tick() {
    vi.advanceTimersByTime(COMPARE_POLL_MS);
    await settle();
  }

  it('asks with the drawn answer\'s tag and says nothing while nothing changed', async () => {
    expect(asked).toEqual([null]); // the first load
    await tick();
    expect(asked).toEqual([null, '"v1"']);
    expect(notice()!.textContent).toBe('');
  });

  it('says that someone changed the comparison, keeps the page as it is, and redraws when asked', async () => {
    linked = true;
    version = '"v2"';
    await tick();
    expect(notice()!.getAttribute('role')).toBe('status');
    expect(notice()!.textContent).toContain('Inzwischen hat jemand etwas an diesem Vergleich geändert');
    expect(alignedRows()).toBe(0); // not redrawn under the reader
    await tick();
    expect(asked).toEqual([null, '"v1"']); // once told, the page stops asking

    notice()!.querySelector('button')!.click();
    await settle();
    expect(alignedRows()).toBe(1);
    expect(notice()!.textContent).toBe('');
    expect(document.activeElement).toBe(main.querySelector('h1'));
    await tick();
    expect(asked.at(-1)).toBe('"v2"'); // asking again, now with the new answer's tag
  });

  it('does not ask while the page is hidden, nor after it was left', async () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await tick();
    expect(asked).toEqual([null]);
    visibility.mockReturnValue('visible');
    view.dispose();
    await tick();
    expect(asked).toEqual([null]);
  });
});
