// The REST paths of comments, suggestions and moderation in one place (server: annotations
// routes). Every call returns the parsed answer or throws ApiError; the views decide what to say.
import { getJson, sendJson } from './api';
import { parseThread, parseThreadPage, parseThreads, type Thread } from './annotations';

const doc = (name: string) => `/api/documents/${encodeURIComponent(name)}`;
const id = encodeURIComponent;

/**
 * Pages followed before the list stops: far beyond a document's 5,000 visible threads at the
 * server's 200 per page, so only a server that keeps answering "next" is cut short.
 */
export const MAX_PAGES = 100;

/**
 * Every thread on the document's text, oldest first: the server answers in pages (keyset cursor,
 * `next` while more exist), each thread with its first posts (`morePosts`: {@link getThread} has
 * the rest).
 */
export async function listThreads(name: string, signal?: AbortSignal): Promise<Thread[]> {
  const threads: Thread[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = parseThreadPage(await getJson(`${doc(name)}/annotations${cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`}`, signal));
    threads.push(...answer.threads);
    if (answer.next === null || answer.next === cursor) break;
    cursor = answer.next;
  }
  return threads;
}

/** One thread with all its posts. */
export async function getThread(name: string, thread: string, signal?: AbortSignal): Promise<Thread> {
  const parsed = parseThread(await getJson(`${doc(name)}/threads/${id(thread)}`, signal));
  if (!parsed) throw new Error('unexpected thread answer');
  return parsed;
}

/** Comments on entry {@code entry} of a pledge's status history (threads with that target). */
const statusComments = (name: string, pledge: string, entry: number) => `${doc(name)}/pledges/${id(pledge)}/status/${entry}/comments`;

export async function listStatusComments(name: string, pledge: string, entry: number, signal?: AbortSignal): Promise<Thread[]> {
  return parseThreads(await getJson(statusComments(name, pledge, entry), signal));
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
