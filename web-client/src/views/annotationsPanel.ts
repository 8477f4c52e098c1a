// Comments and suggested changes beside the editor: the "Kommentieren" / "Änderung vorschlagen"
// buttons (also Strg+Alt+M / Strg+Alt+S), a composer for the selected passage, the list of
// threads with replies, resolve/reopen, accept/reject for editors and a report button, and the
// highlighted passages in the text (decorations computed from the threads' relative positions).
// Live events arrive as Hocuspocus stateless messages carrying ids only: the list is refetched.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { actionErrorMessage, errorDetail } from '../actionErrors';
import { ApiError } from '../api';
import { annotationsApi, getThread, listThreads } from '../annotationsApi';
import { base64ToBytes, bodyProblem, bytesToBase64, parseAnnotationEvent, selectionProblem, shortQuote, sortThreads, type Post, type Thread } from '../annotations';
import { append, documentText, h, i18nText, icon } from '../dom';
import { formatDateTime, hasMessage, onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';
import { me } from '../session';

/** A thread's button that replaces the pressed one after the action (see render). */
const TOGGLED: Record<string, string> = { resolve: 'reopen', reopen: 'resolve' };

const highlightKey = new PluginKey<DecorationSet>('annotationHighlights');

interface Range {
  from: number;
  to: number;
}

/** The passage of a thread in the current editor state, or null (deleted, not yet synced). */
function resolveRange(state: EditorState, ydoc: Y.Doc, thread: Thread): Range | null {
  const sync = ySyncPluginKey.getState(state) as { type?: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
  if (!sync?.type || !sync.binding || thread.anchor.state === 'passage-deleted' || !thread.anchor.start) return null;
  try {
    const from = relativePositionToAbsolutePosition(ydoc, sync.type, Y.decodeRelativePosition(base64ToBytes(thread.anchor.start)), sync.binding.mapping as never);
    const to = relativePositionToAbsolutePosition(ydoc, sync.type, Y.decodeRelativePosition(base64ToBytes(thread.anchor.end)), sync.binding.mapping as never);
    if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
    return { from, to };
  } catch {
    return null;
  }
}

export interface AnnotationsPanel {
  /** Tiptap extension: highlights and keyboard shortcuts. */
  extension: Extension;
  /** The two action buttons, shown above the text. */
  actions: HTMLElement;
  /** The sidebar section. */
  section: HTMLElement;
  /** Editing rights changed (the provider said read-only or read-write). */
  setCanEdit(value: boolean): void;
  /** Signed in or out: fetch again (what one may see depends on who asks). */
  refresh(): void;
  attach(editor: Editor, ydoc: Y.Doc, provider: HocuspocusProvider): void;
  dispose(): void;
}

export function createAnnotationsPanel(documentName: string): AnnotationsPanel {
  let editor: Editor | null = null;
  let ydoc: Y.Doc | null = null;
  let threads: Thread[] = [];
  let canEdit = false;
  /** Suggestions whose accept was refused because the suggester changed them after the read. */
  const changedSinceRead = new Set<string>();
  /** Accepts the server answered before their edit was stored (503 suggestion-accept-pending). */
  const acceptPending = new Set<string>();
  /** Threads whose every post the reader asked to see: reloads fetch them whole again. */
  const expanded = new Set<string>();
  let available = true;
  let disposed = false;
  let pending: ReturnType<typeof setTimeout> | null = null;
  /** A redraw held back because a form in the list is open (see render). */
  let redrawWaiting = false;
  /** Posts reported from this page: a redraw must not offer "Melden" again as if nothing happened. */
  const reported = new Set<string>();
  const abort = new AbortController();

  // --- sidebar structure -----------------------------------------------------------------
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const status = h('div', { class: 'annotations-status' });
  const list = h('ol', { class: 'threads' });
  const waiting = i18nText(h('p', { class: 'muted annotations-waiting', hidden: true }), 'annotationsWaiting');
  const composer = h('form', { class: 'composer', hidden: true, novalidate: true });
  const section = h('section', { class: 'annotations', 'aria-labelledby': 'annotations-title' }, i18nText(h('h2', { id: 'annotations-title' }), 'annotations'), status, composer, waiting, list, live);

  const commentButton = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Control+Alt+M', 'data-action': 'comment' }, icon('comment'), i18nText(h('span', {}), 'comment'));
  const suggestButton = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Control+Alt+S', 'data-action': 'suggest' }, icon('suggest'), i18nText(h('span', {}), 'suggest'));
  const hint = i18nText(h('p', { class: 'muted annotation-hint', id: 'annotation-hint' }), 'commentShortcutHint');
  const actionMessage = h('p', { class: 'annotation-message', role: 'status' });
  const actions = h('div', { class: 'annotation-actions', role: 'group', 'aria-describedby': 'annotation-hint' }, commentButton, suggestButton, hint, actionMessage);
  actions.dataset.i18nAriaLabel = 'annotations';
  actions.setAttribute('aria-label', t('annotations'));
  commentButton.addEventListener('click', () => openComposer('comment'));
  suggestButton.addEventListener('click', () => openComposer('suggestion'));

  const signedIn = () => me().user !== null;

  function renderActions(): void {
    const allowed = available && signedIn();
    for (const button of [commentButton, suggestButton]) button.setAttribute('aria-disabled', String(!allowed));
  }

  // --- composer ---------------------------------------------------------------------------
  function openComposer(kind: 'comment' | 'suggestion'): void {
    actionMessage.textContent = '';
    if (!editor || !ydoc) return;
    if (!available) {
      actionMessage.textContent = t('annotationsUnavailable');
      return;
    }
    if (!signedIn()) {
      actionMessage.textContent = t('signInToComment');
      return;
    }
    const { state } = editor;
    const range = currentRange();
    const $from = range ? state.doc.resolve(range.from) : null;
    if (!range || !$from || !$from.parent.isTextblock) {
      actionMessage.textContent = t('selectFirst');
      return;
    }
    const { from, to } = range;
    const problem = selectionProblem(from, to, $from.start(), $from.end());
    if (problem) {
      actionMessage.textContent = t(problem === 'empty' ? 'selectFirst' : 'selectionAcrossParagraphs');
      return;
    }
    const sync = ySyncPluginKey.getState(state) as { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } } | undefined;
    if (!sync?.binding) return;
    const encode = (pos: number) => bytesToBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never)));
    const start = encode(from);
    const end = encode(to);
    const quote = state.doc.textBetween(from, to, ' ');
    buildComposer(kind, start, end, quote);
  }

  function field(id: string, labelKey: MessageKey, multiline: boolean, initial = ''): { wrap: HTMLElement; input: HTMLTextAreaElement | HTMLInputElement } {
    const input = multiline ? h('textarea', { id, rows: 4 }) : h('input', { id, type: 'text' });
    input.value = initial;
    return { wrap: h('div', { class: 'field' }, i18nText(h('label', { for: id }), labelKey), input), input };
  }

  function buildComposer(kind: 'comment' | 'suggestion', start: string, end: string, quote: string): void {
    const error = h('p', { class: 'field-error', id: 'composer-error', role: 'alert' });
    const body = kind === 'comment' ? field('composer-body', 'commentBody', true) : field('composer-replacement', 'replacement', true, quote);
    // The replacement is document text (spell-checked and read as German); a comment is the writer's own.
    if (kind === 'suggestion') documentText(body.input);
    const rationale = kind === 'suggestion' ? field('composer-rationale', 'rationale', true) : null;
    const send = i18nText(h('button', { type: 'submit', class: 'button button-primary' }), 'send');
    const cancel = i18nText(h('button', { type: 'button', class: 'button' }), 'cancel');
    composer.replaceChildren();
    append(composer, [
      i18nText(h('h3', {}), kind === 'comment' ? 'newComment' : 'newSuggestion'),
      h('figure', { class: 'quote' }, i18nText(h('figcaption', {}), 'passage'), documentText(h('blockquote', {}, shortQuote(quote, 400)))),
      body.wrap,
      rationale?.wrap,
      error,
      h('div', { class: 'dialog-actions' }, send, cancel),
    ]);
    composer.hidden = false;
    body.input.focus();
    const close = () => {
      composer.hidden = true;
      composer.replaceChildren();
      editor?.commands.focus();
    };
    cancel.addEventListener('click', close);
    composer.onkeydown = (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    };
    composer.onsubmit = (event) => {
      event.preventDefault();
      // aria-disabled does not stop Enter or a second click: without this the same text is sent twice.
      if (send.getAttribute('aria-disabled') === 'true') return;
      const problem = bodyProblem(body.input.value);
      if (problem) {
        error.textContent = t(problem === 'empty' ? 'bodyEmpty' : 'bodyTooLong');
        body.input.setAttribute('aria-invalid', 'true');
        body.input.setAttribute('aria-describedby', 'composer-error');
        body.input.focus();
        return;
      }
      send.setAttribute('aria-disabled', 'true');
      const call =
        kind === 'comment'
          ? annotationsApi.comment(documentName, start, end, body.input.value)
          : annotationsApi.suggest(documentName, start, end, body.input.value, rationale?.input.value ?? '');
      call.then(
        () => {
          close();
          void reload();
        },
        (failure: unknown) => {
          send.removeAttribute('aria-disabled');
          error.textContent = failureText(failure);
        },
      );
    };
  }

  const failureText = actionErrorMessage;
  // A reopened thread counts against its author's quota of open threads, and the editor who
  // reopens it is usually someone else: "Sie haben …" would blame the wrong person.
  const reopenFailureText = (failure: unknown): string =>
    failure instanceof ApiError && failure.status === 429 && failure.problemType?.endsWith(':quota-open-threads')
      ? t('quotaOpenThreadsReopen') : failureText(failure);

  // --- threads ----------------------------------------------------------------------------
  function authorLine(author: { name: string; you: boolean; pseudonym: boolean }, date: string): HTMLElement {
    const name = `${author.name}${author.pseudonym ? ` ${t('pseudonymMark')}` : ''}${author.you ? ` ${t('youMark')}` : ''}`;
    return h('p', { class: 'post-meta' }, t('byAuthor', { name, date: formatDateTime(date) }));
  }

  function renderPost(thread: Thread, post: Post): HTMLElement {
    const body = h('div', { class: 'post-body' });
    if (post.state === 'hidden') body.append(h('p', { class: 'post-state' }, icon('lock'), ` ${t('postHidden')}`));
    else if (post.state === 'deleted') body.append(h('p', { class: 'post-state' }, t('postDeleted')));
    if (post.state === 'pending') body.append(h('p', { class: 'post-state' }, icon('sync'), ` ${t('postPending')}`));
    // The server renders bodies with an allow-list (p br strong em ul ol li a): its html is safe.
    if (post.html !== null && post.state !== 'deleted') {
      const html = h('div', { class: 'post-html' });
      html.innerHTML = post.html;
      body.append(html);
    }
    if (post.hiddenReason) body.append(h('p', { class: 'muted' }, t('hiddenReason', { reason: post.hiddenReason })));
    if (post.restoredAt && post.state === 'visible') body.append(h('p', { class: 'post-state post-restored' }, icon('sync'), ` ${t('postRestoredNote', { date: formatDateTime(post.restoredAt) })}`));
    const item = h('li', { class: 'post', 'data-post': post.id }, authorLine(post.author, post.createdAt), body);
    if (reported.has(post.id)) item.append(h('p', { class: 'muted' }, t('reported')));
    else if (signedIn() && !post.author.you && post.state === 'visible') item.append(actionButton('report', () => reportPost(post, item)));
    void thread;
    return item;
  }

  function actionButton(key: MessageKey, run: () => void): HTMLButtonElement {
    // data-action names the button for the redraw's focus keeping: its text changes with the
    // language, and "Erledigen" becomes "Wieder öffnen".
    const button = i18nText(h('button', { type: 'button', class: 'button button-small', 'data-action': key }), key);
    button.addEventListener('click', run);
    return button;
  }

  function reportPost(post: Post, item: HTMLElement): void {
    // One form per post: another click on "Melden" goes back to the open one (ids stay unique).
    const open = item.querySelector<HTMLElement>('.report-form');
    if (open) {
      open.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    const reason = field(`report-${post.id}`, 'reportReason', false);
    const send = i18nText(h('button', { type: 'submit', class: 'button button-small button-primary' }), 'report');
    const message = h('p', { class: 'field-error', role: 'alert' });
    // An open form holds back every redraw of the list (render): it needs a way to be closed.
    const cancel = actionButton('cancel', () => {
      // Removing the form would drop the focus to the page's start (WCAG 2.4.3): back to "Melden".
      focusOrHeading(item.querySelector<HTMLElement>(':scope > [data-action="report"]'), item);
      form.remove();
      formClosed();
    });
    const form = h('form', { class: 'report-form inline-form', novalidate: true }, reason.wrap, send, cancel, message);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!startSending(send)) return;
      annotationsApi.report(documentName, post.id, reason.input.value).then(
        () => {
          reported.add(post.id);
          const note = h('p', { class: 'muted', role: 'status', tabindex: '-1' }, t('reported'));
          item.querySelector(':scope > [data-action="report"]')?.remove();
          form.replaceWith(note);
          note.focus();
          formClosed();
        },
        (failure: unknown) => {
          stopSending(send);
          message.textContent = failureText(failure);
        },
      );
    });
    item.append(form);
    reason.input.focus();
  }

  /** False while the button's request is still out: one request per form at a time. */
  function startSending(send: HTMLElement): boolean {
    if (send.getAttribute('aria-disabled') === 'true') return false;
    send.setAttribute('aria-disabled', 'true');
    return true;
  }

  function stopSending(send: HTMLElement): void {
    send.removeAttribute('aria-disabled');
  }

  /**
   * Moves the focus before the element holding it goes (a form removed, a list redrawn): to the
   * given control, or else to the heading of the thread around `within`.
   */
  function focusOrHeading(target: HTMLElement | null, within: HTMLElement): void {
    if (target?.isConnected) {
      target.focus();
      return;
    }
    within.closest('[data-thread]')?.querySelector<HTMLElement>('h3')?.focus();
  }

  /** The list answer holds a thread's first posts; the reader asked for all of them. */
  function showAllPosts(thread: Thread, article: HTMLElement): void {
    expanded.add(thread.id);
    run(getThread(documentName, thread.id, abort.signal).then((full) => {
      threads = threads.map((t) => (t.id === full.id ? full : t));
    }), article, () => render());
  }

  function run(call: Promise<unknown>, where: HTMLElement, done: () => void = () => void reload(),
    wording: (failure: unknown) => string = failureText): void {
    call.then(
      () => done(),
      (failure: unknown) => {
        where.querySelector('.thread-error')?.remove();
        where.append(h('p', { class: 'field-error thread-error', role: 'alert' }, wording(failure)));
      },
    );
  }

  /**
   * On suggestion-changed the threads are fetched again so the editor sees the new version; the
   * notice is kept per thread because that redraw replaces the article it was shown in.
   */
  function accept(thread: Thread, article: HTMLElement): void {
    changedSinceRead.delete(thread.id);
    annotationsApi.accept(documentName, thread).then(
      () => void reload(),
      (failure: unknown) => {
        if (failure instanceof ApiError && failure.problemType?.endsWith(':suggestion-changed')) {
          changedSinceRead.add(thread.id);
          article.querySelector('.thread-error')?.remove();
          article.append(changedNotice());
          void reload();
          return;
        }
        if (failure instanceof ApiError && failure.problemType?.endsWith(':suggestion-accept-pending')) {
          // Not a failure yet: the edit is still being stored, and a live event redraws the
          // thread when it is (or when it was refused and the suggestion is open again).
          acceptPending.add(thread.id);
          void reload();
          return;
        }
        article.querySelector('.thread-error')?.remove();
        article.append(h('p', { class: 'field-error thread-error', role: 'alert' }, failureText(failure)));
      },
    );
  }

  function changedNotice(): HTMLElement {
    return h('p', { class: 'field-error thread-error', role: 'alert' }, t('suggestionChanged'));
  }

  function renderThread(thread: Thread): HTMLElement {
    const titleId = `thread-${thread.id}-title`;
    const kindKey: MessageKey = thread.kind === 'suggestion' ? 'threadSuggestion' : 'threadComment';
    // An accepted suggestion replaced its own passage: the anchor is gone by design, not a loss.
    const passageLost = thread.anchor.state === 'passage-deleted' && thread.suggestion?.state !== 'accepted';
    const badges = h(
      'p',
      { class: 'thread-badges' },
      h('span', { class: `badge badge-${thread.status}` }, t(thread.status === 'open' ? 'threadOpen' : 'threadResolved')),
      thread.locked ? h('span', { class: 'badge' }, icon('lock'), ` ${t('threadLocked')}`) : null,
      passageLost ? h('span', { class: 'badge badge-deleted' }, icon('warning'), ` ${t('passageDeleted')}`) : null,
    );
    const quote = documentText(h('blockquote', { class: passageLost ? 'quote-deleted' : '' }, shortQuote(thread.anchor.quote)));
    const article = h(
      'article',
      { class: `thread thread-${thread.kind} thread-${thread.status}`, 'aria-labelledby': titleId, 'data-thread': thread.id },
      h('h3', { id: titleId, tabindex: '-1' }, `${t(kindKey)} – ${thread.author.name}${thread.author.pseudonym ? ` ${t('pseudonymMark')}` : ''}`),
      badges,
      quote,
    );
    if (thread.anchor.changed && thread.anchor.state === 'attached') article.append(h('p', { class: 'muted' }, t('passageChanged')));
    if (thread.suggestion) {
      const stateKey = `suggestion.${thread.suggestion.state}`;
      article.append(h('p', { class: 'suggestion-state' }, t('suggestionState', { state: hasMessage(stateKey) ? t(stateKey) : thread.suggestion.state })));
      if (thread.suggestion.reason) article.append(h('p', { class: 'suggestion-reason' }, t('hiddenReason', { reason: thread.suggestion.reason })));
      if (thread.suggestion.replacement !== null) article.append(h('p', { class: 'replacement' }, h('strong', {}, t('proposedText')), documentText(h('ins', {}, thread.suggestion.replacement))));
    }
    article.append(h('ol', { class: 'posts' }, ...thread.posts.map((post) => renderPost(thread, post))));

    const buttons = h('div', { class: 'thread-actions' });
    if (thread.morePosts) buttons.append(actionButton('showAllPosts', () => showAllPosts(thread, article)));
    if (thread.anchor.state === 'attached') buttons.append(actionButton('showPassage', () => showPassage(thread)));
    if (signedIn() && !thread.locked) buttons.append(actionButton('reply', () => openReply(thread, article)));
    if (canEdit) {
      if (thread.kind === 'suggestion' && thread.suggestion?.state === 'open') {
        buttons.append(actionButton('accept', () => accept(thread, article)));
        buttons.append(actionButton('reject', () => openReject(thread, article)));
      } else if (thread.status === 'open') buttons.append(actionButton('resolve', () => run(annotationsApi.resolve(documentName, thread.id), article)));
      else buttons.append(actionButton('reopen', () => run(annotationsApi.reopen(documentName, thread.id), article, undefined, reopenFailureText)));
    }
    if (changedSinceRead.has(thread.id) && thread.suggestion?.state === 'open') article.append(changedNotice());
    if (acceptPending.has(thread.id)) {
      if (thread.suggestion?.state === 'accepted') article.append(h('p', { class: 'notice thread-error', role: 'status' }, t('acceptPending')));
      else acceptPending.delete(thread.id); // refused: shown open again, nothing pending
    }
    article.append(buttons);
    return h('li', {}, article);
  }

  /**
   * A small form under a thread (reply, rejection): one text field, checked before sending; on
   * success the list is fetched again, on failure the reason is shown next to the field.
   */
  function threadForm(article: HTMLElement, kind: 'reply' | 'reject', id: string, labelKey: MessageKey, sendKey: MessageKey, check: (value: string) => MessageKey | null, submit: (value: string) => Promise<unknown>): void {
    if (article.querySelector(`.${kind}-form`)) return;
    const input = field(id, labelKey, true);
    const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
    const send = i18nText(h('button', { type: 'submit', class: 'button button-small button-primary' }), sendKey);
    // The button that opened the form takes the focus back when it goes (sent or cancelled).
    const opener = () => article.querySelector<HTMLElement>(`.thread-actions [data-action="${kind}"]`);
    const cancel = actionButton('cancel', () => {
      focusOrHeading(opener(), article);
      form.remove();
      formClosed();
    });
    const form = h('form', { class: `${kind}-form inline-form`, novalidate: true }, input.wrap, error, h('div', { class: 'dialog-actions' }, send, cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problem = check(input.input.value);
      if (problem) {
        error.textContent = t(problem);
        input.input.setAttribute('aria-invalid', 'true');
        input.input.setAttribute('aria-describedby', error.id);
        input.input.focus();
        return;
      }
      if (!startSending(send)) return;
      submit(input.input.value).then(
        () => {
          // Sent: the text is on the server now, so the form may go and the list be redrawn.
          focusOrHeading(opener(), article);
          form.remove();
          void reload();
        },
        (failure: unknown) => {
          stopSending(send);
          error.textContent = failureText(failure);
        },
      );
    });
    article.append(form);
    input.input.focus();
  }

  function openReply(thread: Thread, article: HTMLElement): void {
    threadForm(article, 'reply', `reply-${thread.id}`, 'replyLabel', 'send', (value) => {
      const problem = bodyProblem(value);
      return problem === null ? null : problem === 'empty' ? 'bodyEmpty' : 'bodyTooLong';
    }, (value) => annotationsApi.reply(documentName, thread.id, value));
  }

  /** Rejecting needs a reason (the suggester reads it under the suggestion). */
  function openReject(thread: Thread, article: HTMLElement): void {
    threadForm(article, 'reject', `reject-${thread.id}`, 'rejectReason', 'reject', (value) => (value.trim() === '' ? 'reasonRequired' : null),
      (value) => annotationsApi.reject(documentName, thread.id, value));
  }

  function showPassage(thread: Thread): void {
    if (!editor || !ydoc) return;
    const range = resolveRange(editor.state, ydoc, thread);
    if (!range) return;
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  }

  /** A form in the list was closed or sent: a redraw held back for it can happen now. */
  function formClosed(): void {
    if (redrawWaiting) render();
  }

  function render(): void {
    renderActions();
    // A reply, rejection or report being written lives only in the list's DOM (its text, its error
    // after a failed send): redrawing would delete it, whether or not the focus is still in its
    // field. So nothing is redrawn while such a form is open; the threads are kept up to date and
    // drawn once the last form is sent or closed, and the reader is told that news is waiting.
    if (list.querySelector('form')) {
      redrawWaiting = true;
      waiting.hidden = false;
      return;
    }
    redrawWaiting = false;
    waiting.hidden = true;
    if (!available) {
      status.replaceChildren(h('p', { class: 'notice' }, icon('warning'), h('span', {}, t('annotationsUnavailable'))));
      list.replaceChildren();
      return;
    }
    status.replaceChildren(signedIn() ? '' : h('p', { class: 'muted' }, t('signInToComment')));
    if (threads.length === 0) {
      list.replaceChildren(h('li', { class: 'muted' }, t('noThreads')));
      return;
    }
    // Keep the focus in the same thread when a refetch redraws the list: on the same button, on
    // its counterpart after a toggle ("Erledigen" ↔ "Wieder öffnen"), or on the thread's heading
    // when the button is gone (an accepted suggestion); never lost to the page's start.
    const active = document.activeElement as HTMLElement | null;
    const focusThread = list.contains(active) ? active?.closest<HTMLElement>('[data-thread]')?.dataset.thread : undefined;
    const focusAction = active?.tagName === 'BUTTON' ? active.dataset.action : active?.tagName === 'H3' ? 'heading' : undefined;
    const focusPost = active?.closest<HTMLElement>('[data-post]')?.dataset.post;
    list.replaceChildren(...sortThreads(threads).map(renderThread));
    if (focusThread && focusAction) {
      const again = list.querySelector<HTMLElement>(`[data-thread="${CSS.escape(focusThread)}"]`);
      if (again) {
        const counterpart = TOGGLED[focusAction];
        const scope = focusPost ? `[data-post="${CSS.escape(focusPost)}"] >` : '.thread-actions';
        const button =
          again.querySelector<HTMLElement>(`${scope} [data-action="${focusAction}"]`) ??
          (counterpart ? again.querySelector<HTMLElement>(`${scope} [data-action="${counterpart}"]`) : null);
        (button ?? again.querySelector<HTMLElement>('h3'))?.focus();
      }
    }
  }

  function refreshHighlights(): void {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(highlightKey, true));
  }

  async function reload(): Promise<void> {
    try {
      const listed = await listThreads(documentName, abort.signal);
      threads = await Promise.all(listed.map((t) => (t.morePosts && expanded.has(t.id) ? getThread(documentName, t.id, abort.signal) : t)));
      available = true;
    } catch (error) {
      if ((error as Error).name === 'AbortError' || disposed) return;
      if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501)) available = false;
      else {
        status.replaceChildren(h('p', { class: 'notice notice-problem' }, icon('warning'), h('span', {}, t('annotationsFailed', { detail: errorDetail(error) }))));
        return;
      }
    }
    if (disposed) return;
    section.dataset.count = String(threads.length); // read by the end-to-end test
    render();
    refreshHighlights();
  }

  function scheduleReload(): void {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      void reload().then(() => (live.textContent = t(redrawWaiting ? 'annotationsWaiting' : 'annotationsUpdated')));
    }, 150);
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (!editor || !(event.ctrlKey || event.metaKey) || !event.altKey || event.shiftKey) return;
    // Windows reports AltGr as Ctrl+Alt: AltGr+M types µ on German keyboards and must not be taken.
    if (event.getModifierState?.('AltGraph')) return;
    const kind = event.code === 'KeyM' ? 'comment' : event.code === 'KeyS' ? 'suggestion' : null;
    if (!kind) return;
    const dom = editor.view.dom;
    const anchor = document.getSelection()?.anchorNode ?? null;
    if (!dom.contains(document.activeElement) && !(anchor && dom.contains(anchor))) return;
    event.preventDefault();
    openComposer(kind);
  }

  /** The editor's selection, or the browser's selection inside the (read-only) text. */
  function currentRange(): { from: number; to: number } | null {
    if (!editor) return null;
    const { from, to } = editor.state.selection;
    if (from !== to) return { from, to };
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const dom = editor.view.dom;
    if (!dom.contains(range.startContainer) || !dom.contains(range.endContainer)) return null;
    try {
      const a = editor.view.posAtDOM(range.startContainer, range.startOffset);
      const b = editor.view.posAtDOM(range.endContainer, range.endOffset);
      return a < b ? { from: a, to: b } : null;
    } catch {
      return null;
    }
  }

  const extension = Extension.create({
    name: 'annotations',

    addProseMirrorPlugins: () => [
      new Plugin({
        key: highlightKey,
        props: {
          decorations(state) {
            if (!ydoc) return null;
            const decorations: Decoration[] = [];
            for (const thread of threads) {
              if (thread.status !== 'open') continue;
              const range = resolveRange(state, ydoc, thread);
              if (range) decorations.push(Decoration.inline(range.from, range.to, { class: `annotated annotated-${thread.kind}`, 'data-thread': thread.id }));
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ],
  });

  const unsubscribeLanguage = onLanguageChange(render);
  render();

  return {
    extension,
    actions,
    section,
    setCanEdit(value) {
      if (canEdit === value) return;
      canEdit = value;
      render();
    },
    refresh() {
      render();
      void reload();
    },
    attach(ed, doc, provider) {
      editor = ed;
      ydoc = doc;
      // Strg/Ctrl+Alt+M and +S, read from the physical key (Alt changes the character on some
      // layouts). Listened for on the document: a read-only text cannot hold the keyboard focus,
      // but its selection can be made (mouse, caret browsing) and then commented. A Tiptap keymap
      // is not used: it swallowed Strg+B/I here.
      document.addEventListener('keydown', onKeyDown);
      provider.on('stateless', ({ payload }: { payload: string }) => {
        const event = parseAnnotationEvent(payload, documentName);
        if (!event) return;
        // The server pushes these for a pending accept once its edit is stored or refused.
        if (event.thread && (event.type === 'suggestion.accepted' || event.type === 'thread.updated')) acceptPending.delete(event.thread);
        scheduleReload();
      });
      provider.on('synced', refreshHighlights);
      void reload();
    },
    dispose() {
      disposed = true;
      document.removeEventListener('keydown', onKeyDown);
      abort.abort();
      if (pending) clearTimeout(pending);
      unsubscribeLanguage();
    },
  };
}
