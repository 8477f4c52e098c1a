// @vitest-environment happy-dom
// The comments sidebar: a form sends one request at a time (a second Enter or click while the
// first is out is ignored), "Melden" opens one report form per post, and the Strg+Alt shortcuts
// leave AltGr characters alone, and a live redraw never deletes a reply being written (nor its
// error after a failed send). The server is a stubbed fetch (test-only); the editor is real.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUEST } from '../src/api';
import { initI18n } from '../src/i18n';
import { setMe } from '../src/session';
import { createAnnotationsPanel, type AnnotationsPanel } from '../src/views/annotationsPanel';

const thread = {
  id: 't1', kind: 'comment', status: 'open', locked: false, createdAt: '2026-05-02T10:00:00Z',
  author: { name: 'Paul', pseudonym: false, you: false },
  anchor: { start: '', end: '', quote: 'Glasfaser', state: 'attached' },
  posts: [{ id: 'p1', author: { name: 'Paul', pseudonym: false, you: false }, createdAt: '2026-05-02T10:00:00Z', state: 'visible', html: '<p>Quelle?</p>' }],
};

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

const posts = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.filter((call) => (call[1] as RequestInit | undefined)?.method === 'POST');
const button = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const submit = (form: Element) => form.dispatchEvent(new Event('submit', { cancelable: true }));

describe('annotations sidebar', () => {
  let panel: AnnotationsPanel;
  let fetch: ReturnType<typeof vi.fn>;
  let editor: Editor | null = null;
  /** What the server lists: a test changes it to see whether the next live event redraws. */
  let listed: unknown[];
  beforeEach(async () => {
    listed = [thread];
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'citizen', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    // POSTs never answer: the request stays in flight for the whole test.
    fetch = vi.fn((_url: string, init?: RequestInit) => (init?.method === 'POST' ? new Promise(() => undefined) : respond({ threads: listed })));
    vi.stubGlobal('fetch', fetch);
    panel = createAnnotationsPanel('koalitionsvertrag');
    document.body.replaceChildren(panel.actions, panel.section);
    panel.refresh();
    await settle();
  });

  afterEach(() => {
    panel.dispose();
    editor?.destroy();
    editor = null;
    setMe(GUEST);
    vi.unstubAllGlobals();
  });

  it('sends a reply once although it is submitted twice', async () => {
    button(panel.section, 'Antworten').click();
    const form = panel.section.querySelector('.reply-form')!;
    form.querySelector('textarea')!.value = 'Siehe Haushalt 2026.';
    submit(form);
    submit(form);
    await settle();
    expect(posts(fetch)).toHaveLength(1);
  });

  it('opens one report form per post and sends the report once', async () => {
    const melden = button(panel.section.querySelector('.thread-actions')!.parentElement!.querySelector('li.post')!, 'Melden');
    melden.click();
    melden.click();
    expect(panel.section.querySelectorAll('#report-p1')).toHaveLength(1);
    const form = panel.section.querySelector('#report-p1')!.closest('form')!;
    form.querySelector('input')!.value = 'Beleidigung';
    submit(form);
    submit(form);
    await settle();
    expect(posts(fetch)).toHaveLength(1);
  });

  function attachEditor(provider: unknown = { on: () => undefined }): Editor {
    const ydoc = new Y.Doc();
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({ element, extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ document: ydoc }), panel.extension], content: null });
    editor.commands.setContent('<p>Glasfaser bis 2030 in allen Stadtteilen</p>');
    panel.attach(editor, ydoc, provider as never);
    return editor;
  }

  it('sends a new comment once although the composer is submitted twice', async () => {
    const ed = attachEditor();
    await settle();
    ed.commands.setTextSelection({ from: 1, to: 10 });
    button(panel.actions, 'Kommentieren').click();
    const composer = panel.section.querySelector('form.composer')!;
    expect(composer.querySelector('blockquote')?.textContent).toBe('Glasfaser');
    composer.querySelector('textarea')!.value = 'Bis wann genau?';
    submit(composer);
    submit(composer);
    await settle();
    expect(posts(fetch)).toHaveLength(1);
  });

  function shortcut(target: Element, altGraph: boolean): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { code: 'KeyM', key: altGraph ? 'µ' : 'm', ctrlKey: true, altKey: true, bubbles: true, cancelable: true });
    // happy-dom does not take modifier states from the event's init: answer as Windows does for AltGr.
    Object.defineProperty(event, 'getModifierState', { value: (key: string) => (key === 'AltGraph' ? altGraph : false) });
    target.dispatchEvent(event);
    return event;
  }

  it('leaves AltGr+M (µ) to the text but takes Strg+Alt+M', async () => {
    const ed = attachEditor();
    await settle();
    ed.commands.setTextSelection({ from: 1, to: 10 });
    // The shortcut needs the focus or the browser's selection in the text; happy-dom does not
    // focus a contenteditable, so the selection is put there.
    document.getSelection()!.selectAllChildren(ed.view.dom.querySelector('p')!);
    const target = ed.view.dom;
    const typed = shortcut(target, true);
    expect(typed.defaultPrevented).toBe(false);
    expect((panel.section.querySelector('form.composer') as HTMLFormElement).hidden).toBe(true);
    const taken = shortcut(target, false);
    expect(taken.defaultPrevented).toBe(true);
    expect((panel.section.querySelector('form.composer') as HTMLFormElement).hidden).toBe(false);
  });

  /** Attaches with a provider whose live annotation events the test sends itself. */
  /** Without a payload: someone else commented, and the list now has a second thread. */
  function attachLive(): (payload?: string) => Promise<void> {
    let onStateless: ((message: { payload: string }) => void) | null = null;
    attachEditor({ on: (name: string, handler: (message: { payload: string }) => void) => { if (name === 'stateless') onStateless = handler; } });
    return async (payload?: string) => {
      if (payload === undefined) listed = [thread, { ...thread, id: 't2', posts: [{ ...thread.posts[0], id: 'p2' }] }];
      onStateless!({ payload: payload ?? JSON.stringify({ kind: 'annotation', type: 'thread.created', document: 'koalitionsvertrag', thread: 't2' }) });
      await new Promise((r) => setTimeout(r, 200)); // the reload is debounced by 150 ms
      await settle();
    };
  }

  it('keeps a reply being written when a live event arrives after the focus moved to "Senden"', async () => {
    const liveEvent = attachLive();
    await settle();
    button(panel.section, 'Antworten').click();
    panel.section.querySelector<HTMLTextAreaElement>('.reply-form textarea')!.value = 'Siehe Haushalt 2026.';
    button(panel.section.querySelector('.reply-form')!, 'Senden').focus();
    await liveEvent();
    expect(panel.section.querySelector<HTMLTextAreaElement>('.reply-form textarea')?.value).toBe('Siehe Haushalt 2026.');
    expect(document.activeElement?.textContent).toBe('Senden');
    expect(panel.section.querySelector<HTMLElement>('.annotations-waiting')!.hidden).toBe(false);
    // Closing the form draws what was held back.
    button(panel.section.querySelector('.reply-form')!, 'Abbrechen').click();
    expect(panel.section.querySelectorAll('article[data-thread]')).toHaveLength(2);
    expect(panel.section.querySelector<HTMLElement>('.annotations-waiting')!.hidden).toBe(true);
  });

  describe('accepting a suggestion', () => {
    const suggestion = (replacement: string) => ({
      ...thread, id: 's1', kind: 'suggestion',
      anchor: { start: 'AQID', end: 'BAUG', quote: 'bis 2025', state: 'attached' },
      suggestion: { state: 'open', replacement, reason: null },
    });
    const acceptCalls = () => posts(fetch).filter((call) => String(call[0]).endsWith('/suggestions/s1/accept'));

    it('names the replacement and passage the editor was shown', async () => {
      listed = [suggestion('bis 2027')];
      panel.setCanEdit(true);
      panel.refresh();
      await settle();
      button(panel.section, 'Annehmen').click();
      await settle();
      expect(acceptCalls()).toHaveLength(1);
      expect(JSON.parse(String((acceptCalls()[0][1] as RequestInit).body))).toEqual({
        reviewed: { replacement: 'bis 2027', start: 'AQID', end: 'BAUG', quote: 'bis 2025' },
      });
    });

    it('says so and shows the new text when the suggester changed it after the read', async () => {
      listed = [suggestion('bis 2027')];
      panel.setCanEdit(true);
      panel.refresh();
      await settle();
      fetch.mockImplementation((_url: string, init?: RequestInit) => {
        if (init?.method !== 'POST') return respond({ threads: listed });
        listed = [suggestion('bis 2099')];
        return respond({ type: 'urn:pledgepad:problem:suggestion-changed', title: 'Conflict', status: 409 }, 409);
      });
      button(panel.section, 'Annehmen').click();
      await settle();
      const article = panel.section.querySelector('article[data-thread="s1"]')!;
      expect(article.querySelector('.replacement ins')?.textContent).toBe('bis 2099');
      expect(article.querySelector('[role="alert"]')?.textContent).toBe(
        'Der Vorschlag wurde geändert, nachdem Sie ihn gelesen haben. Er ist nicht übernommen; bitte prüfen Sie die neue Fassung.',
      );
    });
    it('says the change is still being saved when the answer came before the edit was stored', async () => {
      listed = [suggestion('bis 2027')];
      panel.setCanEdit(true);
      panel.refresh();
      await settle();
      const liveEvent = attachLive();
      await settle();
      fetch.mockImplementation((_url: string, init?: RequestInit) => {
        if (init?.method !== 'POST') return respond({ threads: listed });
        listed = [{ ...suggestion('bis 2027'), status: 'resolved', suggestion: { state: 'accepted', replacement: 'bis 2027', reason: null } }];
        return respond({ type: 'urn:pledgepad:problem:suggestion-accept-pending', title: 'Pending', status: 503 }, 503);
      });
      button(panel.section, 'Annehmen').click();
      await settle();
      const article = () => panel.section.querySelector('article[data-thread="s1"]')!;
      expect(article().querySelector('[role="alert"]')).toBeNull();
      expect(article().querySelector('[role="status"]')?.textContent).toBe(
        'Die Änderung wird noch gespeichert. Sollte das nicht gelingen, ist der Vorschlag wieder offen.',
      );
      await liveEvent(JSON.stringify({ kind: 'annotation', type: 'suggestion.accepted', document: 'koalitionsvertrag', thread: 's1' }));
      expect(article().querySelector('[role="status"]')).toBeNull();
    });
  });

  it('keeps a reply and its error after a failed send when a live event arrives', async () => {
    fetch.mockImplementation((_url: string, init?: RequestInit) => (init?.method === 'POST' ? respond({ error: 'kaputt' }, 500) : respond({ threads: listed })));
    const liveEvent = attachLive();
    await settle();
    button(panel.section, 'Antworten').click();
    const form = panel.section.querySelector('.reply-form')!;
    form.querySelector('textarea')!.value = 'Siehe Haushalt 2026.';
    submit(form);
    await settle();
    const error = () => panel.section.querySelector('.reply-form .field-error')?.textContent ?? '';
    expect(error()).not.toBe('');
    (document.activeElement as HTMLElement | null)?.blur();
    await liveEvent();
    expect(panel.section.querySelector<HTMLTextAreaElement>('.reply-form textarea')?.value).toBe('Siehe Haushalt 2026.');
    expect(error()).not.toBe('');
  });

  it('keeps an open report form with its text when a live event arrives', async () => {
    const liveEvent = attachLive();
    await settle();
    button(panel.section.querySelector('li.post')!, 'Melden').click();
    panel.section.querySelector<HTMLInputElement>('#report-p1')!.value = 'Beleidigung';
    (document.activeElement as HTMLElement | null)?.blur();
    await liveEvent();
    expect(panel.section.querySelector<HTMLInputElement>('#report-p1')?.value).toBe('Beleidigung');
  });
});

// WCAG 2.4.3: after an action the focus stays in the thread it was taken in, instead of falling
// to the page's start when the pressed button or its form disappears in the redraw.
describe('annotations sidebar focus after actions', () => {
  let panel: AnnotationsPanel;
  let status: string;
  beforeEach(async () => {
    status = 'open';
    initI18n({ storage: null, documentElement: document.documentElement });
    setMe({ role: 'councillor', user: { id: 'u1', login: 'clara', displayName: 'Clara', pseudonym: false }, csrfToken: 'c' });
    vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        if (url.endsWith('/resolve')) status = 'resolved';
        if (url.endsWith('/reopen')) status = 'open';
        return respond({});
      }
      return respond({ threads: [{ ...thread, status }, { ...thread, id: 't2', status: 'open' }] });
    }));
    panel = createAnnotationsPanel('koalitionsvertrag');
    document.body.replaceChildren(panel.actions, panel.section);
    panel.setCanEdit(true);
    panel.refresh();
    await settle();
  });

  afterEach(() => {
    panel.dispose();
    setMe(GUEST);
    vi.unstubAllGlobals();
  });

  const article = (id: string) => panel.section.querySelector<HTMLElement>(`article[data-thread="${id}"]`)!;

  it('keeps the focus in the thread after "Erledigen" and "Wieder öffnen", on the toggled button', async () => {
    const resolve = button(article('t1'), 'Erledigen');
    resolve.focus();
    resolve.click();
    await settle();
    expect(article('t1').contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('Wieder öffnen');
    (document.activeElement as HTMLElement).click();
    await settle();
    expect(article('t1').contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('Erledigen');
  });

  it('words a reopen refused for the author\'s quota about the author, not about the editor', async () => {
    button(article('t1'), 'Erledigen').click();
    await settle();
    const refuse = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ type: 'urn:pledgepad:problem:quota-open-threads', title: 'quota', status: 429 }),
      { status: 429, headers: { 'Content-Type': 'application/problem+json' } })));
    vi.stubGlobal('fetch', refuse);
    button(article('t1'), 'Wieder öffnen').click();
    await settle();
    const alert = article('t1').querySelector('[role="alert"]');
    expect(refuse).toHaveBeenCalled();
    expect(alert?.textContent).toMatch(/^Wer diesen Beitrag begonnen hat, hat in diesem Dokument schon viele offene/);
  });

  it('returns the focus to "Antworten" of the same thread after a reply is sent or cancelled', async () => {
    button(article('t1'), 'Antworten').click();
    let form = article('t1').querySelector('.reply-form')!;
    button(form, 'Abbrechen').focus();
    button(form, 'Abbrechen').click();
    expect(document.activeElement).toBe(button(article('t1'), 'Antworten'));
    button(article('t1'), 'Antworten').click();
    form = article('t1').querySelector('.reply-form')!;
    form.querySelector('textarea')!.value = 'Siehe Haushalt 2026.';
    button(form, 'Senden').focus();
    submit(form);
    await settle();
    expect(article('t1').querySelector('.reply-form')).toBeNull();
    expect(document.activeElement).toBe(button(article('t1'), 'Antworten'));
  });
});
