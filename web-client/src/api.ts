// The client's side of the server's REST API. Every response is parsed and checked; nothing is
// invented here when the server does not answer. State-changing requests carry the session's
// CSRF token (X-CSRF-Token) that GET /api/me handed out.
import { parseDetails, parseSummaries, type DocumentDetails, type DocumentSummary } from './documents';
import { UnexpectedAnswer } from './unexpectedAnswer';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** problem+json `type` (urn:pledgepad:problem:…), when the server sent one. */
    readonly problemType: string | null = null,
    /** Seconds from a Retry-After header (429, 503), when present. */
    readonly retryAfter: number | null = null,
    /**
     * The message is the server's own explanation (problem+json detail or title); false when the
     * client made it up ("network error", "HTTP 500"), which the page then words itself.
     */
    readonly fromServer: boolean = true,
    /** problem+json extension member `reason`: a stable code saying why, when the type has one. */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface User {
  id: string;
  login: string;
  displayName: string;
  pseudonym: boolean;
  /** The council bodies (groups, committees) the person belongs to; a motion is started for one. */
  bodies?: CouncilBody[];
}

export interface CouncilBody {
  id: string;
  name: string;
}

/**
 * GET /api/me: the caller's role, the signed-in user (null for guests), the CSRF token, and
 * whether the password is a one-time password that must be changed first (until then the
 * server treats the session as a guest everywhere except /api/me, the change and sign-out).
 */
export interface Me {
  role: string;
  user: User | null;
  csrfToken: string | null;
  mustChangePassword?: boolean;
}

export const GUEST: Me = { role: 'guest', user: null, csrfToken: null, mustChangePassword: false };

let csrfToken: string | null = null;
let sessionLost: (() => void) | null = null;

/** Called when a write finds the session gone (set by session.ts, which api.ts cannot import). */
export function onSessionLost(handler: (() => void) | null): void {
  sessionLost = handler;
}

/** The token sent with every state-changing request (set from /api/me and the sign-in answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Seconds of a Retry-After header: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

async function errorFrom(response: Response): Promise<ApiError> {
  let type: string | null = null;
  let detail: string | null = null;
  let reason: string | null = null;
  try {
    const body = (await response.json()) as Record<string, unknown>;
    if (typeof body?.type === 'string') type = body.type;
    if (typeof body?.reason === 'string') reason = body.reason;
    if (typeof body?.detail === 'string') detail = body.detail;
    else if (typeof body?.title === 'string') detail = body.title;
  } catch {
    // not problem+json
  }
  return new ApiError(response.status, detail ?? `HTTP ${response.status}`, type, parseRetryAfter(response.headers.get('Retry-After')), detail !== null, reason);
}

async function request(method: string, path: string, body?: unknown, signal?: AbortSignal, asText = false, onAnswer?: (response: Response) => void): Promise<unknown> {
  const headers: Record<string, string> = { Accept: asText ? 'text/plain' : 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', signal, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network error', null, null, false);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    // A write refused for want of a session (401, or a CSRF token that no longer matches one)
    // means the header's "Angemeldet als …" is out of date: the page asks /api/me again. Not for
    // sign-in itself, where 401 only means a wrong password, and not for GETs, so that /api/me
    // can never set off another round of itself.
    if (method !== 'GET' && path !== '/api/session' && (error.status === 401 || (error.status === 403 && error.problemType?.endsWith(':csrf-token-missing-or-wrong')))) {
      sessionLost?.();
    }
    throw error;
  }
  onAnswer?.(response);
  if (response.status === 204) return null;
  const text = await response.text();
  if (asText) return text;
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new UnexpectedAnswer('JSON');
  }
}

/**
 * A GET the server answers 503 or 429 with Retry-After is asked again after that wait, at most
 * BUSY_RETRIES times: the server says it is busy for a moment (the history's bounded workers,
 * 503 with Retry-After 2) or that this client has enough requests in flight (the history,
 * comparison and open-data routes, 429 with Retry-After 2), and giving up at once would show a
 * reader an error for what a second later would have worked. Longer waits, or an answer without
 * Retry-After, go to the caller as before. Only GETs: they change nothing when repeated; a write
 * answered 429 goes to the page, which keeps what was typed and says when to try again.
 */
export const BUSY_RETRIES = 2;
const BUSY_MAX_WAIT_SECONDS = 5;

/** Told while a GET waits for the server's Retry-After, so the page can say why nothing happens. */
export interface WaitListener {
  /** The request waits this many seconds before asking again. */
  waiting(seconds: number): void;
  /** That wait is over (the request is asked again, or was given up). */
  over(): void;
}

export function getJson(path: string, signal?: AbortSignal, listener?: WaitListener): Promise<unknown> {
  return getWhenFree(path, signal, listener, false);
}

/** As {@link getJson}, with the answer's entity tag (null when the server sent none), for {@link changedSince}. */
export async function getJsonTagged(path: string, signal?: AbortSignal, listener?: WaitListener): Promise<{ value: unknown; etag: string | null }> {
  let etag: string | null = null;
  const value = await getWhenFree(path, signal, listener, false, (response) => {
    etag = response.headers.get('ETag');
  });
  return { value, etag };
}

/**
 * Whether GET {@code path} would now answer something else than the answer tagged {@code etag}:
 * the server answers 304 without a body when nothing changed. Null when it could not tell (busy,
 * offline, an error): the caller asks again later. A changed answer's body is not read.
 */
export async function changedSince(path: string, etag: string, signal?: AbortSignal): Promise<boolean | null> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json', 'If-None-Match': etag }, credentials: 'same-origin', cache: 'no-store', signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return null;
  }
  void response.body?.cancel().catch(() => undefined);
  if (response.status === 304) return false;
  if (!response.ok) return null;
  const now = response.headers.get('ETag');
  return now === null ? null : now !== etag;
}

/** As {@link getJson}, for a route that answers plain text. */
export async function getText(path: string, signal?: AbortSignal, listener?: WaitListener): Promise<string> {
  return (await getWhenFree(path, signal, listener, true)) as string;
}

async function getWhenFree(path: string, signal: AbortSignal | undefined, listener: WaitListener | undefined, asText: boolean, onAnswer?: (response: Response) => void): Promise<unknown> {
  for (let retries = 0; ; retries++) {
    try {
      return await request('GET', path, undefined, signal, asText, onAnswer);
    } catch (error) {
      const wait = error instanceof ApiError && (error.status === 503 || error.status === 429) ? error.retryAfter : null;
      if (wait === null || wait > BUSY_MAX_WAIT_SECONDS || retries >= BUSY_RETRIES) throw error;
      listener?.waiting(wait);
      try {
        await pause(wait * 1000, signal);
      } finally {
        listener?.over();
      }
    }
  }
}

/** Waits, or rejects with the AbortError of the signal when it fires first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function sendJson(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  return request(method, path, body);
}

export async function listDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  return parseSummaries(await getJson('/api/documents', signal));
}

export async function getDocument(name: string, signal?: AbortSignal): Promise<DocumentDetails> {
  return parseDetails(await getJson(`/api/documents/${encodeURIComponent(name)}`, signal));
}

/** Checks the shape of a /api/me answer; anything unexpected counts as a guest. */
export function parseMe(value: unknown): Me {
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  const role = record && typeof record.role === 'string' ? record.role : 'guest';
  const raw = record && typeof record.user === 'object' && record.user !== null ? (record.user as Record<string, unknown>) : null;
  const user: User | null =
    raw && typeof raw.id === 'string'
      ? {
          id: raw.id,
          login: typeof raw.login === 'string' ? raw.login : '',
          displayName: typeof raw.displayName === 'string' ? raw.displayName : typeof raw.name === 'string' ? raw.name : typeof raw.login === 'string' ? raw.login : '',
          pseudonym: raw.pseudonym === true,
          bodies: parseBodies(raw.bodies),
        }
      : null;
  const token = record && typeof record.csrfToken === 'string' ? record.csrfToken : null;
  return { role, user, csrfToken: token, mustChangePassword: user !== null && record?.mustChangePassword === true };
}

function parseBodies(value: unknown): CouncilBody[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const b = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    return typeof b.id === 'string' && b.id !== '' ? [{ id: b.id, name: typeof b.name === 'string' && b.name !== '' ? b.name : b.id }] : [];
  });
}

/** POST /api/documents: starts a draft motion of {@code ownerBody} (the person's only body when left out); its name. */
export async function createDocument(title: string, ownerBody?: string): Promise<string> {
  const answer = await request('POST', '/api/documents', ownerBody === undefined ? { title } : { title, ownerBody });
  const name = answer && typeof answer === 'object' ? (answer as Record<string, unknown>).name : null;
  if (typeof name !== 'string' || name === '') throw new UnexpectedAnswer('new document');
  return name;
}

export async function getMe(signal?: AbortSignal): Promise<Me> {
  const me = parseMe(await getJson('/api/me', signal));
  setCsrfToken(me.csrfToken);
  return me;
}

/** POST /api/session: signs in; the answer has the shape of /api/me. */
export async function signIn(login: string, password: string): Promise<Me> {
  const answer = await sendJson('POST', '/api/session', { login, password });
  const me = answer ? parseMe(answer) : await getMe();
  if (me.csrfToken) setCsrfToken(me.csrfToken);
  else return getMe();
  return me;
}

/** POST /api/session/password: replaces the password (also a one-time one); 204 on success. */
export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await sendJson('POST', '/api/session/password', { oldPassword, newPassword });
}

export async function signOut(): Promise<void> {
  await sendJson('DELETE', '/api/session');
  setCsrfToken(null);
}

/** ws(s)://<same host>/collab — the Hocuspocus endpoint of the server that served this page. */
export function collabUrl(loc: { protocol: string; host: string } = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/collab`;
}
