// @vitest-environment happy-dom
// What the client says itself when a load fails — no connection, a status without explanation, an
// answer it cannot read — reaches the page in the reader's language, German first, instead of the
// client's English words ("network error", "HTTP 500", "unexpected history answer"); a server's
// own explanation is kept. The socket's refusal codes ("not-a-member") become sentences too.
// The server is a stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../src/api';
import { closeReasonMessage, deniedReasonMessage, documentCloseCode, errorDetail } from '../src/actionErrors';
import { initI18n, setLanguage } from '../src/i18n';
import { comparePage } from '../src/views/comparePage';
import { historyPage } from '../src/views/historyPage';

function respond(body: string, status = 200) {
  return Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

/** The error a GET fails with when fetch behaves as given. */
async function failureOf(fetch: () => Promise<Response>): Promise<unknown> {
  vi.stubGlobal('fetch', vi.fn(fetch));
  return getJson('/api/x').then(
    () => expect.fail('the request should fail'),
    (error: unknown) => error,
  );
}

describe('network error texts', () => {
  beforeEach(() => initI18n({ storage: null, documentElement: document.documentElement }));
  afterEach(() => {
    setLanguage('de');
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('words what the client itself found in German and English, and keeps the server’s explanation', async () => {
    const offline = await failureOf(() => Promise.reject(new TypeError('Failed to fetch')));
    const bare = await failureOf(() => respond('', 500));
    const explained = await failureOf(() => respond(JSON.stringify({ type: 'urn:pledgepad:problem:conflict', title: 'Conflict', detail: 'Name schon vergeben' }), 409));
    const unreadable = await failureOf(() => respond('<html>', 200));
    expect([offline, bare, explained, unreadable].map(errorDetail)).toEqual(['keine Verbindung zum Server', 'Fehler 500 des Servers', 'Name schon vergeben', 'die Antwort des Servers war nicht lesbar']);
    setLanguage('en');
    expect([offline, bare, unreadable].map(errorDetail)).toEqual(['no connection to the server', 'server error 500', 'the server’s answer could not be read']);
  });

  it('says a failed load of the comparison in the reader’s language, also after a switch', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const main = document.createElement('main');
    document.body.append(main);
    const view = comparePage(main);
    try {
      await settle();
      expect(main.querySelector('[role="alert"]')!.textContent).toBe('Der Vergleich konnte nicht geladen werden (keine Verbindung zum Server).');
      setLanguage('en');
      expect(main.querySelector('[role="alert"]')!.textContent).toBe('The comparison could not be loaded (no connection to the server).');
    } finally {
      view.dispose();
    }
  });

  it('says that a history answer could not be read, not "unexpected history answer"', async () => {
    vi.stubGlobal('fetch', vi.fn((url: string) => (url.endsWith('/history') ? respond('{}') : respond('{}', 404))));
    const main = document.createElement('main');
    document.body.append(main);
    const view = historyPage(main, 'kv');
    try {
      await settle();
      expect(main.querySelector('.page-history [role="alert"]')!.textContent).toBe('Der Verlauf konnte nicht geladen werden (die Antwort des Servers war nicht lesbar).');
    } finally {
      view.dispose();
    }
  });

  it('tells a close of one document (code 1000, the reason led by the server’s code) from any other close', () => {
    expect(documentCloseCode({ code: 1000, reason: '4422 update does not decode' })).toBe(4422);
    expect(documentCloseCode({ code: 1000, reason: '4413 document size limit reached' })).toBe(4413);
    expect(documentCloseCode({ code: 1000, reason: 'Server closed the connection' })).toBeNull();
    expect(documentCloseCode({ code: 4422, reason: '4422 update does not decode' })).toBeNull();
    expect(documentCloseCode({ code: 1000 })).toBeNull();
    expect(closeReasonMessage(4422, true)).toMatch(/^Der Server hat eine Änderung dieses Fensters abgelehnt.*Laden Sie die Seite neu/);
    expect(closeReasonMessage(4413, true)).toMatch(/Größengrenze.*Laden Sie die Seite neu, um weiterzuarbeiten\.$/);
    expect(closeReasonMessage(4408, true)).toMatch(/^Die Anmeldung für dieses Dokument kam nicht rechtzeitig zustande.*Laden Sie die Seite neu, um weiterzuarbeiten\.$/);
  });

  it('has a sentence for the server’s close codes worth telling, none for a normal close or a lost network', () => {
    expect(closeReasonMessage(1001)).toMatch(/^Der Server wurde beendet oder startet neu/);
    expect(closeReasonMessage(4429)).toMatch(/^Zu viele Nachrichten/);
    expect(closeReasonMessage(4422)).toMatch(/^Der Server hat eine Nachricht dieses Fensters abgelehnt/);
    expect([1000, 1006, 4408].map((code) => closeReasonMessage(code))).toEqual([null, null, null]);
  });

  it('turns the socket’s refusal codes into sentences, naming an unknown code as sent', () => {
    expect(deniedReasonMessage('not-a-member')).toBe('Nur Mitglieder des zuständigen Gremiums haben Zugriff.');
    expect(deniedReasonMessage('document-deleted')).toBe('Das Dokument wurde gelöscht.');
    expect(deniedReasonMessage('credentials-expired')).toBe('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.');
    expect(deniedReasonMessage('authentication failed')).toMatch(/^Ihre Anmeldung konnte gerade nicht geprüft werden/);
    expect(deniedReasonMessage('something-new')).toBe('Angegebener Grund: something-new');
    expect(deniedReasonMessage('toString')).toBe('Angegebener Grund: toString');
    setLanguage('en');
    expect(deniedReasonMessage('forbidden-for-role-in-stage')).toBe('In this stage the document is not open to your role.');
  });
});
