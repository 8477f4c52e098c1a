// @vitest-environment happy-dom
// Failed actions read as one German (or English) sentence where the action was taken, not as the
// server's English problem text: a 401 on a new comment asks to sign in again and makes the page
// ask /api/me who is signed in now; a 503 on "Verknüpfen" or "Verknüpfung lösen" is shown beside
// the button, not only in a visually hidden region. The server is a stubbed fetch (test-only).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, GUEST } from '../src/api';
import { actionErrorMessage } from '../src/actionErrors';
import { initI18n, setLanguage } from '../src/i18n';
import { me, setMe } from '../src/session';
import { createAnnotationsPanel } from '../src/views/annotationsPanel';
import { comparePage } from '../src/views/comparePage';

function respond(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }));
}

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

const clara = { role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' };
const button = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const meCalls = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.filter((call) => call[0] === '/api/me');

describe('failed actions', () => {
  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe(clara);
  });
  afterEach(() => {
    setMe(GUEST);
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('words 401, 403, 429, 503 and no connection in German and English', () => {
    expect(actionErrorMessage(new ApiError(401, 'Sign in required'))).toBe('Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an.');
    expect(actionErrorMessage(new ApiError(403, 'csrf', 'urn:pledgepad:problem:csrf-token-missing-or-wrong'))).toBe('Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an.');
    expect(actionErrorMessage(new ApiError(403, 'Forbidden', 'urn:pledgepad:problem:forbidden'))).toBe('Das dürfen Sie nicht.');
    expect(actionErrorMessage(new ApiError(429, 'Too many', null, 12))).toBe('Zu viele Anfragen. Bitte versuchen Sie es in 12 Sekunden erneut.');
    expect(actionErrorMessage(new ApiError(503, 'Unavailable'))).toMatch(/^Der Dienst ist vorübergehend nicht erreichbar/);
    expect(actionErrorMessage(new ApiError(0, 'network error'))).toMatch(/^Keine Verbindung zum Server/);
    setLanguage('en');
    expect(actionErrorMessage(new ApiError(401, 'Sign in required'))).toBe('You are no longer signed in. Please sign in again.');
    expect(actionErrorMessage(new ApiError(429, 'Too many', null, 3))).toBe('Too many requests. Please try again in 3 seconds.');
  });

  it('asks to sign in again in German after a 401 on a new comment and refetches /api/me', async () => {
    const thread = { id: 't1', kind: 'comment', status: 'open', locked: false, createdAt: '2026-05-02T10:00:00Z', author: { name: 'Paul', pseudonym: false, you: false }, anchor: { start: '', end: '', quote: 'Glasfaser', state: 'attached' }, posts: [] };
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return respond({ type: 'urn:pledgepad:problem:unauthenticated', title: 'Unauthorized', status: 401, detail: 'Sign in required' }, 401);
      if (url === '/api/me') return respond({ role: 'guest', user: null, csrfToken: 'g' });
      return respond({ threads: [thread] });
    });
    vi.stubGlobal('fetch', fetch);
    const panel = createAnnotationsPanel('koalitionsvertrag');
    document.body.replaceChildren(panel.actions, panel.section);
    const ydoc = new Y.Doc();
    const element = document.createElement('div');
    document.body.append(element);
    const editor = new Editor({ element, extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ document: ydoc }), panel.extension], content: null });
    try {
      editor.commands.setContent('<p>Glasfaser bis 2030 in allen Stadtteilen</p>');
      panel.attach(editor, ydoc, { on: () => undefined } as never);
      panel.refresh();
      await settle();
      editor.commands.setTextSelection({ from: 1, to: 10 });
      button(panel.actions, 'Kommentieren').click();
      const composer = panel.section.querySelector('form.composer')!;
      composer.querySelector('textarea')!.value = 'Bis wann genau?';
      composer.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
      expect(composer.textContent).toContain('Sie sind nicht mehr angemeldet. Bitte melden Sie sich erneut an.');
      expect(composer.textContent).not.toContain('Sign in required');
      expect(meCalls(fetch)).toHaveLength(1);
      expect(me().user).toBeNull();
    } finally {
      panel.dispose();
      editor.destroy();
    }
  });

  const pledge = (id: string) => ({ id, title: id, body: `${id} body`, chapter: '', fullText: [] });
  const comparison = {
    a: { id: 'spd', title: 'SPD Wahlprogramm', kind: 'ELECTION_PROGRAMME', pledges: [] },
    b: { id: 'kv', title: 'Koalitionsvertrag', kind: 'COALITION_AGREEMENT', pledges: [] },
    aligned: [{ a: pledge('open-data'), b: pledge('offene-daten'), link: { id: 'link-1', a: 'open-data', b: 'offene-daten', kind: 'SAME' } }],
    onlyInA: [pledge('glasfaser')],
    onlyInB: [pledge('ris')],
    coverage: { found: 1, total: 2 },
    suggestions: [{ pledgeId: 'glasfaser', candidateId: 'ris', score: 0.4, confidence: 'HOCH', matchedTerms: [] }],
  };

  for (const [label, method] of [['Verknüpfen', 'POST'], ['Verknüpfung lösen', 'DELETE']] as const) {
    it(`shows a 503 on "${label}" beside the button on the comparison page`, async () => {
      const fetch = vi.fn((url: string, init?: RequestInit) => {
        if (init?.method === method) return respond({ type: 'urn:pledgepad:problem:store-unavailable', title: 'Service Unavailable', status: 503, detail: 'store unavailable' }, 503);
        if (url === '/api/documents') {
          return respond([
            { name: 'spd', title: 'SPD', kind: 'programme', stage: 'consultation', updatedAt: null },
            { name: 'kv', title: 'KV', kind: 'coalition-agreement', stage: 'consultation', updatedAt: null },
          ]);
        }
        return respond(comparison);
      });
      vi.stubGlobal('fetch', fetch);
      const main = document.createElement('main');
      document.body.append(main);
      const view = comparePage(main);
      try {
        await settle();
        const pressed = button(main, label);
        pressed.click();
        await settle();
        const alert = pressed.parentElement!.querySelector('[role="alert"]');
        expect(alert?.textContent).toMatch(/^Der Dienst ist vorübergehend nicht erreichbar/);
        expect(alert?.closest('.visually-hidden')).toBeNull();
      } finally {
        view.dispose();
      }
    });
  }
});
