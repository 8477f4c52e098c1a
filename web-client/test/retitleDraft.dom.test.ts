// @vitest-environment happy-dom
// "Titel ändern": a draft's writer sends the new title alone, the heading follows, and a refusal
// is worded in the reader's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/api';
import { initI18n } from '../src/i18n';
import { retitleDraft } from '../src/views/retitleDraft';

function respond(body: unknown, status = 200) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('retitle a draft', () => {
  let sent: { url: string; init: RequestInit }[];
  let answer: () => Promise<Response>;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    document.body.replaceChildren();
    sent = [];
    answer = () => respond({ name: 'antrag-x', title: 'Antrag: Radwege', kind: 'motion', stage: 'draft' });
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit = {}) => {
      sent.push({ url, init });
      return answer();
    }));
    setCsrfToken('c');
  });

  afterEach(() => vi.unstubAllGlobals());

  it('is hidden until offered, sends only the title and reports it', async () => {
    let title = 'Antrag: Radwgee';
    const control = retitleDraft('antrag-x', () => title, (next) => (title = next));
    document.body.append(control.element);
    expect(control.element.hidden).toBe(true);
    control.setShown(true);
    control.element.querySelector<HTMLButtonElement>('.retitle-toggle')!.click();
    const input = control.element.querySelector<HTMLInputElement>('#retitle-input')!;
    expect(input.value).toBe('Antrag: Radwgee');
    expect(document.activeElement).toBe(input);
    input.value = ' Antrag: Radwege ';
    control.element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/documents/antrag-x');
    expect(sent[0].init.method).toBe('PATCH');
    expect(JSON.parse(String(sent[0].init.body))).toEqual({ title: 'Antrag: Radwege' });
    expect(title).toBe('Antrag: Radwege');
    expect(control.element.querySelector<HTMLFormElement>('form')!.hidden).toBe(true);
  });

  it('refuses an empty title itself and words the server’s refusal', async () => {
    const control = retitleDraft('antrag-x', () => 'Alt', () => undefined);
    document.body.append(control.element);
    control.setShown(true);
    control.element.querySelector<HTMLButtonElement>('.retitle-toggle')!.click();
    const input = control.element.querySelector<HTMLInputElement>('#retitle-input')!;
    const form = control.element.querySelector('form')!;
    input.value = '  ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(sent).toHaveLength(0);
    expect(control.element.querySelector('#retitle-error')!.textContent).toBe('Bitte geben Sie dem Dokument einen Titel.');
    answer = () => respond({ type: 'urn:pledgepad:problem:forbidden', title: 'Not allowed', status: 403 }, 403);
    input.value = 'Neu';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(control.element.querySelector('#retitle-error')!.textContent).toBe('Das dürfen Sie nicht.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});
