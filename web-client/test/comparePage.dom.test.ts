// @vitest-environment happy-dom
// The comparison page after "Verknüpfen", "Verknüpfung lösen" and a language switch: the redraw
// replaces the pressed button, so the focus must go to the same pair's new control (WCAG 2.4.3),
// not to the page's start, and a comment half-written under a pledge's status must survive it.
// The server is a stubbed fetch (test-only) that moves the pair between the two lists.
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

/** Opens the page in a fresh <main>, runs `steps` once it has loaded, and closes it. */
async function onPage(steps: (main: HTMLElement) => Promise<void>): Promise<void> {
  const main = document.createElement('main');
  document.body.append(main);
  const view = comparePage(main);
  try {
    await settle();
    await steps(main);
  } finally {
    view.dispose();
  }
}

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
      if (init?.method === 'DELETE') {
        linked = false;
        return respond(null, 204);
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

  it('moves the focus to "Verknüpfung lösen" of the pair after linking and back to "Verknüpfen" after unlinking', () =>
    onPage(async (main) => {
      const linkButton = main.querySelector<HTMLButtonElement>('button[aria-label="Verknüpfen: ris"]')!;
      linkButton.focus();
      linkButton.click();
      await settle();
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Verknüpfung lösen: glasfaser – ris');
      (document.activeElement as HTMLElement).click();
      await settle();
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Verknüpfen: ris');
    }));

  it('keeps a half-written status comment when linking another pair redraws the page', () =>
    onPage(async (main) => {
      commentField(main, 'wlan').value = 'Der Ausbau hat begonnen, aber';
      main.querySelector<HTMLButtonElement>('button[aria-label="Verknüpfen: ris"]')!.click();
      await settle();
      expect(main.querySelector('[aria-label="Verknüpfung lösen: glasfaser – ris"]')).not.toBeNull();
      expect(commentField(main, 'wlan').value).toBe('Der Ausbau hat begonnen, aber');
    }));

  it('keeps a half-written status comment across a language switch', () =>
    onPage(async (main) => {
      commentField(main, 'wlan').value = 'Noch offen';
      setLanguage('en');
      await settle();
      // The cards were drawn again, in English.
      expect(main.querySelector('button[aria-label="Link: ris"]')).not.toBeNull();
      expect(commentField(main, 'wlan').value).toBe('Noch offen');
    }));
});
