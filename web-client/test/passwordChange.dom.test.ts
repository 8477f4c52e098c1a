// @vitest-environment happy-dom
// A session on a one-time password: the whole client (main.ts) shows the change page at any
// address, says what is wrong in German in a role="alert" region, and after the change shows the
// page of that address.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../src/i18n';
import { checkPasswordFields } from '../src/passwordChange';

function respond(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return Promise.resolve(new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } }));
}

async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

const user = { id: 'demo-citizen', login: 'demo-citizen', displayName: 'Kim B.', pseudonym: true };
let flagged = true;
const changes: unknown[] = [];
let answers: Array<() => Promise<Response>> = [];

function fill(current: string, next: string, repeat: string) {
  (document.getElementById('password-current') as HTMLInputElement).value = current;
  (document.getElementById('password-new') as HTMLInputElement).value = next;
  (document.getElementById('password-repeat') as HTMLInputElement).value = repeat;
  document.querySelector('form.password-change-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
}

function alertText(): string {
  return document.getElementById('password-change-error')!.textContent ?? '';
}

describe('password change after a one-time password', () => {
  beforeAll(async () => {
    if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
      HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
        this.setAttribute('open', '');
      };
    }
    document.body.innerHTML = '<div id="app"></div>';
    window.history.replaceState(null, '', '/meine-daten');
    vi.stubGlobal('fetch', vi.fn((path: string, init?: RequestInit) => {
      if (path === '/api/me') return respond({ role: 'citizen', user, csrfToken: 'c', mustChangePassword: flagged });
      if (path === '/api/session/password') {
        changes.push(JSON.parse(String(init?.body)));
        return answers.shift()!();
      }
      if (path === '/api/auth/config') return respond({ oidc: { enabled: false, loginUrl: '/api/auth/oidc/login' } });
      return respond({ type: 'urn:pledgepad:problem:not-found', title: 'No such resource' }, 404);
    }));
    await import('../src/main');
    await settle();
  });

  afterAll(() => {
    vi.unstubAllGlobals();
    setLanguage('de');
  });

  it('is shown instead of the page asked for, in German, with the focus on its heading', () => {
    const heading = document.querySelector('h1');
    expect(heading?.textContent).toBe('Eigenes Passwort festlegen');
    expect(document.activeElement).toBe(heading);
    expect(document.querySelector('label[for="password-current"]')?.textContent).toBe('Einmalpasswort (aktuelles Passwort)');
    expect(document.querySelector('label[for="password-new"]')?.textContent).toBe('Neues Passwort');
    expect(document.querySelector('label[for="password-repeat"]')?.textContent).toBe('Neues Passwort wiederholen');
    expect(document.getElementById('password-new')?.getAttribute('autocomplete')).toBe('new-password');
    expect(document.getElementById('password-change-error')?.getAttribute('role')).toBe('alert');
    expect(document.title).toBe('Eigenes Passwort festlegen – Pledgepad');
  });

  it('says what is wrong before sending, on the field concerned', () => {
    fill('einmal-pass-wort', 'ein neues Passwort', 'ein anderes Passwort');
    expect(alertText()).toBe('Die beiden neuen Passwörter stimmen nicht überein.');
    const repeat = document.getElementById('password-repeat')!;
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(repeat.getAttribute('aria-describedby')).toContain('password-change-error');
    expect(document.activeElement).toBe(repeat);
    expect(changes).toHaveLength(0);
  });

  it("announces the server's refusal in the reader's language", async () => {
    answers.push(() => respond({ type: 'urn:pledgepad:problem:invalid-credentials', title: 'Wrong current password' }, 403));
    fill('falsch-falsch-falsch', 'ein neues Passwort', 'ein neues Passwort');
    await settle();
    expect(alertText()).toBe('Das aktuelle Passwort stimmt nicht.');
    expect(document.activeElement?.id).toBe('password-current');
    setLanguage('en');
    expect(alertText()).toBe('The current password is wrong.');
    setLanguage('de');
    expect(document.querySelector('h1')?.textContent).toBe('Eigenes Passwort festlegen');
  });

  it('says why the server found the new password easy to guess, on the new password field', async () => {
    answers.push(() => respond({ type: 'urn:pledgepad:problem:password-too-guessable', title: 'The new password is easy to guess', reason: 'keyboard' }, 400));
    fill('das-einmalpasswort', 'qwertzuiopü+', 'qwertzuiopü+');
    await settle();
    expect(alertText()).toBe('Dieses Passwort ist zu leicht zu erraten. Tastaturmuster wie „qwertz“ oder „asdf“ sind leicht zu erraten.');
    expect(document.activeElement?.id).toBe('password-new');
    setLanguage('en');
    expect(alertText()).toBe('This password is too easy to guess. Keyboard patterns such as “qwerty” or “asdf” are easy to guess.');
    setLanguage('de');
    // A reason this client does not know yet still gets the general sentence, never the too-short one.
    answers.push(() => respond({ type: 'urn:pledgepad:problem:password-too-guessable', title: 'The new password is easy to guess', reason: 'toString' }, 400));
    fill('das-einmalpasswort', 'ein anderes Passwort', 'ein anderes Passwort');
    await settle();
    expect(alertText()).toBe('Dieses Passwort ist zu leicht zu erraten.');
  });

  it('after the change shows the page that was asked for and says so', async () => {
    answers.push(() => {
      flagged = false;
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    fill('einmal-pass-wort', 'ein neues Passwort', 'ein neues Passwort');
    await settle();
    expect(changes.at(-1)).toEqual({ oldPassword: 'einmal-pass-wort', newPassword: 'ein neues Passwort' });
    expect(document.querySelector('h1')?.textContent).toBe('Meine Daten');
    expect(window.location.pathname).toBe('/meine-daten');
    expect(document.querySelector('.account [role="status"]')?.textContent).toBe('Ihr neues Passwort ist gespeichert.');
  });
});

describe('new password rules', () => {
  it('follow the server: 12 to 1024 characters, repeated, not the current one', () => {
    expect(checkPasswordFields('alt', '', '')?.field).toBe('new');
    expect(checkPasswordFields('alt', 'kurz', 'kurz')?.field).toBe('new');
    expect(checkPasswordFields('alt', 'x'.repeat(1025), 'x'.repeat(1025))?.field).toBe('new');
    expect(checkPasswordFields('einmal-pass-wort', 'einmal-pass-wort', 'einmal-pass-wort')?.field).toBe('new');
    expect(checkPasswordFields('alt', 'zwölf Zeichen', 'zwölf Zeichen')).toBeNull();
  });
});
