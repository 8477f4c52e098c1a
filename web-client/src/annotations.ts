// Comments and suggestions as the server's views describe them (GET /api/documents/{name}/annotations),
// checked field by field, plus the small pure rules the sidebar needs: which live events concern
// us, whether a selection stays inside one paragraph, and in which order threads are listed.
// Names, quotes, replacements and bodies are plain text; only `html` was sanitized by the server.
import { UnexpectedAnswer } from './unexpectedAnswer';

export type ThreadKind = 'comment' | 'suggestion';
export type PostState = 'visible' | 'pending' | 'hidden' | 'deleted';

export interface Author {
  name: string;
  pseudonym: boolean;
  you: boolean;
}

export interface Post {
  id: string;
  author: Author;
  createdAt: string;
  editedAt: string | null;
  state: PostState;
  /** Server-rendered, sanitized HTML (BodyRenderer): the only HTML the client inserts. */
  html: string | null;
  hiddenReason: string | null;
  /** When moderators restored this post after hiding it (sent to its author and moderators only). */
  restoredAt: string | null;
}

export interface Thread {
  id: string;
  kind: ThreadKind;
  status: 'open' | 'resolved';
  locked: boolean;
  createdAt: string;
  author: Author;
  anchor: { start: string; end: string; quote: string; state: 'attached' | 'passage-deleted'; current: string | null; changed: boolean };
  suggestion: { state: string; replacement: string | null; reason: string | null } | null;
  posts: Post[];
  /** The list answer shows a thread's first posts only; true: the thread's own answer has more. */
  morePosts: boolean;
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function parseAuthor(value: unknown): Author {
  const a = obj(value);
  return { name: str(a.name, '?'), pseudonym: a.pseudonym === true, you: a.you === true };
}

const POST_STATES: readonly PostState[] = ['visible', 'pending', 'hidden', 'deleted'];

function parsePost(value: unknown): Post | null {
  const p = obj(value);
  if (typeof p.id !== 'string') return null;
  const state = POST_STATES.includes(p.state as PostState) ? (p.state as PostState) : 'visible';
  return { id: p.id, author: parseAuthor(p.author), createdAt: str(p.createdAt), editedAt: strOrNull(p.editedAt), state, html: strOrNull(p.html), hiddenReason: strOrNull(p.hiddenReason), restoredAt: strOrNull(p.restoredAt) };
}

export function parseThread(value: unknown): Thread | null {
  const t = obj(value);
  if (typeof t.id !== 'string') return null;
  const a = obj(t.anchor);
  const s = t.suggestion && typeof t.suggestion === 'object' ? obj(t.suggestion) : null;
  return {
    id: t.id,
    kind: t.kind === 'suggestion' ? 'suggestion' : 'comment',
    status: t.status === 'resolved' ? 'resolved' : 'open',
    locked: t.locked === true,
    createdAt: str(t.createdAt),
    author: parseAuthor(t.author),
    anchor: {
      start: str(a.start),
      end: str(a.end),
      quote: str(a.quote),
      state: a.state === 'passage-deleted' ? 'passage-deleted' : 'attached',
      current: strOrNull(a.current),
      changed: a.changed === true,
    },
    suggestion: s ? { state: str(s.state, 'open'), replacement: strOrNull(s.replacement), reason: strOrNull(s.reason) } : null,
    posts: Array.isArray(t.posts) ? t.posts.map(parsePost).filter((p): p is Post => p !== null) : [],
    morePosts: t.morePosts === true,
  };
}

/** One page of a document's thread list: its threads and the cursor of the next page (null: the last). */
export function parseThreadPage(value: unknown): { threads: Thread[]; next: string | null } {
  return { threads: parseThreads(value), next: strOrNull(obj(value).next) };
}

/** Accepts a bare list or {threads: [...]}. */
export function parseThreads(value: unknown): Thread[] {
  const list = Array.isArray(value) ? value : Array.isArray(obj(value).threads) ? (obj(value).threads as unknown[]) : null;
  if (!list) throw new UnexpectedAnswer('annotations');
  return list.map(parseThread).filter((t): t is Thread => t !== null);
}

/** Open threads first, then by creation time (oldest first, as a conversation reads). */
export function sortThreads(threads: Thread[]): Thread[] {
  return [...threads].sort((a, b) => (a.status === b.status ? a.createdAt.localeCompare(b.createdAt) : a.status === 'open' ? -1 : 1));
}

export interface AnnotationEvent {
  type: string;
  document: string;
  thread: string | null;
  post: string | null;
}

/** A Hocuspocus stateless payload that is an annotation event for this document, or null. */
export function parseAnnotationEvent(payload: string, documentName: string): AnnotationEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const e = obj(value);
  if (e.kind !== 'annotation' || typeof e.type !== 'string') return null;
  if (typeof e.document === 'string' && e.document !== documentName) return null;
  return { type: e.type, document: documentName, thread: strOrNull(e.thread), post: strOrNull(e.post) };
}

/**
 * Whether a selection lies inside one paragraph. Anchors are two positions in the same text
 * (the server refuses passages across paragraphs, see annotations/README.md), so a selection
 * reaching into the next paragraph is refused with an explanation rather than silently cut: a
 * suggestion would otherwise replace less than what its author selected.
 */
export function selectionProblem(from: number, to: number, paragraphStart: number, paragraphEnd: number): 'empty' | 'acrossParagraphs' | null {
  if (to <= from) return 'empty';
  if (from < paragraphStart || to > paragraphEnd) return 'acrossParagraphs';
  return null;
}

/** Limits from the server (annotations Limits): body and replacement ≤ 10,000 code points. */
export const MAX_BODY = 10_000;

export function bodyProblem(body: string): 'empty' | 'tooLong' | null {
  if (body.trim() === '') return 'empty';
  if ([...body].length > MAX_BODY) return 'tooLong';
  return null;
}

/** Short quote for lists: at most `max` characters, cut at a word boundary with an ellipsis. */
export function shortQuote(quote: string, max = 160): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
