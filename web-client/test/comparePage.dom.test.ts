// @vitest-environment happy-dom
// The comparison page after "Verknüpfen" and "Verknüpfung lösen": the redraw replaces the pressed
// button, so the focus must go to the same pair's new control (WCAG 2.4.3), not to the page's
// start. The server is a stubbed fetch (test-only) that moves the pair between the two lists.
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

describe('comparison page focus', () => {
  let linked: boolean;
  beforeEach(() => {
    linked = false;
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'POST' && url.endsWith('/comments')) return respond({}, 500);
      if (init?.method === 'POST') {
        linked = true;
        return respond({ id: 'link-9' }, 201);
      }
      if (init?.method === 'DELETE') {
        linked = false;
        return respond(null, 204);
      }
      if (url === '/api/documents') return respond(documents);
      if (url.endsWith('/comments')) return respond([]);
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
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('shows every score with two decimals, so 0.4 does not read as less precise than 0.47', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    const view = comparePage(main);
    try {
      await settle();
      expect(main.textContent).toContain('(Wert 0,40)');
    } finally {
      view.dispose();
    }
  });

  it('moves the focus to "Verknüpfung lösen" of the pair after linking and back to "Verknüpfen" after unlinking', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    const view = comparePage(main);
    try {
      await settle();
      const linkButton = main.querySelector<HTMLButtonElement>('button[aria-label="Verknüpfen: ris"]')!;
      linkButton.focus();
      linkButton.click();
      await settle();
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Verknüpfung lösen: glasfaser – ris');
      (document.activeElement as HTMLElement).click();
      await settle();
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Verknüpfen: ris');
    } finally {
      view.dispose();
    }
  });

  // The page redraws on one's own link or unlink, on a language switch, and when the reader asks
  // for others' changes (comparePageChanges.dom.test.ts); each redraw rebuilds every pledge with
  // its status comment form.
  describe('status comments across a redraw', () => {
    let main: HTMLElement;
    let view: { dispose(): void };
    beforeEach(async () => {
      main = document.createElement('main');
      document.body.append(main);
      view = comparePage(main);
      await settle();
    });
    afterEach(() => {
      setLanguage('de');
      view.dispose();
    });

    /** The status comment block under the programme pledge "wlan", as drawn now. */
    const block = () => main.querySelector<HTMLDetailsElement>('article[data-pledge="wlan"] details.status-comments')!;
    /** Opens the block and types into its field, as a reader does (toggle and input events). */
    function typeComment(text: string): HTMLTextAreaElement {
      block().open = true;
      block().dispatchEvent(new Event('toggle'));
      const field = block().querySelector('textarea')!;
      field.focus();
      field.value = text;
      field.dispatchEvent(new Event('input'));
      return field;
    }
    async function linkElsewhere() {
      main.querySelector<HTMLButtonElement>('button[aria-label="Verknüpfen: ris"]')!.click();
      await settle();
      expect(main.querySelector('button[aria-label="Verknüpfung lösen: glasfaser – ris"]')).not.toBeNull(); // the page was redrawn
    }

    it('keeps the text being typed, and the open block, when a link elsewhere redraws the page', async () => {
      const field = typeComment('Der Ausbau hängt am Förderbescheid.');
      await linkElsewhere();
      expect(block().querySelector('textarea')).not.toBe(field);
      expect(block().querySelector('textarea')!.value).toBe('Der Ausbau hängt am Förderbescheid.');
      expect(block().open).toBe(true);
    });

    it('keeps why a comment was not saved when a link elsewhere redraws the page', async () => {
      typeComment('Wann kommt der Bescheid?');
      block().querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
      const failed = 'Der Kommentar wurde nicht gespeichert (Fehler 500 des Servers).';
      expect(block().querySelector('.status-comment-message')!.textContent).toBe(failed);
      await linkElsewhere();
      expect(block().querySelector('.status-comment-message')!.textContent).toBe(failed);
      expect(block().querySelector('textarea')!.value).toBe('Wann kommt der Bescheid?');
    });

    it('gives the focus back to the field being typed in after a language switch', async () => {
      typeComment('Noch offen');
      setLanguage('en');
      await settle();
      expect(block().querySelector('textarea')!.value).toBe('Noch offen');
      expect(document.activeElement).toBe(block().querySelector('textarea'));
    });
  });
});
