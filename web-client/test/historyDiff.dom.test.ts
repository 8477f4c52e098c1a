// @vitest-environment happy-dom
// The diff on the history page: the diff itself is not a live region (a long one would be read
// out in full); a short status line says how many passages changed. Stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../src/i18n';
import { changedPassages } from '../src/history';
import { historyPage } from '../src/views/historyPage';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

const history = { versions: [{ seq: 2, at: '2026-05-02T10:00:00Z', actor: 'Clara' }, { seq: 1, at: '2026-05-01T10:00:00Z', actor: 'Paul' }] };
const long = 'Die Stadt baut Radwege. '.repeat(400);
const diff = { changes: [{ kind: 'equal', text: long }, { kind: 'delete', text: 'alte' }, { kind: 'insert', text: 'neue' }, { kind: 'equal', text: ' Schulen ' }, { kind: 'insert', text: 'und Kitas' }] };

describe('history diff', () => {
  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      const path = String(url);
      if (path.endsWith('/history')) return respond(history);
      if (path.includes('/diff?')) return respond(diff);
      return respond({ error: 'not here' }, 404);
    }));
  });

  afterEach(() => vi.unstubAllGlobals());

  it('counts neighbouring insertions and deletions as one passage', () => {
    expect(changedPassages([{ kind: 'equal', text: 'a', author: null }, { kind: 'delete', text: 'b', author: null }, { kind: 'insert', text: 'c', author: null }, { kind: 'equal', text: 'd', author: null }, { kind: 'insert', text: 'e', author: null }])).toBe(2);
    expect(changedPassages([{ kind: 'equal', text: 'a', author: null }])).toBe(0);
  });

  it('announces a short status line, not the diff', async () => {
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const view = historyPage(main, 'koalitionsvertrag');
    await settle();
    const form = main.querySelector<HTMLFormElement>('form.diff-form')!;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const section = main.querySelector<HTMLElement>('section.diff')!;
    expect(section.querySelector('.diff-text')?.textContent).toContain('Radwege');
    // Nothing that holds the diff text may be live.
    const live = [...main.querySelectorAll<HTMLElement>('[aria-live], [role="status"], [role="alert"], [role="log"]')].filter((el) => el.getAttribute('aria-live') !== 'off');
    for (const region of live) expect(region.textContent!.length).toBeLessThan(300);
    const announced = live.map((el) => el.textContent).find((text) => text?.includes('verglichen'));
    expect(announced).toBe('Version 1 mit 2 verglichen: 2 Stellen geändert (13 Zeichen eingefügt, 4 gelöscht).');
    view.dispose();
  });
});
