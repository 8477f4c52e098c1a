// The moderators' page (/moderation): for every document, the reported posts, the posts waiting
// for approval, the hidden posts (which can be restored) and the recently restored ones, each
// with its decision history (who hid or restored it, when, why). The page listens to the
// documents' annotation events and reloads a document's queue when it changed: no reload needed.
// Others see a sign-in note; the server checks MODERATE on every request anyway.
import { ApiError, listDocuments } from '../api';
import { actionErrorMessage, errorDetail } from '../actionErrors';
import { annotationsApi } from '../annotationsApi';
import { changesQueue, isEmpty, parseModeration, type Decision, type Moderation, type ModerationCase, type QueueEntry, type QueuePost } from '../moderation';
import { watchModeration, type LiveWatch } from '../moderationLive';
import type { DocumentSummary } from '../documents';
import { documentText, h, i18nText, icon } from '../dom';
import { formatDateTime, hasMessage, onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';
import { documentPath } from '../router';
import { me, roleRank } from '../session';
import type { View } from './view';

interface DocumentQueue {
  doc: DocumentSummary;
  moderation: Moderation;
}

export function moderationPage(main: HTMLElement): View {
  const abort = new AbortController();
  const heading = i18nText(h('h1', { id: 'page-title', tabindex: '-1' }), 'moderationTitle');
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'moderation-body' }, h('p', { class: 'muted' }, t('loading')));
  const page = h('div', { class: 'page page-moderation' }, heading, i18nText(h('p', { class: 'lead' }), 'moderationIntro'), body, live);
  main.replaceChildren(page);
  main.setAttribute('aria-labelledby', 'page-title');
  let queues: DocumentQueue[] = [];
  /** What went wrong; the cause is worded when drawn, so a language switch rewords it. */
  let problem: { key: MessageKey; cause?: unknown } | null = null;
  let watch: LiveWatch | null = null;
  let disposed = false;
  /** A redraw waiting because a moderator is typing a reason (never throw away their text). */
  let redrawLater = false;
  // Reasons being written and the outcome of failed actions, by document/post(/form): the queue is
  // drawn anew after every event and every own action, and these must survive that. Deferring
  // alone is not enough: after a click elsewhere or on another entry's button the focus is gone.
  const drafts = new Map<string, string>();
  const missingReason = new Set<string>();
  const failures = new Map<string, string>();
  const reloadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Where the focus goes after one's own action redraws the queue (WCAG 2.4.3): the acted-on entry
   * leaves its list, so the next entry of that list (else the previous one), else the list's
   * heading, else the page's heading.
   */
  let focusAfter: { doc: string; post: string | null; part: string | null } | null = null;

  function notice(key: MessageKey, detail = '', isProblem = false): HTMLElement {
    return h('div', { class: `notice${isProblem ? ' notice-problem' : ''}`, role: isProblem ? 'alert' : 'status' }, icon(isProblem ? 'warning' : 'lock'), h('p', {}, t(key, { detail })));
  }

  async function load(): Promise<void> {
    if (roleRank(me().role) < roleRank('moderator')) {
      problem = { key: 'moderationSignIn' };
      render();
      return;
    }
    try {
      const documents = await listDocuments(abort.signal);
      // All documents at once: each queue request loads that document on the server.
      const answers = await Promise.all(
        documents.map((doc) =>
          annotationsApi.queue(doc.name, abort.signal).then(
            (value) => ({ doc, moderation: parseModeration(value) }),
            (error: unknown) => {
              if (error instanceof ApiError && error.status === 403) return null; // not this moderator's document
              throw error;
            },
          ),
        ),
      );
      queues = answers.filter((q): q is DocumentQueue => q !== null);
      problem = null;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
      problem = missing ? { key: 'moderationUnavailable' } : { key: 'moderationFailed', cause: error };
    }
    if (disposed) return;
    render();
    if (!problem && !watch) watch = watchModeration(queues.map((q) => q.doc.name), onEvent);
  }

  /** Reloads one document's queue (after an event or an action of this moderator). */
  async function reloadDocument(name: string, announce: MessageKey): Promise<void> {
    const entry = queues.find((q) => q.doc.name === name);
    if (!entry) return;
    let next: Moderation;
    try {
      next = parseModeration(await annotationsApi.queue(name, abort.signal));
    } catch (error) {
      if ((error as Error).name === 'AbortError' || disposed) return;
      live.textContent = actionErrorMessage(error);
      return;
    }
    if (disposed) return;
    // The event of one's own action arrives after its reload: nothing new, nothing to announce.
    const changed = JSON.stringify(next) !== JSON.stringify(entry.moderation);
    entry.moderation = next;
    const ownAction = announce !== 'moderationQueueChanged';
    if (!changed && !ownAction) return;
    render(ownAction);
    live.textContent = t(announce);
  }

  function onEvent(name: string, event: { type: string }): void {
    if (!changesQueue(event.type)) return;
    // Events come in bursts (a hide closes reports too): one reload per document and burst.
    clearTimeout(reloadTimers.get(name));
    reloadTimers.set(name, setTimeout(() => {
      reloadTimers.delete(name);
      void reloadDocument(name, 'moderationQueueChanged');
    }, 150));
  }

  function act(doc: DocumentSummary, postId: string, call: Promise<unknown>, where: HTMLElement): void {
    const key = `${doc.name}/${postId}`;
    call.then(
      () => {
        const neighbour = (where.nextElementSibling ?? where.previousElementSibling) as HTMLElement | null;
        focusAfter = { doc: doc.name, post: neighbour?.dataset.post ?? null, part: where.closest('.queue-part')?.querySelector('h3')?.id ?? null };
        failures.delete(key);
        for (const draft of [...drafts.keys()]) if (draft.startsWith(`${key}/`)) drafts.delete(draft);
        void reloadDocument(doc.name, 'annotationsUpdated');
      },
      (error: unknown) => {
        const text = actionErrorMessage(error);
        failures.set(key, text);
        live.textContent = text;
        if (where.isConnected) where.append(failureLine(text, where));
        else render(true); // redrawn meanwhile: the entry shown now gets the message
      },
    );
  }

  function failureLine(text: string, item: HTMLElement): HTMLElement {
    item.querySelector('.action-error')?.remove();
    return h('p', { class: 'field-error action-error', role: 'alert' }, text);
  }

  function withFailure(doc: DocumentSummary, postId: string, item: HTMLElement): HTMLElement {
    const text = failures.get(`${doc.name}/${postId}`);
    if (text) item.append(failureLine(text, item));
    return item;
  }

  function postText(post: QueuePost): HTMLElement {
    const text = h('div', { class: 'post-body' });
    if (post.html !== null) text.innerHTML = post.html; // sanitized by the server (BodyRenderer)
    else text.textContent = post.body ?? '';
    return text;
  }

  function decisionLine(d: Decision): HTMLElement {
    const key = `decision.${d.action}`;
    const what = hasMessage(key) ? t(key, { actor: d.actor, date: formatDateTime(d.at) }) : `${d.action} – ${d.actor}, ${formatDateTime(d.at)}`;
    return h('li', { 'data-action': d.action }, what, d.reason ? ` – ${t('hiddenReason', { reason: d.reason })}` : '');
  }

  function history(decisions: Decision[], id: string): HTMLElement | null {
    if (decisions.length === 0) return null;
    return h('div', { class: 'case-history' }, h('h4', { id }, t('caseHistory')), h('ol', { class: 'decisions', 'aria-labelledby': id }, ...decisions.map(decisionLine)));
  }

  /** A text field with its label and a button that runs with the field's value. */
  function reasonForm(id: string, draftKey: string, labelKey: MessageKey, initial: string, buttonKey: MessageKey, required: boolean, run: (reason: string, form: HTMLElement) => void): HTMLElement {
    const input = h('input', { id, type: 'text', class: 'reason-input' });
    input.dataset.draft = draftKey;
    input.value = drafts.get(draftKey) ?? initial;
    const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
    const showMissing = () => {
      error.textContent = t('reasonRequired');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
    };
    if (missingReason.has(draftKey)) showMissing();
    input.addEventListener('input', () => {
      drafts.set(draftKey, input.value);
      missingReason.delete(draftKey);
    });
    const button = i18nText(h('button', { type: 'submit', class: 'button button-small' }), buttonKey);
    const form = h('form', { class: 'inline-form reason-form', novalidate: true }, h('div', { class: 'field' }, i18nText(h('label', { for: id }), labelKey), input), button, error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (required && input.value.trim() === '') {
        missingReason.add(draftKey);
        showMissing();
        input.focus();
        return;
      }
      run(input.value, form);
    });
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget as Node | null)) setTimeout(redrawIfWaiting, 0);
    });
    return form;
  }

  function smallButton(key: MessageKey, run: () => void): HTMLButtonElement {
    const b = i18nText(h('button', { type: 'button', class: 'button button-small' }), key);
    b.addEventListener('click', run);
    return b;
  }

  function entryItem(doc: DocumentSummary, entry: QueueEntry, key: string): HTMLElement {
    const item = h(
      'li',
      { class: `queue-entry queue-${entry.kind}`, 'data-post': entry.post.id, tabindex: '-1' },
      h('p', { class: 'post-meta' }, h('strong', {}, entry.post.author), ' — ', entry.kind === 'pending' ? t('postPending') : t('reportEntry')),
      entry.reason ? h('p', {}, t('hiddenReason', { reason: entry.reason })) : null,
      postText(entry.post),
      history(entry.history, `${key}-history`),
    );
    const buttons = h('div', { class: 'thread-actions' });
    if (entry.kind === 'pending') buttons.append(smallButton('approve', () => act(doc, entry.post.id, annotationsApi.approve(doc.name, entry.post.id), item)));
    if (entry.reportId) buttons.append(smallButton('dismiss', () => act(doc, entry.post.id, annotationsApi.dismiss(doc.name, entry.reportId!), item)));
    item.append(
      reasonForm(`${key}-hide`, `${doc.name}/${entry.post.id}/hide`, 'hideReason', entry.reason ?? '', 'hide', true, (reason) => act(doc, entry.post.id, annotationsApi.hide(doc.name, entry.post.id, reason), item)),
      buttons,
    );
    return withFailure(doc, entry.post.id, item);
  }

  function caseItem(doc: DocumentSummary, c: ModerationCase, key: string, hidden: boolean): HTMLElement {
    const item = h(
      'li',
      { class: `queue-entry queue-${hidden ? 'hidden' : 'restored'}`, 'data-post': c.post.id, tabindex: '-1' },
      h('p', { class: 'post-meta' }, h('strong', {}, c.post.author), ' — ', hidden ? t('postHidden') : t('queueRestored')),
      postText(c.post),
      c.post.hiddenReason ? h('p', {}, t('hiddenReason', { reason: c.post.hiddenReason })) : null,
    );
    if (c.reports.length > 0) {
      item.append(
        h('div', { class: 'case-reports' }, h('h4', { id: `${key}-reports` }, t('caseReports')), h('ul', { 'aria-labelledby': `${key}-reports` }, ...c.reports.map((r) => h('li', {}, t('reportLine', { date: formatDateTime(r.createdAt), reason: r.reason }))))),
      );
    }
    const trail = history(c.history, `${key}-history`);
    if (trail) item.append(trail);
    if (hidden) item.append(reasonForm(`${key}-restore`, `${doc.name}/${c.post.id}/restore`, 'restoreReason', '', 'restore', false, (reason) => act(doc, c.post.id, annotationsApi.restore(doc.name, c.post.id, reason), item)));
    return withFailure(doc, c.post.id, item);
  }

  function part(id: string, titleKey: MessageKey, items: HTMLElement[]): HTMLElement | null {
    if (items.length === 0) return null;
    return h('div', { class: 'queue-part' }, h('h3', { id, tabindex: '-1' }, t(titleKey)), h('ul', { class: 'queue', 'aria-labelledby': id }, ...items));
  }

  function documentSection(q: DocumentQueue, index: number): HTMLElement {
    const m = q.moderation;
    const k = `q${index}`;
    const reports = m.entries.filter((e) => e.kind === 'report');
    const pending = m.entries.filter((e) => e.kind === 'pending');
    return h(
      'section',
      { 'aria-labelledby': `queue-${index}`, 'data-document': q.doc.name },
      h('h2', { id: `queue-${index}` }, documentText(h('a', { href: documentPath(q.doc.name) }, q.doc.title))),
      part(`${k}-reports`, 'queueReports', reports.map((e, i) => entryItem(q.doc, e, `${k}-r${i}`))),
      part(`${k}-pending`, 'queuePending', pending.map((e, i) => entryItem(q.doc, e, `${k}-p${i}`))),
      part(`${k}-hidden`, 'queueHidden', m.hidden.map((c, i) => caseItem(q.doc, c, `${k}-h${i}`, true))),
      part(`${k}-restored`, 'queueRestored', m.restored.map((c, i) => caseItem(q.doc, c, `${k}-s${i}`, false))),
    );
  }

  /** A moderator is writing a reason (or about to send it): a redraw now would lose it. */
  function typing(): boolean {
    const active = document.activeElement;
    return !!active && body.contains(active) && active.closest('form.reason-form') !== null;
  }

  function redrawIfWaiting(): void {
    if (redrawLater && !typing()) render();
  }

  /** Draws the queues; `force` after the moderator's own action (its result must show). */
  function render(force = false): void {
    if (problem) {
      page.dataset.moderationState = problem.key === 'moderationSignIn' ? 'forbidden' : problem.key === 'moderationUnavailable' ? 'unavailable' : 'failed';
      body.replaceChildren(notice(problem.key, problem.cause === undefined ? '' : errorDetail(problem.cause), problem.key === 'moderationFailed'));
      return;
    }
    if (!force && typing()) {
      redrawLater = true;
      return;
    }
    redrawLater = false;
    page.dataset.moderationState = 'ready';
    const withEntries = queues.filter((q) => !isEmpty(q.moderation));
    const liveNote = i18nText(h('p', { class: 'muted moderation-live' }), 'moderationLive');
    if (withEntries.length === 0) {
      body.replaceChildren(liveNote, h('p', {}, t('moderationEmpty')));
      focusAfterAction();
      return;
    }
    // The focus goes back to the same field (with its caret) or button: ids follow the entries' order.
    const active = document.activeElement as HTMLElement | null;
    const inForm = active && body.contains(active) ? active.closest('form.reason-form') : null;
    const focusDraft = inForm?.querySelector<HTMLInputElement>('input[data-draft]')?.dataset.draft;
    const onField = active?.tagName === 'INPUT';
    const caret = onField ? [(active as HTMLInputElement).selectionStart, (active as HTMLInputElement).selectionEnd] : null;
    body.replaceChildren(liveNote, ...withEntries.map((q) => documentSection(q, queues.indexOf(q))));
    const field = focusDraft ? [...body.querySelectorAll<HTMLInputElement>('input[data-draft]')].find((input) => input.dataset.draft === focusDraft) : undefined;
    if (field) {
      if (onField) {
        field.focus();
        if (caret && caret[0] !== null && caret[1] !== null) field.setSelectionRange(caret[0], caret[1]);
      } else field.closest('form')?.querySelector<HTMLButtonElement>('button')?.focus();
    }
    focusAfterAction();
  }

  /** After one's own action: only when the redraw took the focus away (the moderator may have moved on). */
  function focusAfterAction(): void {
    const target = focusAfter;
    focusAfter = null;
    if (!target || body.contains(document.activeElement)) return;
    const section = [...body.querySelectorAll<HTMLElement>('section[data-document]')].find((el) => el.dataset.document === target.doc);
    const entry = target.post ? [...(section?.querySelectorAll<HTMLElement>('.queue-entry') ?? [])].find((el) => el.dataset.post === target.post) : undefined;
    const part = target.part ? section?.querySelector<HTMLElement>(`[id="${CSS.escape(target.part)}"]`) : null;
    (entry ?? part ?? heading).focus();
  }

  const unsubscribe = onLanguageChange(() => render());
  void load();
  return {
    title: () => `${t('moderationTitle')} – Pledgepad`,
    dispose() {
      disposed = true;
      abort.abort();
      unsubscribe();
      for (const timer of reloadTimers.values()) clearTimeout(timer);
      watch?.dispose();
    },
  };
}
