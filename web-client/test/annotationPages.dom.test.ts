// @vitest-environment happy-dom
// The server lists a document's threads in pages (`next` while more exist) and each thread with
// its first posts only (`morePosts`): the sidebar follows the pages, loads a long thread whole on
// request, and says in German (then English) what a person's own quota means. Stubbed fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, GUEST } from '../src/api';
import { actionErrorMessage } from '../src/actionErrors';
import { listThreads } from '../src/annotationsApi';
import { initI18n, setLanguage } from '../src/i18n';
import { setMe } from '../src/session';
import { createAnnotationsPanel, type AnnotationsPanel } from '../src/views/annotationsPanel';

const author = { name: 'Paul', pseudonym: false, you: false };
const post = (id: string) => ({ id, author, createdAt: '2026-05-02T10:00:00Z', state: 'visible', html: `<p>${id}</p>` });
const thread = (id: string, posts: string[], morePosts = false) => ({
  id, kind: 'comment', status: 'open', locked: false, createdAt: '2026-05-02T10:00:00Z', author,
  anchor: { start: '', end: '', quote: 'Glasfaser', state: 'attached' }, posts: posts.map(post), ...(morePosts ? { morePosts } : {}),
});

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

const LIST = '/api/documents/koalitionsvertrag/annotations';

describe('paged annotation list', () => {
  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
  });
  afterEach(() => {
    setMe(GUEST);
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('follows next until the last page', async () => {
    const pages: Record<string, unknown> = {
      [LIST]: { threads: [thread('t1', ['p1'])], next: 'c1' },
      [`${LIST}?cursor=c1`]: { threads: [thread('t2', ['p2'])], next: 'c+2/=' },
      [`${LIST}?cursor=${encodeURIComponent('c+2/=')}`]: { threads: [thread('t3', ['p3'])] },
    };
    const fetch = vi.fn((url: string) => (url in pages ? respond(pages[url]) : respond({}, 404)));
    vi.stubGlobal('fetch', fetch);
    const threads = await listThreads('koalitionsvertrag');
    expect(threads.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("loads a long thread's posts page by page, following next", async () => {
    setMe({ role: 'citizen', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    const THREAD = '/api/documents/koalitionsvertrag/threads/t1';
    const pages: Record<string, unknown> = {
      [LIST]: { threads: [thread('t1', ['p1'], true)] },
      [THREAD]: { ...thread('t1', ['p1', 'p2']), next: 'n/1' },
      [`${THREAD}?cursor=${encodeURIComponent('n/1')}`]: { ...thread('t1', ['p3', 'p4']), next: 'n2' },
      [`${THREAD}?cursor=n2`]: thread('t1', ['p5']),
    };
    const fetch = vi.fn((url: string) => (url in pages ? respond(pages[url]) : respond({}, 404)));
    vi.stubGlobal('fetch', fetch);
    const panel: AnnotationsPanel = createAnnotationsPanel('koalitionsvertrag');
    document.body.replaceChildren(panel.actions, panel.section);
    panel.refresh();
    await settle();
    [...panel.section.querySelectorAll('button')].find((b) => b.textContent === 'Alle Beiträge anzeigen')!.click();
    await settle();
    expect([...panel.section.querySelectorAll('[data-post]')].map((p) => (p as HTMLElement).dataset.post)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(fetch.mock.calls.filter((call) => String(call[0]).startsWith(THREAD))).toHaveLength(3);
  });

  it('stops when a server repeats its cursor', async () => {
    const fetch = vi.fn(() => respond({ threads: [thread('t1', ['p1'])], next: 'same' }));
    vi.stubGlobal('fetch', fetch);
    await listThreads('koalitionsvertrag');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('loads all posts of a long thread when asked, and keeps them after a reload', async () => {
    setMe({ role: 'citizen', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    const full = thread('t1', ['p1', 'p2', 'p3']);
    const fetch = vi.fn((url: string) =>
      url.endsWith('/threads/t1') ? respond(full) : url === LIST ? respond({ threads: [thread('t1', ['p1', 'p2'], true)] }) : respond({}, 404),
    );
    vi.stubGlobal('fetch', fetch);
    const panel: AnnotationsPanel = createAnnotationsPanel('koalitionsvertrag');
    document.body.replaceChildren(panel.actions, panel.section);
    panel.refresh();
    await settle();
    const shown = () => [...panel.section.querySelectorAll('[data-post]')].map((p) => (p as HTMLElement).dataset.post);
    expect(shown()).toEqual(['p1', 'p2']);
    const more = [...panel.section.querySelectorAll('button')].find((b) => b.textContent === 'Alle Beiträge anzeigen')!;
    expect(more).toBeDefined();
    more.focus();
    more.click();
    await settle();
    expect(shown()).toEqual(['p1', 'p2', 'p3']);
    expect([...panel.section.querySelectorAll('button')].some((b) => b.textContent === 'Alle Beiträge anzeigen')).toBe(false);
    // the focus stays in the thread (its heading), not lost to the page's start
    expect(document.activeElement?.closest('[data-thread]')?.getAttribute('data-thread')).toBe('t1');
    panel.refresh();
    await settle();
    expect(shown()).toEqual(['p1', 'p2', 'p3']);
    panel.dispose();
  });

  it('words the quota refusals in German and English, not as "wait a moment"', () => {
    const refused = (code: string) => new ApiError(429, 'quota', `urn:pledgepad:problem:${code}`);
    expect(actionErrorMessage(refused('quota-open-threads'))).toMatch(/^Sie haben in diesem Dokument schon viele offene Kommentare/);
    expect(actionErrorMessage(refused('quota-thread-posts'))).toMatch(/^Sie haben in dieser Diskussion schon sehr viele Beiträge/);
    expect(actionErrorMessage(refused('quota-pending'))).toMatch(/^Viele Ihrer Beiträge warten noch auf die Moderation/);
    expect(actionErrorMessage(new ApiError(429, 'slow down'))).toBe('Bitte kurz warten, bevor Sie erneut schreiben.');
    setLanguage('en');
    expect(actionErrorMessage(refused('quota-pending'))).toMatch(/^Many of your posts are still waiting for moderation/);
    expect(actionErrorMessage(refused('quota-open-threads'))).toMatch(/^You already have many open comments/);
  });
});
