// @vitest-environment happy-dom
// "Konto löschen": pressing "Abbrechen" while DELETE /api/me is out must not hide that the
// server erased the account. Stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n } from '../src/i18n';
import { me, setMe } from '../src/session';
import { myDataPage } from '../src/views/myDataPage';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

const exported = { account: { login: 'demo-citizen', displayName: 'Kim B.', pseudonym: true, role: 'CITIZEN' }, annotations: {}, history: {} };

describe('erasing the account', () => {
  let answerDelete: () => void = () => undefined;
  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'citizen', user: { id: 'u1', login: 'demo-citizen', displayName: 'Kim B.', pseudonym: true }, csrfToken: 'c' });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') return new Promise<Response>((resolve) => (answerDelete = () => resolve(new Response(null, { status: 204 }))));
      if (String(url).endsWith('/api/me/data')) return respond(exported);
      return respond({ role: 'guest', user: null, csrfToken: 'g' });
    }));
  });

  afterEach(() => {
    setMe(GUEST);
    vi.unstubAllGlobals();
  });

  it('shows the erased state although "Abbrechen" and Escape were pressed while the request ran', async () => {
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const view = myDataPage(main);
    await settle();
    main.querySelector<HTMLButtonElement>('.my-data-erase')!.click();
    const dialog = document.querySelector('dialog')!;
    dialog.querySelector<HTMLInputElement>('#erase-password')!.value = 'geheim';
    const buttons = [...dialog.querySelectorAll('button')];
    buttons.find((b) => b.textContent !== 'Abbrechen')!.click();
    await settle();
    buttons.find((b) => b.textContent === 'Abbrechen')!.click();
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    answerDelete();
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
    expect(main.textContent).toContain('Ihr Konto wurde gelöscht');
    expect(me().user).toBeNull();
    view.dispose();
  });
});
