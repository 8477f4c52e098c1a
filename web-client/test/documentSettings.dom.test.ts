// @vitest-environment happy-dom
// "Dokument verwalten": an admin reads the settings, changes only what differs, and a refused
// login is named in the reader's language beside the list it came from.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../src/api';
import { parseSettings, peopleLines, peopleProblem, settingsChange, type DocumentSettings } from '../src/documentSettings';
import { initI18n, setLanguage } from '../src/i18n';
import { documentSettingsSection } from '../src/views/documentSettingsForm';

const stored = {
  name: 'antrag-radwege-k3f9q2',
  title: 'Antrag: Radwege',
  kind: 'motion',
  stage: 'draft',
  ownerBody: 'gruen-rot',
  ownerBodyName: 'Fraktion Grün-Rot',
  editors: [{ id: 'u-7', login: 'partnerin', displayName: 'Partnerin' }],
  commenters: [{ id: 'u-9' }],
};

function respond(body: unknown, status = 200) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('document settings, parsed', () => {
  it('reads the settings and shows an unknown account by its id', () => {
    const s = parseSettings(stored);
    expect(s.ownerBodyName).toBe('Fraktion Grün-Rot');
    expect(s.commenters).toEqual([{ id: 'u-9', login: null, displayName: null }]);
    expect(() => parseSettings({ title: 'x' })).toThrow();
  });

  it('sends only what changed', () => {
    const before = parseSettings(stored);
    const same = { title: before.title, kind: 'motion', stage: 'draft', ownerBody: 'gruen-rot', editors: ['partnerin'], commenters: ['u-9'] };
    expect(settingsChange(before, same)).toEqual({});
    expect(settingsChange(before, { ...same, stage: 'consultation', editors: ['partnerin', 'rat-2'] })).toEqual({ stage: 'consultation', editors: ['partnerin', 'rat-2'] });
    expect(peopleLines(' a \n\n b\r\nc ')).toEqual(['a', 'b', 'c']);
  });

  it('names the refused login of the list it came from', () => {
    const change = { editors: ['partnerin', 'niemand'] };
    expect(peopleProblem(new ApiError(400, 'editors[1] is not an active account'), change)).toBe('Kein aktives Konto mit dem Anmeldenamen „niemand“.');
    expect(peopleProblem(new ApiError(400, 'editors may list at most 200 people'), change)).toBe('Höchstens 200 Personen je Liste.');
    expect(peopleProblem(new ApiError(403, 'Not allowed'), change)).toBeNull();
  });
});

describe('document settings form', () => {
  let sent: RequestInit[];
  let patchAnswer: () => Promise<Response>;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    document.body.replaceChildren();
    sent = [];
    patchAnswer = () => respond({ ...stored, stage: 'consultation', editors: [...stored.editors, { id: 'u-8', login: 'rat-2', displayName: 'Rat Zwei' }] });
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit = {}) => {
      if ((init.method ?? 'GET') === 'PATCH') {
        sent.push(init);
        return patchAnswer();
      }
      expect(url).toBe('/api/documents/antrag-radwege-k3f9q2/settings');
      return respond(stored);
    }));
    setCsrfToken('c');
  });

  afterEach(() => {
    setLanguage('de');
    vi.unstubAllGlobals();
  });

  it('loads when opened, saves the changes and reports them', async () => {
    const saved: DocumentSettings[] = [];
    const section = documentSettingsSection(stored.name, (s) => saved.push(s));
    document.body.append(section);
    section.querySelector<HTMLButtonElement>('.settings-toggle')!.click();
    await settle();
    const title = section.querySelector<HTMLInputElement>('#doc-settings-title')!;
    expect(title.value).toBe('Antrag: Radwege');
    expect(document.activeElement).toBe(title);
    expect(section.querySelector<HTMLTextAreaElement>('#doc-settings-editors')!.value).toBe('partnerin');
    expect(section.querySelector<HTMLTextAreaElement>('#doc-settings-commenters')!.value).toBe('u-9');
    expect([...section.querySelectorAll<HTMLOptionElement>('#doc-settings-stage option')].map((o) => o.textContent)).toEqual(['Entwurf', 'Beteiligung', 'Beschlossen', 'Archiviert']);

    section.querySelector<HTMLSelectElement>('#doc-settings-stage')!.value = 'consultation';
    section.querySelector<HTMLTextAreaElement>('#doc-settings-editors')!.value = 'partnerin\nrat-2\n';
    section.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0].body))).toEqual({ stage: 'consultation', editors: ['partnerin', 'rat-2'] });
    expect(saved.map((s) => s.stage)).toEqual(['consultation']);
    expect(section.querySelector('.settings-done')!.textContent).toBe('Die Einstellungen sind gespeichert.');
  });

  it('puts a refused login beside its list, in the reader’s language', async () => {
    patchAnswer = () => respond({ type: 'urn:pledgepad:problem:bad-request', title: 'commenters[0] is not an active account', status: 400 }, 400);
    setLanguage('en');
    const section = documentSettingsSection(stored.name, () => undefined);
    document.body.append(section);
    section.querySelector<HTMLButtonElement>('.settings-toggle')!.click();
    await settle();
    const commenters = section.querySelector<HTMLTextAreaElement>('#doc-settings-commenters')!;
    commenters.value = 'unbekannt';
    section.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(section.querySelector('#doc-settings-error')!.textContent).toBe('No active account with the login “unbekannt”.');
    expect(commenters.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(commenters);
  });
});
