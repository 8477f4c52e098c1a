// @vitest-environment happy-dom
// The moderation page redraws a document's queue after every live event and every own action: a
// reason being written for another entry, and the message of a failed action, must survive that.
// The server is a stubbed fetch and the live connection a stub (both test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n } from '../src/i18n';
import { setMe } from '../src/session';
import { moderationPage } from '../src/views/moderationPage';

// The page's live connection, replaced: the test sends the annotation events itself.
const live = vi.hoisted(() => ({ onEvent: null as ((document: string, event: { type: string }) => void) | null }));
vi.mock('../src/moderationLive', () => ({
  watchModeration: (_names: string[], listener: (document: string, event: { type: string }) => void) => {
    live.onEvent = listener;
    return { dispose: () => undefined };
  },
}));

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

const report = { report: { id: 'r1', reason: 'Werbung' }, post: { id: 'p1', author: 'Paul', body: 'Kauft Uhren' } };
const pending = { id: 'p2', author: 'Eva', body: 'Wann kommt der Radweg?' };
const button = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const entry = (post: string) => document.querySelector<HTMLElement>(`li[data-post="${post}"]`)!;
const reasonOf = (post: string) => entry(post)?.querySelector<HTMLInputElement>('input.reason-input')?.value;

describe('moderation page', () => {
  let queue: Record<string, unknown>;
  let fetch: ReturnType<typeof vi.fn>;
  let view: { dispose(): void };
  beforeEach(async () => {
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'moderator', user: { id: 'm1', login: 'mo', displayName: 'Mo', pseudonym: false }, csrfToken: 'c' });
    queue = { reports: [report], pending: [pending], hidden: [], restored: [] };
    fetch = vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return respond({});
      if (url.endsWith('/api/documents')) return respond([{ name: 'kv', title: 'Koalitionsvertrag', kind: 'coalition-agreement', stage: 'draft' }]);
      return respond(queue);
    });
    vi.stubGlobal('fetch', fetch);
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    view = moderationPage(main);
    await settle();
  });

  afterEach(() => {
    view.dispose();
    setMe(GUEST);
    vi.unstubAllGlobals();
  });

  it('marks the document title of each queue as German (document text, WCAG 3.1.2)', () => {
    const link = [...document.querySelectorAll('h2 a')].find((a) => a.textContent === 'Koalitionsvertrag')!;
    expect(link.getAttribute('lang')).toBe('de');
  });

  it('keeps a hide reason typed for one entry when a live event redraws after the focus left it', async () => {
    const field = entry('p2').querySelector<HTMLInputElement>('input.reason-input')!;
    field.focus();
    field.value = 'Beleidigend';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.blur();
    await settle();
    queue = { ...queue, reports: [report, { report: { id: 'r2', reason: 'Spam' }, post: { id: 'p3', author: 'Tom', body: 'Hallo' } }] };
    live.onEvent!('kv', { type: 'report.created' });
    await new Promise((r) => setTimeout(r, 200));
    await settle();
    expect(entry('p3')).not.toBeNull(); // the event was drawn
    expect(reasonOf('p2')).toBe('Beleidigend');
  });

  it('keeps the reason typed for another entry when an own action redraws', async () => {
    const field = entry('p2').querySelector<HTMLInputElement>('input.reason-input')!;
    field.value = 'Beleidigend';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    queue = { ...queue, reports: [] };
    button(entry('p1'), 'Meldung verwerfen').click();
    await settle();
    expect(entry('p1')).toBeNull();
    expect(reasonOf('p2')).toBe('Beleidigend');
  });

  it('keeps the message of a failed action across a redraw', async () => {
    fetch.mockImplementation((url: string, init?: RequestInit) => (init?.method === 'POST' ? respond({ error: 'kaputt' }, 500) : url.endsWith('/api/documents') ? respond([{ name: 'kv', title: 'Koalitionsvertrag', kind: 'coalition-agreement', stage: 'draft' }]) : respond(queue)));
    button(entry('p2'), 'Freigeben').click();
    await settle();
    expect(entry('p2').querySelector('.action-error')).not.toBeNull();
    queue = { ...queue, reports: [] };
    live.onEvent!('kv', { type: 'report.dismissed' });
    await new Promise((r) => setTimeout(r, 200));
    await settle();
    expect(entry('p1')).toBeNull();
    expect(entry('p2').querySelector('.action-error')).not.toBeNull();
  });
  // WCAG 2.4.3: the approved entry leaves the list in the redraw, and the focus with it.
  it('moves the focus to the next entry of the list after "Freigeben"', async () => {
    const next = { id: 'p3', author: 'Ali', body: 'Und die Busse?' };
    queue = { reports: [], pending: [pending, next], hidden: [], restored: [] };
    live.onEvent!('kv', { type: 'post.created' });
    await new Promise((r) => setTimeout(r, 200));
    await settle();
    const approve = button(entry('p2'), 'Freigeben');
    approve.focus();
    queue = { reports: [], pending: [next], hidden: [], restored: [] };
    approve.click();
    await settle();
    expect(document.querySelector('li[data-post="p2"]')).toBeNull();
    expect(document.activeElement).toBe(entry('p3'));
  });
});
