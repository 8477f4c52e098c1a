// @vitest-environment happy-dom
// Comments on a pledge's status entry, rendered into a DOM and fed by a stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n } from '../src/i18n';
import { setMe } from '../src/session';
import { statusComments } from '../src/views/statusComments';

const thread = {
  id: 't1', kind: 'comment', status: 'open', locked: false, createdAt: '2026-05-02T10:00:00Z', target: 'pledge-status/glasfaser-abc/0',
  author: { name: 'Clara', pseudonym: false, you: false },
  posts: [
    { id: 'p1', author: { name: '<b>Clara</b>', pseudonym: false, you: false }, createdAt: '2026-05-02T10:00:00Z', state: 'visible', html: '<p>Die Ausschreibung ist <strong>gestoppt</strong>.</p>' },
    { id: 'p2', author: { name: 'Paul', pseudonym: false, you: false }, createdAt: '2026-05-02T11:00:00Z', state: 'hidden', html: '<p>ausgeblendet</p>' },
  ],
};

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

const entry = { document: 'koalitionsvertrag', pledgeId: 'glasfaser-abc', entry: 0 };

describe('status comments', () => {
  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    document.body.replaceChildren();
  });

  afterEach(() => {
    setMe(GUEST);
    vi.unstubAllGlobals();
  });

  it('shows the count in the summary, the posts with names as text, and asks guests to sign in', async () => {
    const fetch = vi.fn(() => respond({ threads: [thread] }));
    vi.stubGlobal('fetch', fetch);
    const details = statusComments(entry, new AbortController().signal);
    document.body.append(details);
    await settle();
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toContain('/api/documents/koalitionsvertrag/pledges/glasfaser-abc/status/0/comments');
    expect(details.querySelector('summary')?.textContent).toBe('Kommentare (2)');
    const items = details.querySelectorAll('li.post');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('strong')?.textContent).toBe('gestoppt');
    expect(items[0].querySelector('.post-meta')?.textContent).toContain('<b>Clara</b>');
    expect(items[1].querySelector('.post-state')?.textContent).toBe('ausgeblendet');
    expect(details.querySelector('form')).toBeNull();
    expect(details.textContent).toContain('Melden Sie sich an');
  });

  it('follows next through the pages of comments and loads a thread with more posts whole', async () => {
    const LIST = '/api/documents/koalitionsvertrag/pledges/glasfaser-abc/status/0/comments';
    const one = (id: string, posts: string[], more = false) => ({
      ...thread, id, posts: posts.map((p) => ({ ...thread.posts[0], id: p })), ...(more ? { morePosts: true } : {}),
    });
    const pages: Record<string, unknown> = {
      [LIST]: { threads: [one('t1', ['a1'])], next: 'c1' },
      [`${LIST}?cursor=c1`]: { threads: [one('t2', ['b1'], true)] },
      ['/api/documents/koalitionsvertrag/threads/t2']: one('t2', ['b1', 'b2']),
    };
    const fetch = vi.fn((url: string) => (url in pages ? respond(pages[url]) : respond({}, 404)));
    vi.stubGlobal('fetch', fetch);
    const details = statusComments(entry, new AbortController().signal);
    document.body.append(details);
    await settle();
    expect([...details.querySelectorAll('li.post')].map((p) => (p as HTMLElement).dataset.post)).toEqual(['a1', 'b1', 'b2']);
    expect(details.querySelector('summary')?.textContent).toBe('Kommentare (3)');
  });

  it('lets a signed-in citizen send a labelled comment and reloads the thread', async () => {
    setMe({ role: 'citizen', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? respond({ ...thread, posts: [thread.posts[0]] }, 201) : respond({ threads: [] }));
    vi.stubGlobal('fetch', fetch);
    const details = statusComments(entry, new AbortController().signal);
    document.body.append(details);
    await settle();
    expect(details.querySelector('summary')?.textContent).toBe('Kommentare (0)');
    const field = details.querySelector('textarea') as HTMLTextAreaElement;
    expect(details.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Ihr Kommentar zu diesem Stand');
    field.value = 'Quelle?';
    details.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const post = fetch.mock.calls.find((call) => (call[1] as RequestInit | undefined)?.method === 'POST');
    expect(JSON.parse(String((post?.[1] as RequestInit).body))).toEqual({ body: 'Quelle?' });
    expect(field.value).toBe('');
    expect(details.querySelector('[role="status"]')?.textContent).toBe('Kommentar gesendet.');
  });

  it('sends a status comment once although the form is submitted twice while the request runs', async () => {
    setMe({ role: 'citizen', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    const fetch = vi.fn((_url: string, init?: RequestInit) => (init?.method === 'POST' ? new Promise(() => undefined) : respond({ threads: [] })));
    vi.stubGlobal('fetch', fetch);
    const details = statusComments(entry, new AbortController().signal);
    document.body.append(details);
    await settle();
    (details.querySelector('textarea') as HTMLTextAreaElement).value = 'Quelle?';
    details.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    details.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(fetch.mock.calls.filter((call) => (call[1] as RequestInit | undefined)?.method === 'POST')).toHaveLength(1);
    expect(details.querySelector('button[type="submit"]')?.getAttribute('aria-disabled')).toBe('true');
  });
});
