// @vitest-environment happy-dom
// "Abmelden" that fails: the person is still signed in, and the header says so visibly (German,
// English after a switch) as well as through the polite status region.
import { beforeEach, describe, expect, it } from 'vitest';
import { translateTree } from '../src/dom';
import { initI18n, setLanguage } from '../src/i18n';
import { wireSignOut } from '../src/views/signOut';

async function settle() {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
}

function isShown(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (node.hidden || node.classList.contains('visually-hidden')) return false;
  }
  return true;
}

describe('sign-out', () => {
  let button: HTMLButtonElement;
  let status: HTMLParagraphElement;
  beforeEach(() => {
    initI18n();
    button = document.createElement('button');
    status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.replaceChildren(button, status);
  });

  it('shows a visible message that the person is still signed in when it fails, and announces it', async () => {
    let signedOut = false;
    const { problem } = wireSignOut({ button, status, request: () => Promise.reject(new Error('503')), signedOut: () => (signedOut = true) });
    document.body.append(problem);
    expect(isShown(problem)).toBe(false);
    button.click();
    await settle();
    expect(signedOut).toBe(false);
    expect(isShown(problem)).toBe(true);
    expect(problem.textContent).toContain('Sie sind weiterhin angemeldet');
    expect(status.textContent).toContain('Sie sind weiterhin angemeldet');
    setLanguage('en');
    translateTree(document);
    expect(problem.textContent).toContain('you are still signed in');
    setLanguage('de');
  });

  it('hides the message once signing out works', async () => {
    let fail = true;
    let signedOut = false;
    const { problem } = wireSignOut({ button, status, request: () => (fail ? Promise.reject(new Error('503')) : Promise.resolve()), signedOut: () => (signedOut = true) });
    document.body.append(problem);
    button.click();
    await settle();
    fail = false;
    button.click();
    await settle();
    expect(signedOut).toBe(true);
    expect(isShown(problem)).toBe(false);
    expect(status.textContent).toBe('Sie sind abgemeldet.');
  });

  it('sends one request at a time', async () => {
    let calls = 0;
    wireSignOut({ button, status, request: () => { calls += 1; return new Promise<void>(() => undefined); }, signedOut: () => undefined });
    button.click();
    button.click();
    await settle();
    expect(calls).toBe(1);
  });
});
