// @vitest-environment happy-dom
// The sign-in dialog offers "Mit Dienstkonto anmelden" only when the server says OIDC is on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translateTree } from '../src/dom';
import { initI18n, setLanguage } from '../src/i18n';
import { parseSignInOptions, resetSignInOptions } from '../src/signInOptions';
import { createSignInDialog } from '../src/views/signInDialog';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

function organisationLink(dialog: HTMLDialogElement): HTMLAnchorElement {
  const link = dialog.querySelector<HTMLAnchorElement>('.sign-in-organisation a');
  if (link === null) throw new Error('no organisation link');
  return link;
}

describe('sign-in dialog', () => {
  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    resetSignInOptions();
    // happy-dom's <dialog> may lack showModal; the dialog only needs it to exist.
    if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
      HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
        this.setAttribute('open', '');
      };
    }
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
    setLanguage('de');
  });

  it('offers the organisation account when OIDC is enabled, returning to the current page', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond({ oidc: { enabled: true, loginUrl: '/api/auth/oidc/login' } })));
    window.history.replaceState(null, '', '/documents/koalitionsvertrag-2021');
    const dialog = createSignInDialog(() => {});
    document.body.append(dialog.element);
    dialog.open(null);
    await settle();
    const link = organisationLink(dialog.element);
    expect(link.closest('p')?.hidden).toBe(false);
    expect(link.textContent).toBe('Mit Dienstkonto anmelden');
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2Fdocuments%2Fkoalitionsvertrag-2021');
    setLanguage('en');
    translateTree(dialog.element);
    expect(link.textContent).toBe('Sign in with organisation account');
  });

  it('hides it when OIDC is off or the server does not answer', async () => {
    for (const answer of [() => respond({ oidc: { enabled: false, loginUrl: '/api/auth/oidc/login' } }), () => respond({ type: 'x' }, 404)]) {
      resetSignInOptions();
      vi.stubGlobal('fetch', vi.fn(answer));
      const dialog = createSignInDialog(() => {});
      document.body.append(dialog.element);
      dialog.open(null);
      await settle();
      expect(organisationLink(dialog.element).closest('p')?.hidden).toBe(true);
    }
  });

  it('accepts only same-origin login paths from the server', () => {
    expect(parseSignInOptions({ oidc: { enabled: true, loginUrl: 'https://evil.example/login' } }).oidcLoginUrl).toBeNull();
    expect(parseSignInOptions({ oidc: { enabled: true, loginUrl: '//evil.example/api/auth/x' } }).oidcLoginUrl).toBeNull();
    expect(parseSignInOptions({ oidc: { enabled: 'yes', loginUrl: '/api/auth/oidc/login' } }).oidcLoginUrl).toBeNull();
    expect(parseSignInOptions(null).oidcLoginUrl).toBeNull();
  });
});
