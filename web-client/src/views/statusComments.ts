// "Kommentare (n)" under a pledge's status on the comparison page: the comments on that status
// entry (server: annotation threads whose target is the entry — same moderation, rendering and
// erasure as comments on the text) and, for signed-in people, a form to add one.
import { parseThread, type Post, type Thread } from '../annotations';
import { errorDetail, knownErrorMessage } from '../actionErrors';
import { annotationsApi, listStatusComments } from '../annotationsApi';
import { h } from '../dom';
import { formatDateTime, t } from '../i18n';
import { me } from '../session';

export interface StatusEntry {
  document: string;
  pledgeId: string;
  entry: number;
}

/**
 * What a reader has put into a status entry's comment block, kept by the page across its redraws
 * (the comparison page rebuilds every pledge after a link, an unlink or a language switch): the
 * text being typed, whether the block is open, and why the last send failed.
 */
export interface StatusDraft {
  text: string;
  open: boolean;
  error: string;
}
export type StatusDrafts = Map<string, StatusDraft>;

function draftKey(target: StatusEntry): string {
  return JSON.stringify([target.document, target.pledgeId, target.entry]);
}

let serial = 0;

export function statusComments(target: StatusEntry, signal: AbortSignal, drafts: StatusDrafts = new Map()): HTMLDetailsElement {
  const n = ++serial;
  const key = draftKey(target);
  const draft = (): StatusDraft => drafts.get(key) ?? { text: '', open: false, error: '' };
  const keep = (change: Partial<StatusDraft>) => {
    const next = { ...draft(), ...change };
    if (next.text === '' && !next.open && next.error === '') drafts.delete(key);
    else drafts.set(key, next);
  };
  const summary = h('summary', {}, t('statusCommentsLoading'));
  const list = h('ol', { class: 'status-comment-list' });
  const message = h('p', { class: 'status-comment-message', role: 'status', 'aria-live': 'polite' });
  const details = h('details', { class: 'status-comments', 'data-entry': String(target.entry), 'data-draft-key': key }, summary, list, message);
  details.open = draft().open;
  details.addEventListener('toggle', () => keep({ open: details.open }));

  function postItem(post: Post): HTMLElement {
    const item = h('li', { class: 'post', 'data-post': post.id }, h('p', { class: 'post-meta' }, t('byAuthor', { name: post.author.name, date: formatDateTime(post.createdAt) })));
    const note = post.state === 'hidden' ? 'postHidden' : post.state === 'pending' ? 'postPending' : post.state === 'deleted' ? 'postDeleted' : null;
    if (note) item.append(h('p', { class: 'post-state' }, t(note)));
    // Server-rendered with an allow-list (BodyRenderer): the only HTML inserted.
    if (post.html !== null && post.state !== 'deleted') {
      const html = h('div', { class: 'post-html' });
      html.innerHTML = post.html;
      item.append(html);
    }
    return item;
  }

  function show(threads: Thread[]): void {
    const posts = threads.flatMap((thread) => thread.posts);
    summary.textContent = t('statusComments', { count: posts.length });
    list.replaceChildren(...posts.map(postItem));
    list.hidden = posts.length === 0;
    if (posts.length === 0 && !draft().error) message.textContent = t('statusCommentsNone');
  }

  async function load(): Promise<void> {
    try {
      show(await listStatusComments(target.document, target.pledgeId, target.entry, signal));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      summary.textContent = t('statusComments', { count: '–' });
      message.textContent = knownErrorMessage(error) ?? t('statusCommentsFailed', { detail: errorDetail(error) });
    }
  }

  if (me().user === null) {
    details.append(h('p', { class: 'muted' }, t('statusCommentSignIn')));
  } else {
    const fieldId = `status-comment-${n}`;
    const field = h('textarea', { id: fieldId, name: 'body', rows: 3, maxlength: 10000, required: true });
    field.value = draft().text;
    if (draft().error) message.textContent = draft().error;
    field.addEventListener('input', () => keep({ text: field.value }));
    const send = h('button', { type: 'submit', class: 'button button-small' }, t('statusCommentSend'));
    const form = h('form', { class: 'status-comment-form' }, h('label', { for: fieldId }, t('statusCommentLabel')), field, send);
    // Set while the comment is on its way: a second Enter or click must not post it again.
    let sending = false;
    const done = () => {
      sending = false;
      send.removeAttribute('aria-disabled');
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (sending) return;
      const body = field.value.trim();
      if (!body) return;
      sending = true;
      send.setAttribute('aria-disabled', 'true');
      annotationsApi.commentOnStatus(target.document, target.pledgeId, target.entry, body).then(
        (created) => {
          done();
          field.value = '';
          keep({ text: '', error: '' });
          const pending = parseThread(created)?.posts[0]?.state === 'pending';
          void load().then(() => (message.textContent = t(pending ? 'statusCommentPending' : 'statusCommentSent')));
        },
        (error: unknown) => {
          done();
          message.textContent = knownErrorMessage(error) ?? t('statusCommentFailed', { detail: errorDetail(error) });
          keep({ error: message.textContent });
        },
      );
    });
    details.append(form);
  }
  void load();
  return details;
}
