// @vitest-environment happy-dom
// The comparison page redraws all of its cards after a link, an unlink or a language switch. A
// comment half-written under a pledge's status must survive that redraw (as in the annotations
// sidebar). The server is a stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n, setLanguage } from '../src/i18n';
import { setMe } from '../src/session';
import { comparePage } from '../src/views/comparePage';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

const pledge = (id: string) => ({ id, title: id, body: `${id} body`, chapter: '', fullText: [] });
const documents = [
  { name: 'spd', title: 'SPD', kind: 'programme', stage: 'consultation', updatedAt: null },
  { name: 'kv', title: 'KV', kind: 'coalition-agreement', stage: 'consultation', updatedAt: null },
];

function commentField(main: HTMLElement, pledgeId: string): HTMLTextAreaElement {
  return main.querySelector<HTMLTextAreaElement>(`[data-pledge="${pledgeId}"] .status-comment-form textarea`)!;
}

describe('comparison page redraw', () => {
  let linked: boolean;
  beforeEach(() => {
    linked = false;
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      if (url.includes('/status/')) return respond({ threads: [] });
      if (init?.method === 'POST') {
        linked = true;
        return respond({ id: 'link-9' }, 201);
      }
      if (url === '/api/documents') return respond(documents);
      return respond({
        a: { id: 'spd', title: 'SPD', pledges: [] },
        b: { id: 'kv', title: 'KV', pledges: [] },
        aligned: linked ? [{ a: pledge('glasfaser'), b: pledge('ris'), link: { id: 'link-9', a: 'glasfaser', b: 'ris', kind: 'SAME' } }] : [],
        onlyInA: linked ? [pledge('wlan')] : [pledge('glasfaser'), pledge('wlan')],
        onlyInB: linked ? [] : [pledge('ris')],
        coverage: { found: linked ? 1 : 0, total: 2 },
        suggestions: [{ pledgeId: 'glasfaser', candidateId: 'ris', score: 0.4, confidence: 'HOCH', matchedTerms: [] }],
        statuses: { wlan: { status: 'IN_ARBEIT', entry: 0 } },
      });
    }));
  });

  afterEach(() => {
    setMe(GUEST);
    setLanguage('de');
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('keeps a half-written status comment when linking another pair redraws the page', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    const view = comparePage(main);
    try {
      await settle();
      commentField(main, 'wlan').value = 'Der Ausbau hat begonnen, aber';
      main.querySelector<HTMLButtonElement>('button[aria-label="Verknüpfen: ris"]')!.click();
      await settle();
      expect(main.querySelector('[aria-label="Verknüpfung lösen: glasfaser – ris"]')).not.toBeNull();
      expect(commentField(main, 'wlan').value).toBe('Der Ausbau hat begonnen, aber');
    } finally {
      view.dispose();
    }
  });

  it('keeps a half-written status comment across a language switch', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    const view = comparePage(main);
    try {
      await settle();
      commentField(main, 'wlan').value = 'Noch offen';
      setLanguage('en');
      await settle();
      expect(main.querySelector('h1')?.textContent).not.toBe('');
      expect(commentField(main, 'wlan').value).toBe('Noch offen');
    } finally {
      view.dispose();
    }
  });
});
