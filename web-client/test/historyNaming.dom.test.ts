// @vitest-environment happy-dom
// Naming a version reloads the history and rebuilds the form the focus was in: the focus must
// land on the new named version's entry (WCAG 2.4.3), not on the page's start. Stubbed fetch
// (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../src/i18n';
import { historyPage } from '../src/views/historyPage';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('naming a version', () => {
  let named: unknown[];
  beforeEach(() => {
    named = [];
    initI18n({ storage: null, documentElement: document.documentElement });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      const path = String(url);
      if (init?.method === 'POST' && path.endsWith('/versions')) {
        named = [{ seq: 2, name: 'Nach Ausschuss', creatorName: 'Clara', time: '2026-05-02T11:00:00Z' }];
        return respond({}, 201);
      }
      if (path.endsWith('/history')) {
        return respond({
          versions: [{ seq: 2, at: '2026-05-02T10:00:00Z', actor: 'Clara' }, { seq: 1, at: '2026-05-01T10:00:00Z', actor: 'Paul' }],
          head: { seq: 2 },
          named,
          may: { nameVersion: true, restore: false },
        });
      }
      return respond({ error: 'not here' }, 404);
    }));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('moves the focus to the named version’s entry after naming', async () => {
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const view = historyPage(main, 'koalitionsvertrag');
    try {
      await settle();
      const input = main.querySelector<HTMLInputElement>('#version-name')!;
      input.value = 'Nach Ausschuss';
      input.focus();
      input.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
      const entry = main.querySelector<HTMLElement>('.named-version[data-seq="2"]');
      expect(entry?.textContent).toContain('Nach Ausschuss');
      expect(document.activeElement).toBe(entry);
    } finally {
      view.dispose();
    }
  });
});
