// The editor page: the document's text as a Tiptap editor bound to the Yjs document that the
// Hocuspocus provider keeps in sync with the server, with toolbar, save indicator, read-only
// notice, line numbers and the list of people present.
import { Editor, Extension } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { ApiError, collabUrl, getDocument } from '../api';
import { closeReasonMessage, deniedReasonMessage, documentCloseCode, errorDetail, knownErrorMessage } from '../actionErrors';
import type { DocumentDetails } from '../documents';
import { DOCUMENT_LANGUAGE, documentText, h, i18nText, icon } from '../dom';
import { onLanguageChange, t } from '../i18n';
import { LineNumberGutter } from '../lineNumbers';
import { loadPseudonym, pickFreeColor } from '../pseudonym';
import { deriveSaveState, isProblem, SAVE_STATE_MESSAGE, SaveAnnouncer, type Connection, type SaveState } from '../saveState';
import { documentSettingsSection } from './documentSettingsForm';
import { retitleDraft } from './retitleDraft';
import { openForConsultation } from './openForConsultation';
import { deleteEmptyDraft } from './deleteEmptyDraft';
import { kindLabel, stageLabel } from './startPage';
import { createLinkDialog } from './linkDialog';
import { createToolbar } from './toolbar';
import { createAnnotationsPanel } from './annotationsPanel';
import { createRefusedChangesNotice } from './refusedChangesNotice';
import { PledgeIdAttribute } from '../pledgeIds';
import { displayName, me, refreshMe } from '../session';
import { historyPath, navigate } from '../router';
import type { View } from './view';

/** Yjs field that Tiptap's Collaboration extension binds to (its default). */
export const YJS_FIELD = 'default';
const MAX_NAME_LENGTH = 40;

interface AwarenessUser {
  name: string;
  color: string;
}

function readUser(state: Record<string, unknown> | undefined): AwarenessUser | null {
  const user = state?.user as Partial<AwarenessUser> | undefined;
  if (!user || typeof user.name !== 'string') return null;
  return { name: user.name.slice(0, MAX_NAME_LENGTH), color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#555555' };
}

export function editorPage(main: HTMLElement, name: string, backLink: () => HTMLElement): View {
  const abort = new AbortController();
  let title = name;
  let cleanup: (() => void) | null = null;
  let identityChanged: (() => void) | null = null;

  const container = h('div', { class: 'page page-editor' }, h('p', { class: 'muted' }, t('loading')));
  main.replaceChildren(container);
  main.removeAttribute('aria-labelledby');

  getDocument(name, abort.signal).then(
    (details) => {
      title = details.title;
      document.title = `${title} – Pledgepad`;
      const mounted = mount(container, details, backLink());
      cleanup = mounted.dispose;
      identityChanged = mounted.identityChanged;
    },
    (error: unknown) => {
      if ((error as Error).name === 'AbortError') return;
      const notFound = error instanceof ApiError && error.status === 404;
      const message = notFound ? t('notFound') : knownErrorMessage(error) ?? t('documentLoadFailed', { detail: errorDetail(error) });
      title = t(notFound ? 'notFoundTitle' : 'errorTitle');
      document.title = `${title} – Pledgepad`;
      container.replaceChildren(backLink(), h('h1', { id: 'page-title' }, title), h('div', { class: 'notice notice-problem', role: 'alert' }, icon('warning'), h('p', {}, message)));
    },
  );

  return {
    title: () => `${title} – Pledgepad`,
    dispose() {
      abort.abort();
      cleanup?.();
    },
    onIdentityChange() {
      if (!identityChanged) return false;
      identityChanged();
      return true;
    },
  };
}

function mount(container: HTMLElement, details: DocumentDetails, backLink: HTMLElement): { dispose(): void; identityChanged(): void } {
  const pseudonym = loadPseudonym(safeLocalStorage());
  // Signed-in people appear under their display name (or pseudonym); guests under a numbered guest name.
  const ownName = () => displayName(me()) ?? t('guestName', { number: String(pseudonym.number) });

  // --- page structure -------------------------------------------------------------------
  const heading = documentText(h('h1', { id: 'page-title', class: 'doc-title' }, details.title));
  // Kind and stage are shown twice (badges, details list); both follow the language switch.
  const kindTexts = [h('span', { class: `kind-badge kind-${details.kind}` }), h('dd', {})];
  const stageTexts = [h('span', { class: `stage-badge stage-${details.stage}` }), h('dd', {})];
  const renderLabels = () => {
    for (const element of kindTexts) element.textContent = kindLabel(details.kind);
    for (const element of stageTexts) element.textContent = stageLabel(details.stage);
    kindTexts[0].className = `kind-badge kind-${details.kind}`;
    stageTexts[0].className = `stage-badge stage-${details.stage}`;
  };
  renderLabels();
  const meta = h('p', { class: 'doc-meta' }, kindTexts[0], ' ', stageTexts[0]);
  const applyTitle = (title: string) => {
    details.title = title;
    heading.textContent = title;
    document.title = `${title} – Pledgepad`;
  };
  // Writers of a draft may fix its title; admins have "Dokument verwalten" for that and more.
  const retitle = retitleDraft(details.name, () => details.title, applyTitle);
  const saveText = h('span', { class: 'save-text' });
  const saveIndicator = h('p', { class: 'save-indicator', 'data-state': 'connecting' }, h('span', { class: 'save-icon' }), saveText);
  saveIndicator.dataset.i18nTitle = 'saveStatus';
  const liveRegion = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });

  const readonlyNotice = h('div', { class: 'notice notice-readonly', hidden: true }, icon('lock'), h('p', {}, i18nText(h('strong', {}), 'readonlyTitle'), ' ', i18nText(h('span', {}), 'readonlyText')));
  const sessionNotice = h('div', { class: 'notice notice-problem', role: 'alert', hidden: true }, icon('warning'), i18nText(h('p', {}), 'sessionEnded'));
  // Why the server closed the socket, when that is worth telling (kept until saving works again).
  // A document closed alone (its socket stays) is not restored by the provider: a reload is offered.
  const closedText = h('p', {});
  const closedReload = i18nText(h('button', { type: 'button', class: 'button button-small', hidden: true }), 'closedReload');
  closedReload.addEventListener('click', () => location.reload());
  const closedNotice = h('div', { class: 'notice notice-problem', role: 'status', hidden: true }, icon('warning'), h('div', {}, closedText, closedReload));
  const deniedText = h('p', {});
  const deniedNotice = h('div', { class: 'notice notice-problem', role: 'alert', hidden: true }, icon('warning'), deniedText);

  const editorHost = h('div', { class: 'editor-host' });
  const gutter = h('div', { class: 'line-gutter', 'aria-hidden': 'true' });
  const frame = h('div', { class: 'editor-frame' }, gutter, editorHost);

  const participantList = h('ul', { class: 'participants' });
  const infoList = h(
    'dl',
    { class: 'doc-info' },
    i18nText(h('dt', {}), 'kind'),
    kindTexts[1],
    i18nText(h('dt', {}), 'stage'),
    stageTexts[1],
  );
  const ownerText = h('dd', { class: 'doc-owner' });
  const renderOwner = (owner: DocumentDetails['owner']) => {
    ownerText.textContent = owner?.name ?? '';
    if (owner && !ownerText.parentNode) infoList.append(i18nText(h('dt', {}), 'responsible'), ownerText);
  };
  renderOwner(details.owner);
  const annotations = createAnnotationsPanel(details.name);
  const historyLink = i18nText(h('a', { href: historyPath(details.name), class: 'history-link' }), 'historyLink');
  // A draft nobody has written in yet may go again (the server checks that it is empty).
  const removeDraft = deleteEmptyDraft(details.name, () => navigate('/'));
  // Its writers put a draft up for consultation; admins change the stage under "Dokument verwalten".
  const consultation = openForConsultation(details.name, () => {
    details.stage = 'consultation';
    renderLabels();
    refresh();
  });
  // Admins manage the document here (the server refuses everyone else).
  const settingsSlot = h('div', {});
  const renderSettings = () =>
    settingsSlot.replaceChildren(
      ...(me().role === 'admin'
        ? [
            documentSettingsSection(details.name, (saved) => {
              details.kind = saved.kind;
              details.stage = saved.stage;
              renderOwner({ id: saved.ownerBody, name: saved.ownerBodyName });
              applyTitle(saved.title);
              renderLabels();
            }),
          ]
        : []),
    );
  renderSettings();
  const aside = h(
    'aside',
    { class: 'editor-aside' },
    annotations.section,
    h('section', { 'aria-labelledby': 'participants-title' }, i18nText(h('h2', { id: 'participants-title' }), 'participants'), participantList),
    h('section', { 'aria-labelledby': 'info-title' }, i18nText(h('h2', { id: 'info-title' }), 'documentInfo'), infoList, h('p', {}, historyLink), settingsSlot, consultation.element, removeDraft.element),
  );
  aside.dataset.i18nAriaLabel = 'sidebar';
  aside.setAttribute('aria-label', t('sidebar'));

  // --- collaboration ----------------------------------------------------------------------
  const ydoc = new Y.Doc();
  let connection: Connection = 'connecting';
  let everConnected = false;
  let denied = false;
  let readonly = false;
  let authenticated = false;

  const provider = new HocuspocusProvider({ url: collabUrl(), name: details.name, document: ydoc });

  // Edits made in this window that the server has not confirmed: set by every change of the text
  // that did not come from the server while one may edit, cleared when the indicator says "saved".
  // The provider's unsyncedChanges cannot tell this on a read-only connection (its sync step 2
  // stays unacknowledged with or without own edits, depending on the server).
  let ownChanges = false;
  /** The code of the last close by the server, until saving works again. */
  let closeCode: number | null = null;
  /** That close ended this document alone, not the socket (until it is authenticated again). */
  let documentClosed = false;

  const editor = new Editor({
    element: editorHost,
    editable: false,
    extensions: [
      StarterKit.configure({
        undoRedo: false, // Collaboration brings its own undo, limited to one's own changes
        heading: { levels: [1, 2, 3] },
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['mailto'] },
        codeBlock: false,
        code: false,
      }),
      // An empty document one may write says where to begin (a motion just started is empty).
      Placeholder.configure({ placeholder: () => t('editorPlaceholder') }),
      Collaboration.configure({ document: ydoc, field: YJS_FIELD }),
      CollaborationCaret.configure({
        provider,
        user: { name: ownName(), color: pseudonym.color },
        render: (user: Record<string, unknown>) => {
          const info = readUser({ user });
          const caret = h('span', { class: 'collab-caret', 'aria-hidden': 'true' });
          caret.style.borderColor = info?.color ?? '#555555';
          const label = h('span', { class: 'collab-caret-label' }, info?.name ?? '?');
          label.style.backgroundColor = info?.color ?? '#555555';
          caret.appendChild(label);
          return caret;
        },
      }),
      annotations.extension,
      PledgeIdAttribute,
      Extension.create({
        name: 'linkShortcut',
        addKeyboardShortcuts: () => ({
          'Mod-k': () => {
            linkDialog.open();
            return true;
          },
          // As in other editors: Alt+F10 moves to the toolbar, Escape there comes back.
          'Alt-F10': () => {
            toolbar.focus();
            return true;
          },
        }),
      }),
    ],
    editorProps: {
      attributes: {
        class: 'prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'page-title',
        id: 'document-editor',
        spellcheck: 'true',
        lang: DOCUMENT_LANGUAGE,
      },
    },
  });
  const linkDialog = createLinkDialog(editor);
  const toolbar = createToolbar(editor, () => linkDialog.open(), 'document-editor');
  const refusedNotice = createRefusedChangesNotice({ text: () => editor.getText({ blockSeparator: '\n\n' }), documentName: details.name, documentTitle: details.title });

  container.replaceChildren(
    backLink,
    h('header', { class: 'doc-header' }, h('div', { class: 'doc-heading' }, heading, meta, retitle.element), saveIndicator),
    liveRegion,
    readonlyNotice,
    sessionNotice,
    refusedNotice.element,
    closedNotice,
    deniedNotice,
    h('div', { class: 'editor-layout' }, h('div', { class: 'editor-column' }, toolbar.element, annotations.actions, frame), aside),
    linkDialog.element,
  );

  annotations.attach(editor, ydoc, provider);
  const gutterView = new LineNumberGutter(editor.view.dom as HTMLElement, gutter);
  editor.on('update', () => {
    gutterView.schedule();
    removeDraft.setShown(editor.isEditable && details.stage === 'draft' && editor.isEmpty);
  });
  ydoc.on('update', () => gutterView.schedule());
  ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || !editor.isEditable) return;
    ownChanges = true;
    refresh();
  });

  // --- state: editable, save indicator ----------------------------------------------------
  let currentState: SaveState = 'connecting';
  const announcer = new SaveAnnouncer((state) => {
    liveRegion.textContent = t(SAVE_STATE_MESSAGE[state]);
  });
  announcer.prime(currentState);

  function refresh(): void {
    const state = deriveSaveState({ connection, synced: provider.isSynced, unsyncedChanges: provider.unsyncedChanges, denied, everConnected, readonly, ownChanges, closed: documentClosed });
    if (state === 'saved') ownChanges = false;
    currentState = state;
    saveIndicator.dataset.state = state;
    container.dataset.saveState = state; // read by the end-to-end test
    saveIndicator.classList.toggle('is-problem', isProblem(state));
    const iconName = state === 'saved' ? 'check' : state === 'readonly' ? 'lock' : state === 'denied' || state === 'readonly-unsaved' || state === 'closed' ? 'warning' : isProblem(state) ? 'offline' : 'sync';
    saveIndicator.querySelector('.save-icon')!.replaceChildren(icon(iconName));
    saveText.textContent = t(SAVE_STATE_MESSAGE[state]);
    announcer.update(state);

    // Editing is offered once the server has let us in (or synced without saying otherwise);
    // it stays on while offline so that nothing typed is lost. The server enforces rights anyway.
    const editable = !denied && !documentClosed && !readonly && (authenticated || everConnected);
    if (editor.isEditable !== editable) editor.setEditable(editable);
    toolbar.setEnabled(editable);
    readonlyNotice.hidden = !readonly;
    // Access withdrawn altogether while this window holds own edits: they are just as refused.
    if (state === 'denied' && ownChanges) refusedNotice.setShown(true, 'denied');
    // Closed for a refused change: what this window holds goes with the offered reload.
    else if (state === 'closed' && ownChanges) refusedNotice.setShown(true, 'closed');
    else refusedNotice.setShown(state === 'readonly-unsaved');
    if (state === 'saved' || state === 'readonly') closeCode = null;
    const closed = closeCode === null ? null : closeReasonMessage(closeCode, documentClosed);
    closedNotice.hidden = closed === null;
    closedReload.hidden = !documentClosed;
    if (closed !== null && closedText.textContent !== closed) closedText.textContent = closed;
    annotations.setCanEdit(editable && authenticated);
    retitle.setShown(editable && authenticated && details.stage === 'draft' && me().role !== 'admin');
    consultation.setShown(editable && authenticated && details.stage === 'draft' && me().role !== 'admin');
    removeDraft.setShown(editable && authenticated && details.stage === 'draft' && editor.isEmpty);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }

  provider.on('status', ({ status }: { status: WebSocketStatus }) => {
    connection = status === WebSocketStatus.Connected ? 'connected' : status === WebSocketStatus.Connecting ? 'connecting' : 'disconnected';
    refresh();
  });
  provider.on('synced', () => {
    everConnected = true;
    refresh();
  });
  provider.on('unsyncedChanges', refresh);
  provider.on('close', ({ event }: { event: { code: number; reason?: string } }) => {
    const documentCode = documentCloseCode(event);
    documentClosed = documentCode !== null;
    closeCode = documentCode ?? event.code;
    refresh();
  });
  let wasWritable = false;
  // Write rights lost on a reconnect (a server restart ends cookie sessions): ask the server who
  // we are now. Nothing typed is lost: it stays in this window until someone signs in again.
  function checkSession(): void {
    if (!wasWritable || !me().user) return;
    refreshMe().then((now) => (sessionNotice.hidden = now.user !== null), () => undefined);
  }
  provider.on('authenticated', ({ scope }: { scope: string }) => {
    authenticated = true;
    documentClosed = false; // authenticated again (after a reconnect): the document is open
    denied = false;
    readonly = scope === 'readonly';
    if (readonly) checkSession();
    if (!readonly) {
      wasWritable = true;
      sessionNotice.hidden = true;
    }
    deniedNotice.hidden = true;
    refresh();
  });
  let deniedReason = '';
  const renderDenied = () => (deniedText.textContent = t('deniedText', { reason: deniedReasonMessage(deniedReason) }));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    checkSession();
    denied = true;
    deniedReason = reason;
    renderDenied();
    deniedNotice.hidden = false;
    refresh();
  });
  if (provider.configuration.websocketProvider.status === WebSocketStatus.Connected) connection = 'connected';

  // --- people present ---------------------------------------------------------------------
  let ownColor = pseudonym.color;
  function renderParticipants(): void {
    const awareness = provider.awareness;
    if (!awareness) return;
    // Two people with the same caret colour are still told apart by name, but a free colour helps.
    // Only the one with the higher client id gives way, so two newcomers do not swap back and forth.
    const othersColors = [...awareness.getStates().entries()].filter(([id]) => id < awareness.clientID).map(([, state]) => readUser(state)?.color ?? '');
    const free = pickFreeColor(ownColor, othersColors);
    if (free !== ownColor) {
      ownColor = free;
      editor.commands.updateUser({ name: ownName(), color: ownColor });
      return; // the awareness change this causes renders the list again
    }
    const items: HTMLLIElement[] = [];
    const own = awareness.clientID;
    const entries = [...awareness.getStates().entries()].sort(([a], [b]) => (a === own ? -1 : b === own ? 1 : a - b));
    for (const [clientId, state] of entries) {
      const user = readUser(state);
      if (!user) continue;
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = user.color;
      items.push(h('li', {}, swatch, clientId === own ? t('you', { name: user.name }) : user.name));
    }
    participantList.replaceChildren(...items);
  }
  provider.awareness?.on('change', renderParticipants);
  renderParticipants();

  // --- language changes -------------------------------------------------------------------
  const unsubscribeLanguage = onLanguageChange(() => {
    renderLabels();
    if (denied) renderDenied();
    editor.commands.updateUser({ name: ownName(), color: ownColor });
    refresh();
    renderParticipants();
  });

  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (provider.hasUnsyncedChanges || ownChanges) {
      event.preventDefault();
      event.returnValue = t('unsavedLeave');
    }
  };
  window.addEventListener('beforeunload', beforeUnload);

  refresh();

  /** Signed in or out: reconnect so that the server authenticates the socket with the new session. */
  function identityChanged(): void {
    renderSettings();
    editor.commands.updateUser({ name: ownName(), color: ownColor });
    annotations.refresh();
    provider.disconnect();
    void provider.connect();
  }

  const dispose = () => {
    window.removeEventListener('beforeunload', beforeUnload);
    unsubscribeLanguage();
    announcer.dispose();
    annotations.dispose();
    gutterView.dispose();
    toolbar.dispose();
    provider.destroy();
    editor.destroy();
    ydoc.destroy();
  };
  return { dispose, identityChanged };
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
