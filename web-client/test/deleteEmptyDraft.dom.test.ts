// @vitest-environment happy-dom
// "Leeren Entwurf löschen": asks first, sends DELETE, leaves the page when it went, and says why
// when the draft was written in meanwhile (409).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/api';
import { initI18n } from '../src/i18n';
import { deleteEmptyDraft } from '../src/views/deleteEmptyDraft';

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

function confirmButton(): HTMLButtonElement {
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Entwurf löschen')!;
}

describe('delete an empty draft', () => {
  let sent: { url: string; init: RequestInit }[];
  let status: number;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    document.body.replaceChildren();
    sent = [];
    status = 204;
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit = {}) => {
      sent.push({ url, init });
      return Promise.resolve(status === 204 ? new Response(null, { status: 204 })
        : new Response(JSON.stringify({ type: 'urn:pledgepad:problem:documents:has-history', title: 'Someone has written in this document', status }), { status, headers: { 'Content-Type': 'application/problem+json' } }));
    }));
    setCsrfToken('c');
  });

  afterEach(() => vi.unstubAllGlobals());

  it('asks, deletes and leaves the page', async () => {
    const onDeleted = vi.fn();
    const control = deleteEmptyDraft('antrag-x', onDeleted);
    document.body.append(control.element);
    expect(control.element.hidden).toBe(true);
    control.setShown(true);
    control.element.querySelector<HTMLButtonElement>('.delete-draft')!.click();
    await settle();
    expect(sent).toHaveLength(0); // nothing before the confirmation
    confirmButton().click();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/documents/antrag-x');
    expect(sent[0].init.method).toBe('DELETE');
    expect(onDeleted).toHaveBeenCalledOnce();
  });

  it('stays and says why when someone wrote in it meanwhile', async () => {
    status = 409;
    const onDeleted = vi.fn();
    const control = deleteEmptyDraft('antrag-x', onDeleted);
    document.body.append(control.element);
    control.setShown(true);
    control.element.querySelector<HTMLButtonElement>('.delete-draft')!.click();
    await settle();
    confirmButton().click();
    await settle();
    expect(onDeleted).not.toHaveBeenCalled();
    expect(control.element.querySelector('[role=alert]')!.textContent).toBe('Inzwischen hat jemand darin geschrieben; ein Dokument mit Verlauf bleibt erhalten.');
  });
});
