// @vitest-environment happy-dom
// "Neuer Antrag" on the start page: offered to those who belong to a body, posts the title (and
// the chosen body), opens the new draft, and words a refusal in the reader's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST, setCsrfToken, type Me } from '../src/api';
import { initI18n, setLanguage } from '../src/i18n';
import { setMe } from '../src/session';
import { startPage } from '../src/views/startPage';
import type { View } from '../src/views/view';

const councillor = (bodies: { id: string; name: string }[]): Me => ({
  role: 'councillor',
  user: { id: 'u1', login: 'rat', displayName: 'Rätin', pseudonym: false, bodies },
  csrfToken: 'csrf-1',
});
const fraktion = { id: 'gruen-rot', name: 'Fraktion Grün-Rot' };
const ausschuss = { id: 'ausschuss-digital', name: 'Ausschuss Digitales' };

function respond(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('new motion', () => {
  let main: HTMLElement;
  let view: View | null = null;
  let posted: { url: string; init: RequestInit }[];
  let answer: () => Promise<Response>;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    main = document.createElement('main');
    document.body.replaceChildren(main);
    posted = [];
    answer = () => respond({ name: 'antrag-radwege-k3f9q2', title: 'Antrag: Radwege', kind: 'motion', stage: 'draft', ownerBody: 'gruen-rot' }, 201);
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit = {}) => {
      if ((init.method ?? 'GET') === 'POST') {
        posted.push({ url, init });
        return answer();
      }
      return respond([]);
    }));
    setCsrfToken('csrf-1');
  });

  afterEach(() => {
    view?.dispose();
    setMe(GUEST);
    setLanguage('de');
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('is offered to councillors of a body only, and follows sign-in and sign-out', async () => {
    setMe(GUEST);
    view = startPage(main);
    await settle();
    expect(main.querySelector('.new-document-toggle')).toBeNull();
    setMe(councillor([fraktion]));
    expect(main.querySelector('.new-document-toggle')!.textContent).toBe('Neuer Antrag');
    setMe({ ...councillor([]), role: 'councillor' });
    expect(main.querySelector('.new-document-toggle')).toBeNull();
    setMe({ ...councillor([fraktion]), role: 'citizen' });
    expect(main.querySelector('.new-document-toggle')).toBeNull();
    setMe({ ...councillor([fraktion]), role: 'moderator' });
    expect(main.querySelector('.new-document-toggle')).toBeNull();
  });

  it('opens in place, posts the title and goes to the new draft', async () => {
    setMe(councillor([fraktion]));
    view = startPage(main);
    await settle();
    const toggle = main.querySelector<HTMLButtonElement>('.new-document-toggle')!;
    const form = main.querySelector<HTMLFormElement>('#new-document-form')!;
    expect(form.hidden).toBe(true);
    toggle.click();
    expect(form.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const input = main.querySelector<HTMLInputElement>('#new-document-title')!;
    expect(document.activeElement).toBe(input);
    // One body: no choice, and the hint says who will see the draft.
    expect(main.querySelector('#new-document-body')).toBeNull();
    expect(form.querySelector('.new-document-draft')!.textContent).toContain('„Fraktion Grün-Rot“');

    const popstate = vi.fn();
    window.addEventListener('popstate', popstate);
    input.value = '  Antrag: Radwege  ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    window.removeEventListener('popstate', popstate);
    expect(posted).toHaveLength(1);
    expect(posted[0].url).toBe('/api/documents');
    expect(JSON.parse(String(posted[0].init.body))).toEqual({ title: 'Antrag: Radwege' });
    expect(new Headers(posted[0].init.headers).get('X-CSRF-Token')).toBe('csrf-1');
    expect(location.pathname).toBe('/d/antrag-radwege-k3f9q2');
    expect(popstate).toHaveBeenCalled();
  });

  it('asks which body when the person belongs to several, and sends the choice', async () => {
    setMe(councillor([fraktion, ausschuss]));
    view = startPage(main);
    await settle();
    main.querySelector<HTMLButtonElement>('.new-document-toggle')!.click();
    const select = main.querySelector<HTMLSelectElement>('#new-document-body')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Fraktion Grün-Rot', 'Ausschuss Digitales']);
    select.value = 'ausschuss-digital';
    main.querySelector<HTMLInputElement>('#new-document-title')!.value = 'Digitaler Bauantrag';
    main.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(JSON.parse(String(posted[0].init.body))).toEqual({ title: 'Digitaler Bauantrag', ownerBody: 'ausschuss-digital' });
  });

  it('refuses an empty title without asking the server, and words the server’s refusals', async () => {
    setMe(councillor([fraktion]));
    view = startPage(main);
    await settle();
    main.querySelector<HTMLButtonElement>('.new-document-toggle')!.click();
    const form = main.querySelector<HTMLFormElement>('#new-document-form')!;
    const input = main.querySelector<HTMLInputElement>('#new-document-title')!;
    const error = main.querySelector('#new-document-error')!;
    input.value = '   ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(posted).toHaveLength(0);
    expect(error.textContent).toBe('Bitte geben Sie dem Antrag einen Titel.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('new-document-error');

    answer = () => respond({ type: 'urn:pledgepad:problem:documents:quota', title: 'Too many new documents; try again later', status: 429 }, 429, { 'Retry-After': '1800' });
    input.value = 'Noch einer';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(error.textContent).toContain('so viele Anträge begonnen');
    expect(location.pathname).toBe('/');
    // The button is usable again, and the title is kept for another try.
    expect(main.querySelector('#new-document-form button[type=submit]')!.hasAttribute('aria-disabled')).toBe(false);
    expect(input.value).toBe('Noch einer');

    answer = () => respond({ type: 'urn:pledgepad:problem:forbidden', title: 'Not allowed', status: 403 }, 403);
    setLanguage('en');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(error.textContent).toBe('You are not allowed to do that.');
  });

  it('closes with Escape and Abbrechen, giving the focus back to the button', async () => {
    setMe(councillor([fraktion]));
    view = startPage(main);
    await settle();
    const toggle = main.querySelector<HTMLButtonElement>('.new-document-toggle')!;
    const form = main.querySelector<HTMLFormElement>('#new-document-form')!;
    toggle.click();
    form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(form.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
    toggle.click();
    [...form.querySelectorAll('button')].find((b) => b.textContent === 'Abbrechen')!.click();
    expect(form.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
