// @vitest-environment happy-dom
// The comparison and the history count against a per-client limit: beyond it the server answers
// 429 with Retry-After. A page's read waits that long and asks again (a bounded number of times),
// saying so in a live region meanwhile; a write is not repeated, keeps what was typed and says
// when to try again. The server is a stubbed fetch (test-only); the waits run on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_RETRIES, GUEST } from '../src/api';
import { initI18n, setLanguage } from '../src/i18n';
import { setMe } from '../src/session';
import { comparePage } from '../src/views/comparePage';
import { historyPage } from '../src/views/historyPage';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }));
const tooMany = (type: string, retryAfter: string) =>
  json({ type: `urn:pledgepad:problem:${type}`, title: 'Too many requests from this client, try again shortly' }, 429, { 'Retry-After': retryAfter });

const documents = [
  { name: 'spd', title: 'SPD', kind: 'programme', stage: 'consultation', updatedAt: null },
  { name: 'kv', title: 'KV', kind: 'coalition-agreement', stage: 'consultation', updatedAt: null },
];
const pledge = (id: string) => ({ id, title: id, body: `${id} body`, chapter: '', fullText: [] });
const comparison = {
  a: { id: 'spd', title: 'SPD', pledges: [] },
  b: { id: 'kv', title: 'KV', pledges: [] },
  aligned: [],
  onlyInA: [pledge('wlan')],
  onlyInB: [pledge('ris')],
  coverage: { found: 0, total: 1 },
  suggestions: [],
  statuses: { wlan: { status: 'IN_ARBEIT', entry: 0 } },
};
const history = {
  versions: [{ seq: 2, at: '2026-05-02T10:00:00Z', actor: 'Clara' }, { seq: 1, at: '2026-05-01T10:00:00Z', actor: 'Paul' }],
  head: { seq: 2 },
  named: [],
  may: { nameVersion: true, restore: false },
};

/** Lets answered fetches and their parsing run; no wait of the page's own is passed. */
async function settle() {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

describe('a server busy for this client (429 with Retry-After)', () => {
  let main: HTMLElement;
  let view: { dispose(): void } | null;
  /** How the stub answers each route; counts every call per route. */
  let answers: Record<string, () => Promise<Response>>;
  let calls: Record<string, number>;

  beforeEach(() => {
    vi.useFakeTimers();
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    calls = {};
    answers = {
      compare: () => json(comparison),
      history: () => json(history),
      verify: () => json({ ok: true, rowsChecked: 2, headHash: 'ab'.repeat(32) }),
      comments: () => json([]),
      'POST comments': () => json({}, 500),
      'POST versions': () => json({}, 201),
    };
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      const path = String(url).split('?')[0];
      if (path === '/api/documents') return json(documents);
      const route = `${init?.method && init.method !== 'GET' ? `${init.method} ` : ''}${path.slice(path.lastIndexOf('/') + 1)}`;
      calls[route] = (calls[route] ?? 0) + 1;
      return answers[route]?.() ?? json({ title: 'not here' }, 404);
    }));
    main = document.createElement('main');
    document.body.replaceChildren(main);
    view = null;
  });

  // initI18n above starts every test in German again.
  afterEach(() => {
    view?.dispose();
    setMe(GUEST);
    vi.unstubAllGlobals();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  const notice = () => main.querySelector<HTMLElement>('.wait-notice')!;

  it('says that the comparison waits, in a live region, and then shows it', async () => {
    let first = true;
    answers.compare = () => (first ? ((first = false), tooMany('pledges:too-many-requests', '2')) : json(comparison));
    view = comparePage(main);
    await settle();
    expect(notice().getAttribute('role')).toBe('status');
    expect(notice().getAttribute('aria-live')).toBe('polite');
    expect(notice().textContent).toBe('Der Server ist gerade ausgelastet. Neuer Versuch in 2 Sekunden …');
    expect(main.querySelector('.page-compare')!.getAttribute('data-compare-state')).toBeNull(); // no error shown
    setLanguage('en');
    expect(notice().textContent).toBe('The server is busy right now. Trying again in 2 seconds …');
    setLanguage('de');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls.compare).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(calls.compare).toBe(2);
    expect(main.querySelector('.page-compare')!.getAttribute('data-compare-state')).toBe('ready');
    expect(main.querySelector('article[data-pledge="wlan"]')).not.toBeNull();
    expect(notice().textContent).toBe('');
  });

  it(`asks for the comparison ${BUSY_RETRIES} more times at most, then says when to try again`, async () => {
    answers.compare = () => tooMany('pledges:too-many-requests', '2');
    view = comparePage(main);
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
    await settle();
    expect(calls.compare).toBe(1 + BUSY_RETRIES);
    expect(main.querySelector('.page-compare')!.getAttribute('data-compare-state')).toBe('failed');
    expect(main.querySelector('.compare-body [role="alert"]')!.textContent).toBe(
      'Der Vergleich konnte nicht geladen werden (zu viele Anfragen auf einmal; bitte in 2 Sekunden erneut versuchen).',
    );
    expect(notice().textContent).toBe('');
  });

  it('says that the history waits, then shows the versions', async () => {
    let first = true;
    answers.history = () => (first ? ((first = false), tooMany('history-too-many-requests', '2')) : json(history));
    view = historyPage(main, 'koalitionsvertrag');
    await settle();
    expect(notice().textContent).toBe('Der Server ist gerade ausgelastet. Neuer Versuch in 2 Sekunden …');
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(calls.history).toBe(2);
    expect(main.querySelectorAll('ol.versions li')).toHaveLength(2);
    expect(notice().textContent).toBe('');
  });

  it("reads a version's text again after the wait (503: the history's workers are busy)", async () => {
    let first = true;
    answers['2'] = () => (first
      ? ((first = false), json({ title: 'busy' }, 503, { 'Retry-After': '1' }))
      : Promise.resolve(new Response('Der Text von Version 2', { status: 200, headers: { 'Content-Type': 'text/plain' } })));
    view = historyPage(main, 'koalitionsvertrag');
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(calls['2']).toBe(2);
    expect(main.textContent).toContain('Der Text von Version 2');
  });

  it('asks for a diff again after the wait', async () => {
    let first = true;
    answers.diff = () => (first ? ((first = false), tooMany('history-too-many-requests', '1')) : json({ parts: [{ op: 'insert', text: 'neu' }] }));
    view = historyPage(main, 'koalitionsvertrag');
    await settle();
    main.querySelector('form.diff-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(notice().textContent).toBe('Der Server ist gerade ausgelastet. Neuer Versuch in 1 Sekunde …');
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(calls.diff).toBe(2);
    expect(main.querySelector('.diff-text ins')?.textContent).toContain('neu');
    expect(notice().textContent).toBe('');
  });

  it('does not repeat a status comment answered 429: the text stays and the wait is named', async () => {
    answers['POST comments'] = () => tooMany('rate-limited', '6');
    view = comparePage(main);
    await settle();
    const block = main.querySelector<HTMLDetailsElement>('article[data-pledge="wlan"] details.status-comments')!;
    block.open = true;
    block.dispatchEvent(new Event('toggle'));
    const field = block.querySelector('textarea')!;
    field.value = 'Wann kommt der Bescheid?';
    field.dispatchEvent(new Event('input'));
    block.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls['POST comments']).toBe(1);
    expect(block.querySelector('.status-comment-message')!.textContent).toBe('Zu viele Anfragen. Bitte versuchen Sie es in 6 Sekunden erneut.');
    expect(block.querySelector('textarea')!.value).toBe('Wann kommt der Bescheid?');
  });

  it('does not repeat naming a version answered 429: the name stays and the wait is named', async () => {
    answers['POST versions'] = () => tooMany('history-too-many-requests', '2');
    view = historyPage(main, 'koalitionsvertrag');
    await settle();
    const input = main.querySelector<HTMLInputElement>('#version-name')!;
    input.value = 'Nach Ausschuss';
    input.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls['POST versions']).toBe(1);
    expect(main.querySelector('#version-name-error')!.textContent).toBe(
      'Die Fassung konnte nicht benannt werden (zu viele Anfragen auf einmal; bitte in 2 Sekunden erneut versuchen).',
    );
    expect(main.querySelector<HTMLInputElement>('#version-name')!.value).toBe('Nach Ausschuss');
  });
});
