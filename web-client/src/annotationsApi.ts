// The REST paths of comments, suggestions and moderation in one place (server: annotations
// routes). Every call returns the parsed answer or throws ApiError; the views decide what to say.
import { getJson, sendJson } from './api';
import { parseThread, parseThreadPage, type Thread } from './annotations';

const doc = (name: string) => `/api/documents/${encodeURIComponent(name)}`;
const id = encodeURIComponent;

/**
 * Pages followed before a list stops: far beyond a document's 5,000 visible threads at the
 * server's 200 per page (and a thread's posts at 100 per page), so only a server that keeps
 * answering "next" is cut short.
 */
export const MAX_PAGES = 100;

/** `url` with the page's cursor (none on the first page). */
const paged = (url: string, cursor: string | null) => (cursor === null ? url : `${url}?cursor=${encodeURIComponent(cursor)}`);

/**
 * Every page of a paged list (keyset cursor, `next` while more exist), in order; stops when the
 * server repeats its cursor or after {@link MAX_PAGES}.
 */
async function followPages<T extends { next: string | null }>(url: string, parse: (value: unknown) => T, signal?: AbortSignal): Promise<T[]> {
  const pages: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = parse(await getJson(paged(url, cursor), signal));
    pages.push(answer);
    if (answer.next === null || answer.next === cursor) break;
    cursor = answer.next;
  }
  return pages;
}

/**
 * Every thread on the document's text, oldest first: the server answers in pages (keyset cursor,
 * `next` while more exist), each thread with its first posts (`morePosts`: {@link getThread} has
 * the rest).
 */
export async function listThreads(name: string, signal?: AbortSignal): Promise<Thread[]> {
  return (await followPages(`${doc(name)}/annotations`, parseThreadPage, signal)).flatMap((page) => page.threads);
}

function parseThreadAnswer(value: unknown): { thread: Thread; next: string | null } {
  const thread = parseThread(value);
  if (!thread) throw new Error('unexpected thread answer');
  const next = (value as { next?: unknown }).next;
  return { thread, next: typeof next === 'string' ? next : null };
}

/**
 * One thread with all its posts: the server answers the posts in pages (`next` while more exist);
 * the thread itself as the last page shows it (the freshest), with the posts of every page.
 */
export async function getThread(name: string, thread: string, signal?: AbortSignal): Promise<Thread> {
  const pages = await followPages(`${doc(name)}/threads/${id(thread)}`, parseThreadAnswer, signal);
  return { ...pages[pages.length - 1].thread, posts: pages.flatMap((page) => page.thread.posts) };
}

/** Comments on entry {@code entry} of a pledge's status history (threads with that target). */
const statusComments = (name: string, pledge: string, entry: number) => `${doc(name)}/pledges/${id(pledge)}/status/${entry}/comments`;

/**
 * Every comment on the entry, oldest first: pages like the document's list, each thread with its
 * first posts; a thread with more (`morePosts`) is loaded whole.
 */
export async function listStatusComments(name: string, pledge: string, entry: number, signal?: AbortSignal): Promise<Thread[]> {
  const listed = (await followPages(statusComments(name, pledge, entry), parseThreadPage, signal)).flatMap((page) => page.threads);
  return Promise.all(listed.map((t) => (t.morePosts ? getThread(name, t.id, signal) : t)));
}

export const annotationsApi = {
  commentOnStatus: (name: string, pledge: string, entry: number, body: string) => sendJson('POST', statusComments(name, pledge, entry), { body }),
  comment: (name: string, start: string, end: string, body: string) => sendJson('POST', `${doc(name)}/comments`, { start, end, body }),
  suggest: (name: string, start: string, end: string, replacement: string, rationale: string) => sendJson('POST', `${doc(name)}/suggestions`, { start, end, replacement, rationale }),
  reply: (name: string, thread: string, body: string) => sendJson('POST', `${doc(name)}/threads/${id(thread)}/replies`, { body }),
  resolve: (name: string, thread: string) => sendJson('POST', `${doc(name)}/threads/${id(thread)}/resolve`),
  reopen: (name: string, thread: string) => sendJson('POST', `${doc(name)}/threads/${id(thread)}/reopen`),
  // Names the suggestion as the editor was shown it: the server refuses (409 suggestion-changed)
  // if the suggester changed the text or the passage since, instead of applying what was not read.
  accept: (name: string, thread: Pick<Thread, 'id' | 'anchor' | 'suggestion'>) =>
    sendJson('POST', `${doc(name)}/suggestions/${id(thread.id)}/accept`, {
      reviewed: { replacement: thread.suggestion?.replacement ?? '', start: thread.anchor.start, end: thread.anchor.end, quote: thread.anchor.quote },
    }),
  reject: (name: string, thread: string, reason: string) => sendJson('POST', `${doc(name)}/suggestions/${id(thread)}/reject`, { reason }),
  report: (name: string, post: string, reason: string) => sendJson('POST', `${doc(name)}/posts/${id(post)}/report`, { reason }),
  queue: (name: string, signal?: AbortSignal) => getJson(`${doc(name)}/moderation/queue`, signal),
  hide: (name: string, post: string, reason: string) => sendJson('POST', `${doc(name)}/posts/${id(post)}/hide`, { reason }),
  restore: (name: string, post: string, reason = '') => sendJson('POST', `${doc(name)}/posts/${id(post)}/restore`, { reason }),
  approve: (name: string, post: string) => sendJson('POST', `${doc(name)}/posts/${id(post)}/approve`),
  dismiss: (name: string, report: string) => sendJson('POST', `${doc(name)}/reports/${id(report)}/dismiss`, { reason: '' }),
};
