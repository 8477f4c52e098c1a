// @vitest-environment happy-dom
// The editor page's connection as the reader learns about it. A councillor types offline;
// meanwhile their write rights are withdrawn, and the connection comes back read-only. The server
// refuses the offline edits, so the page must say "not saved" (never "Nur lesen — aktueller
// Stand"), explain why, and offer the text of the version this window holds. A refused document
// and a socket closed by the server are explained in words, in the reader's language.
// The Hocuspocus provider is replaced by a stand-in (test-only) that the test drives by its events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { Editor } from '@tiptap/core';

type Handler = (payload: any) => void;

class StandInProvider {
  static last: StandInProvider | null = null;
  readonly handlers = new Map<string, Set<Handler>>();
  readonly document: Y.Doc;
  readonly awareness: Awareness;
  readonly configuration = { websocketProvider: { status: 'connecting' } };
  isSynced = false;
  unsyncedChanges = 0;

  constructor(options: { document: Y.Doc }) {
    this.document = options.document;
    this.awareness = new Awareness(this.document);
    // As the real provider: every change not applied by the provider itself waits for an acknowledgement.
    this.document.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.unsyncedChanges += 1;
      this.emit('unsyncedChanges', { number: this.unsyncedChanges });
    });
    StandInProvider.last = this;
  }
  get hasUnsyncedChanges() {
    return this.unsyncedChanges > 0;
  }
  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
  }
  emit(event: string, payload: unknown = {}) {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }
  /** The server's copy of the text arrives (applied with the provider as origin, as the real one does). */
  receive(text: string) {
    const remote = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    remote.getXmlFragment('default').insert(0, [paragraph]);
    Y.applyUpdate(this.document, Y.encodeStateAsUpdate(remote), this);
  }
  /** The server closes the socket: as the real provider, not synced any more, then told, then offline. */
  close(code: number, reason = '') {
    this.isSynced = false;
    this.emit('close', { event: { code, reason } });
    this.emit('status', { status: 'disconnected' });
  }
  /**
   * The server closes this document alone with a Close message: the real provider reports it as
   * code 1000 with the server's reason and is no longer synced; the socket stays connected.
   */
  closeDocument(reason: string) {
    this.isSynced = false;
    this.emit('close', { event: { code: 1000, reason } });
  }
  connect() {}
  disconnect() {}
  destroy() {}
  sendStateless() {}
}

vi.mock('@hocuspocus/provider', () => ({
  HocuspocusProvider: StandInProvider,
  WebSocketStatus: { Connecting: 'connecting', Connected: 'connected', Disconnected: 'disconnected' },
}));

const { initI18n, setLanguage } = await import('../src/i18n');
const { setMe } = await import('../src/session');
const { GUEST } = await import('../src/api');
const { editorPage } = await import('../src/views/editorPage');
const { translateTree } = await import('../src/dom');

const councillor = { role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' };
const details = { name: 'haushalt', title: 'Haushaltssatzung', kind: 'programme', stage: 'draft', updatedAt: null, headSeq: 1 };

function respond(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('editor page: a connection that comes back read-only with own offline edits', () => {
  let main: HTMLElement;
  let view: { dispose(): void };
  let written: string[];

  beforeEach(async () => {
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe(councillor);
    written = [];
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      if (url === '/api/me') return respond(councillor); // still signed in: only the rights changed
      if (url.startsWith(`/api/documents/${details.name}/annotations`)) return respond([]);
      if (url === `/api/documents/${details.name}`) return respond(details);
      return respond([]);
    }));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (text: string) => (written.push(text), Promise.resolve()) } });
    main = document.createElement('main');
    document.body.replaceChildren(main);
    view = editorPage(main, details.name, () => document.createElement('a'));
    await settle();
  });

  afterEach(() => {
    view.dispose();
    setMe(GUEST);
    setLanguage('de');
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  const provider = () => StandInProvider.last!;
  const saveText = () => main.querySelector('.save-text')!.textContent;
  const editor = () => (main.querySelector('.ProseMirror') as unknown as { editor: Editor }).editor;

  function connect(scope: 'read-write' | 'readonly') {
    const p = provider();
    p.emit('status', { status: 'connected' });
    p.emit('authenticated', { scope });
  }

  function sync(acknowledged: boolean) {
    const p = provider();
    p.isSynced = true;
    p.unsyncedChanges = acknowledged ? 0 : 1; // a refused sync step 2 is never acknowledged
    p.emit('synced', { state: true });
    p.emit('unsyncedChanges', { number: p.unsyncedChanges });
  }

  it('says the edits were not saved, explains why and offers the version to copy', async () => {
    connect('read-write');
    provider().receive('Der Haushalt wird beraten.');
    sync(true);
    expect(saveText()).toBe('Gespeichert');

    provider().emit('status', { status: 'disconnected' });
    editor().commands.insertContentAt(editor().state.doc.content.size - 1, ' Offline ergänzt.');
    expect(saveText()).toBe('Nicht gespeichert — offline');

    connect('readonly');
    sync(false);
    await settle();

    expect(saveText()).not.toBe('Nur lesen — aktueller Stand');
    expect(saveText()).toBe('Nicht gespeichert — Sie dürfen nur noch lesen');
    expect(main.querySelector('.save-indicator')!.classList.contains('is-problem')).toBe(true);
    const notice = main.querySelector<HTMLElement>('.notice-refused')!;
    expect(notice.hidden).toBe(false);
    expect(notice.querySelector('[role="alert"]')!.textContent).toContain('Ihre Änderungen wurden nicht gespeichert.');
    expect(notice.querySelector('[role="alert"]')!.textContent).toContain('nur noch lesen');
    // Nothing on the page claims the text was saved.
    expect(main.textContent).not.toMatch(/\bGespeichert\b|aktueller Stand/);

    const copy = [...notice.querySelectorAll('button')].find((b) => b.textContent === 'Meine Fassung kopieren')!;
    copy.click();
    await settle();
    expect(written).toEqual(['Der Haushalt wird beraten. Offline ergänzt.']);
    expect(notice.querySelector('[role="status"]')!.textContent).toContain('weiterhin nicht gespeichert');
  });

  it('downloads the version as a text file that says what it is', async () => {
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:x'));
    connect('read-write');
    provider().receive('Der Haushalt wird beraten.');
    sync(true);
    provider().emit('status', { status: 'disconnected' });
    editor().commands.insertContentAt(editor().state.doc.content.size - 1, ' Offline ergänzt.');
    connect('readonly');
    sync(false);
    const notice = main.querySelector<HTMLElement>('.notice-refused')!;
    [...notice.querySelectorAll('button')].find((b) => b.textContent === 'Meine Fassung herunterladen (Text)')!.click();
    expect(blobs).toHaveLength(1);
    const content = await blobs[0].text();
    expect(content).toMatch(/^Nicht gespeicherte Fassung von „Haushaltssatzung“/);
    expect(content).toContain('\n\nDer Haushalt wird beraten. Offline ergänzt.\n');
    created.mockRestore();
    expect(notice.querySelector('[role="status"]')!.textContent).toMatch(/^Heruntergeladen: pledgepad-haushalt-nicht-gespeichert-\d{4}-\d{2}-\d{2}\.txt\./);
  });

  it('offers the version too when access was withdrawn altogether while own edits were unsaved', async () => {
    connect('read-write');
    provider().receive('Der Haushalt wird beraten.');
    sync(true);
    provider().emit('status', { status: 'disconnected' });
    editor().commands.insertContentAt(editor().state.doc.content.size - 1, ' Offline ergänzt.');
    provider().emit('status', { status: 'connected' });
    provider().emit('authenticationFailed', { reason: 'not-a-member' });
    await settle();
    const notice = main.querySelector<HTMLElement>('.notice-refused')!;
    expect(notice.hidden).toBe(false);
    expect(notice.querySelector('[role="alert"]')!.textContent).toContain('keinen Zugang mehr');
    setLanguage('en');
    translateTree(document); // what the app's language switch does (main.ts)
    expect(notice.querySelector('[role="alert"]')!.textContent).toContain('no longer have access');
    [...notice.querySelectorAll('button')].find((b) => b.textContent === 'Copy my version')!.click();
    await settle();
    expect(written).toEqual(['Der Haushalt wird beraten. Offline ergänzt.']);
  });

  it('offers nothing when access is withdrawn with everything saved', async () => {
    connect('read-write');
    provider().receive('Der Haushalt wird beraten.');
    sync(true);
    provider().emit('authenticationFailed', { reason: 'not-a-member' });
    await settle();
    expect(main.querySelector<HTMLElement>('.notice-refused')!.hidden).toBe(true);
  });

  it('marks the document title above the editor as German, like the text', () => {
    expect(main.querySelector('h1')!.getAttribute('lang')).toBe('de');
    expect(main.querySelector('.ProseMirror')!.getAttribute('lang')).toBe('de');
  });

  it('says why the server refused the document as a sentence, not as its code', () => {
    provider().emit('status', { status: 'connected' });
    provider().emit('authenticationFailed', { reason: 'not-a-member' });
    const notice = [...main.querySelectorAll<HTMLElement>('.notice-problem[role="alert"]')].find((el) => !el.hidden)!;
    expect(notice.textContent).toBe('Der Server hat den Zugriff verweigert. Nur Mitglieder des zuständigen Gremiums haben Zugriff.');
    setLanguage('en');
    expect(notice.textContent).toBe('The server denied access. Only members of the responsible body have access.');
  });

  it('says why the server closed the socket until saving works again, and stays silent on a plain loss', () => {
    const closed = () => [...main.querySelectorAll<HTMLElement>('.notice-problem[role="status"]')].find((el) => !el.hidden)?.querySelector('p')?.textContent ?? null;
    connect('read-write');
    sync(true);
    provider().close(1006);
    expect(closed()).toBeNull();
    provider().close(4413, 'document size limit reached');
    expect(closed()).toBe('Das Dokument hat die Größengrenze des Servers erreicht: Ihre letzten Änderungen werden nicht gespeichert.');
    expect(main.textContent).not.toContain('document size limit reached');
    setLanguage('en');
    expect(closed()).toBe('The document has reached the server’s size limit: your latest changes are not saved.');
    setLanguage('de');
    connect('read-write');
    sync(false); // the refused change is sent again and not acknowledged: still not saved
    expect(closed()).not.toBeNull();
    sync(true);
    expect(closed()).toBeNull();
  });

  it('stops editing and offers a reload when the server closes this document alone, until it is let in again', () => {
    const closed = () => [...main.querySelectorAll<HTMLElement>('.notice-problem[role="status"]')].find((el) => !el.hidden) ?? null;
    connect('read-write');
    sync(true);
    expect(editor().isEditable).toBe(true);
    editor().commands.insertContent('Zu lang.'); // the change the server refuses
    provider().closeDocument('4413 document size limit reached');
    // What this window holds can be kept before the offered reload.
    const refused = main.querySelector<HTMLElement>('.notice-refused')!;
    expect(refused.hidden).toBe(false);
    expect(refused.querySelector('[role=alert]')!.textContent).toContain('das Dokument hier getrennt');
    expect(closed()?.querySelector('p')?.textContent).toBe('Das Dokument hat die Größengrenze des Servers erreicht: Ihre letzten Änderungen werden nicht gespeichert. Laden Sie die Seite neu, um weiterzuarbeiten.');
    expect(closed()?.querySelector<HTMLButtonElement>('button')?.hidden).toBe(false);
    expect(closed()?.querySelector('button')?.textContent).toBe('Seite neu laden');
    expect(main.textContent).not.toContain('document size limit reached');
    expect(editor().isEditable).toBe(false);
    expect(saveText()).toBe('Vom Server getrennt — nicht gespeichert');
    // Let in again after a reconnect of the socket: editing and saving resume.
    connect('read-write');
    sync(true);
    expect(editor().isEditable).toBe(true);
    expect(saveText()).toBe('Gespeichert');
    expect(closed()).toBeNull();
    expect(refused.hidden).toBe(true);
  });

  it('still says "Nur lesen — aktueller Stand" to a reader who changed nothing', async () => {
    connect('read-write');
    provider().receive('Der Haushalt wird beraten.');
    sync(true);
    provider().emit('status', { status: 'disconnected' });
    connect('readonly');
    sync(true);
    await settle();
    expect(saveText()).toBe('Nur lesen — aktueller Stand');
    expect(main.querySelector<HTMLElement>('.notice-refused')!.hidden).toBe(true);
  });

  it('hides the notice once the edits are saved after all (signed in again with write rights)', async () => {
    connect('read-write');
    sync(true);
    provider().emit('status', { status: 'disconnected' });
    editor().commands.insertContent('Neu.');
    connect('readonly');
    sync(false);
    expect(main.querySelector<HTMLElement>('.notice-refused')!.hidden).toBe(false);
    connect('read-write');
    sync(true);
    expect(saveText()).toBe('Gespeichert');
    expect(main.querySelector<HTMLElement>('.notice-refused')!.hidden).toBe(true);
  });
});
