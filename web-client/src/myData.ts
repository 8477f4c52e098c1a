// The person's own data (GET /api/me/data, DELETE /api/me), for the "Meine Daten" page: the
// export is checked and summed up (account, how many comments, suggestions, posts, reports,
// edits), its file name carries the date, and a failed erasure gets a sentence. Pure, so the
// rules are tested without a browser.
import { UnexpectedAnswer } from './unexpectedAnswer';
import { ApiError, getJson, sendJson } from './api';
import { errorDetail } from './actionErrors';
import { t } from './i18n';

export interface DataSummary {
  login: string;
  displayName: string;
  pseudonym: boolean;
  role: string;
  createdAt: string | null;
  comments: number;
  suggestions: number;
  posts: number;
  reports: number;
  edits: number;
  namedVersions: number;
  documents: number;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Sums up an export; throws when it is not one (no account object). */
export function summarize(exported: unknown): DataSummary {
  const root = record(exported);
  if (!root.account || typeof root.account !== 'object') throw new UnexpectedAnswer('export');
  const account = record(root.account);
  const annotations = record(root.annotations);
  const history = record(root.history);
  const threads = list(annotations.threads).map(record);
  const posts = list(annotations.posts).map(record);
  const edits = list(history.edits).map(record);
  const documents = new Set<string>();
  for (const item of [...threads, ...posts, ...edits]) if (typeof item.document === 'string') documents.add(item.document);
  return {
    login: text(account.login),
    displayName: text(account.displayName),
    pseudonym: account.pseudonym === true,
    role: text(account.role).toLowerCase(),
    createdAt: typeof account.createdAt === 'string' ? account.createdAt : null,
    comments: threads.filter((thread) => thread.kind === 'comment').length,
    suggestions: threads.filter((thread) => thread.kind === 'suggestion').length,
    posts: posts.length,
    reports: list(annotations.reports).length,
    edits: edits.length,
    namedVersions: list(history.namedVersions).length,
    documents: documents.size,
  };
}

/** "pledgepad-meine-daten-LOGIN-2026-11-28.json" (date in UTC; the login limited to safe characters). */
export function exportFileName(login: string, now: Date = new Date()): string {
  const safe = login.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'konto';
  return `pledgepad-meine-daten-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

/** The export as it came, plus its summary. */
export async function loadMyData(signal?: AbortSignal): Promise<{ raw: unknown; summary: DataSummary }> {
  const raw = await getJson('/api/me/data', signal);
  return { raw, summary: summarize(raw) };
}

/** DELETE /api/me with the password re-entered (the CSRF header is added by sendJson). */
export function eraseMe(password: string): Promise<unknown> {
  return sendJson('DELETE', '/api/me', { password });
}

/** The sentence for a failed export or erasure (401 signed out, 403 wrong password, 429 wait). */
export function myDataErrorMessage(error: unknown, action: 'export' | 'erase'): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('myDataSignedOut');
    if (error.status === 403) return action === 'erase' ? (error.problemType?.endsWith('password-not-confirmed') ? t('eraseWrongPassword') : t('eraseForbidden')) : t('myDataSignedOut');
    if (error.status === 429) return error.retryAfter !== null ? t('myDataThrottled', { seconds: String(error.retryAfter) }) : t('myDataThrottledNoTime');
    if (error.status === 503 && action === 'erase') return t('eraseUnfinished');
  }
  return t(action === 'erase' ? 'eraseFailed' : 'exportFailed', { detail: errorDetail(error) });
}
