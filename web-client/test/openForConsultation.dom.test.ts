// @vitest-environment happy-dom
// "Zur Beteiligung freigeben": asks first (only an admin can take it back), sends the stage change
// alone, says it happened where the focus lands, and says why when the server refuses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/api';
import { translateTree } from '../src/dom';
import { initI18n, setLanguage } from '../src/i18n';
import { openForConsultation } from '../src/views/openForConsultation';

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

function dialogButton(text: string): HTMLButtonElement {
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return [...dialog.querySelectorAll('button')].find((b) => b.textContent === text)!;
}

describe('open a draft for consultation', () => {
  let sent: { url: string; init: RequestInit }[];
  let status: number;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    document.body.replaceChildren();
    sent = [];
    status = 200;
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit = {}) => {
      sent.push({ url, init });
      return Promise.resolve(status === 200
        ? new Response(JSON.stringify({ name: 'antrag-x', title: 'Antrag', kind: 'motion', stage: 'consultation' }), { status, headers: { 'Content-Type': 'application/json' } })
        : new Response(JSON.stringify({ type: 'urn:pledgepad:problem:forbidden', title: 'Not allowed', status }), { status, headers: { 'Content-Type': 'application/problem+json' } }));
    }));
    setCsrfToken('c');
  });

  afterEach(() => vi.unstubAllGlobals());

  it('asks, sends the stage alone and says it is done', async () => {
    const onOpened = vi.fn();
    const control = openForConsultation('antrag-x', onOpened);
    document.body.append(control.element);
    const button = control.element.querySelector<HTMLButtonElement>('.open-consultation')!;
    expect(button.closest<HTMLElement>('[hidden]')).not.toBeNull(); // not offered until told
    control.setShown(true);
    button.click();
    await settle();
    expect(document.querySelector('dialog')!.textContent).toContain('In den Entwurf zurücksetzen kann ihn nur die Verwaltung.');
    dialogButton('Abbrechen').click();
    await settle();
    expect(sent).toHaveLength(0); // nothing without the confirmation
    button.click();
    await settle();
    dialogButton('Freigeben').click();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/documents/antrag-x');
    expect(sent[0].init.method).toBe('PATCH');
    expect(JSON.parse(String(sent[0].init.body))).toEqual({ stage: 'consultation' });
    expect(onOpened).toHaveBeenCalledOnce();
    control.setShown(false); // the page hides the offer once the stage changed
    const done = control.element.querySelector<HTMLElement>('[role=status]')!;
    expect(done.hidden).toBe(false);
    expect(done.textContent).toBe('Der Entwurf ist jetzt zur Beteiligung freigegeben.');
    expect(document.activeElement).toBe(done);
  });

  it('stays a draft and says why when the server refuses', async () => {
    status = 403;
    const onOpened = vi.fn();
    const control = openForConsultation('antrag-x', onOpened);
    document.body.append(control.element);
    control.setShown(true);
    control.element.querySelector<HTMLButtonElement>('.open-consultation')!.click();
    await settle();
    dialogButton('Freigeben').click();
    await settle();
    expect(onOpened).not.toHaveBeenCalled();
    expect(control.element.querySelector('[role=alert]')!.textContent).not.toBe('');
    expect(control.element.querySelector<HTMLElement>('[role=status]')!.hidden).toBe(true);
  });

  it('follows the language switch', () => {
    const control = openForConsultation('antrag-x', () => undefined);
    document.body.append(control.element);
    setLanguage('en');
    translateTree(document.body); // as the app does on a switch
    expect(control.element.querySelector('.open-consultation')!.textContent).toBe('Open for consultation');
    expect(control.element.querySelector('[role=status]')!.textContent).toBe('The draft is now open for consultation.');
  });
});
