// The moderators' page (/moderation): for every document, the reported posts and the posts
// waiting for approval, with hide / show again / approve / dismiss. Others see a sign-in note;
// the server checks MODERATE on every request anyway.
import { ApiError, listDocuments } from '../api';
import { annotationsApi } from '../annotationsApi';
import { parseQueue, type QueueEntry } from '../moderation';
import type { DocumentSummary } from '../documents';
import { h, i18nText, icon } from '../dom';
import { onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';
import { documentPath } from '../router';
import { me, roleRank } from '../session';
import type { View } from './view';

export function moderationPage(main: HTMLElement): View {
  const abort = new AbortController();
  const heading = i18nText(h('h1', { id: 'page-title' }), 'moderationTitle');
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'moderation-body' }, h('p', { class: 'muted' }, t('loading')));
  const page = h('div', { class: 'page page-moderation' }, heading, i18nText(h('p', { class: 'lead' }), 'moderationIntro'), body, live);
  main.replaceChildren(page);
  main.setAttribute('aria-labelledby', 'page-title');
  let queues: { doc: DocumentSummary; entries: QueueEntry[] }[] = [];
  let problem: { key: MessageKey; detail?: string } | null = null;

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
            (value) => ({ doc, entries: parseQueue(value) }),
            (error: unknown) => {
              if (error instanceof ApiError && error.status === 403) return null; // not this moderator's document
              throw error;
            },
          ),
        ),
      );
      queues = answers.filter((q): q is { doc: DocumentSummary; entries: QueueEntry[] } => q !== null);
      problem = null;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
      problem = missing ? { key: 'moderationUnavailable' } : { key: 'moderationFailed', detail: (error as Error).message };
    }
    render();
  }

  function act(call: Promise<unknown>): void {
    call.then(
      () => {
        live.textContent = t('annotationsUpdated');
        void load();
      },
      (error: unknown) => (live.textContent = t('actionFailed', { detail: (error as Error).message })),
    );
  }

  function entryItem(doc: DocumentSummary, entry: QueueEntry): HTMLElement {
    const text = h('div', { class: 'post-body' });
    if (entry.post.html !== null) text.innerHTML = entry.post.html; // sanitized by the server
    else text.textContent = entry.post.body ?? '';
    const buttons = h('div', { class: 'thread-actions' });
    const button = (key: MessageKey, run: () => void) => {
      const b = i18nText(h('button', { type: 'button', class: 'button button-small' }), key);
      b.addEventListener('click', run);
      buttons.append(b);
    };
    if (entry.kind === 'pending') button('approve', () => act(annotationsApi.approve(doc.name, entry.post.id)));
    if (entry.post.state === 'hidden') button('restore', () => act(annotationsApi.restore(doc.name, entry.post.id)));
    else button('hide', () => act(annotationsApi.hide(doc.name, entry.post.id, entry.reason ?? '')));
    if (entry.reportId) button('dismiss', () => act(annotationsApi.dismiss(doc.name, entry.reportId!)));
    return h(
      'li',
      { class: `queue-entry queue-${entry.kind}` },
      h('p', { class: 'post-meta' }, h('strong', {}, entry.post.author), ' — ', entry.kind === 'pending' ? t('postPending') : t('report')),
      entry.reason ? h('p', {}, t('hiddenReason', { reason: entry.reason })) : null,
      text,
      buttons,
    );
  }

  function render(): void {
    if (problem) {
      page.dataset.moderationState = problem.key === 'moderationSignIn' ? 'forbidden' : problem.key === 'moderationUnavailable' ? 'unavailable' : 'failed';
      body.replaceChildren(notice(problem.key, problem.detail, problem.key === 'moderationFailed'));
      return;
    }
    page.dataset.moderationState = 'ready';
    const withEntries = queues.filter((q) => q.entries.length > 0);
    if (withEntries.length === 0) {
      body.replaceChildren(h('p', {}, t('moderationEmpty')));
      return;
    }
    body.replaceChildren(
      ...withEntries.map((q, index) =>
        h(
          'section',
          { 'aria-labelledby': `queue-${index}` },
          h('h2', { id: `queue-${index}` }, h('a', { href: documentPath(q.doc.name) }, q.doc.title)),
          h('ul', { class: 'queue' }, ...q.entries.map((entry) => entryItem(q.doc, entry))),
        ),
      ),
    );
  }

  const unsubscribe = onLanguageChange(render);
  void load();
  return {
    title: () => `${t('moderationTitle')} – Pledgepad`,
    dispose() {
      abort.abort();
      unsubscribe();
    },
  };
}
