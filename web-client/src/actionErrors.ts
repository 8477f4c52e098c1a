// One sentence for a failed action, the same on every page: the server's problem texts are
// English and technical, and a bare "HTTP 401" tells a German reader neither what happened nor
// what to do next. Pure apart from t(), so the rules are tested without a browser.
import { ApiError } from './api';
import { t } from './i18n';
import type { MessageKey } from './messages';
import { UnexpectedAnswer } from './unexpectedAnswer';

/** A 403 that means the session's CSRF token is stale, not that the person lacks the right. */
export function isCsrfProblem(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && (error.problemType?.endsWith(':csrf-token-missing-or-wrong') ?? false);
}

/** The per-person quotas (annotations: Problem.QUOTA_*; new documents: DocumentCreateRoutes.QUOTA), each with what frees room again. */
const QUOTA_MESSAGES: ReadonlyArray<readonly [string, MessageKey]> = [
  ['quota-open-threads', 'quotaOpenThreads'],
  ['quota-thread-posts', 'quotaThreadPosts'],
  ['quota-pending', 'quotaPending'],
  ['documents:quota', 'quotaNewDocuments'],
];

/** The sentence for a failure every page words the same way, or null for the rest. */
export function knownErrorMessage(error: unknown): string | null {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('actionOffline');
    // A stale CSRF token is what a server restart or a sign-out in another tab leaves behind:
    // for the reader that is the same as being signed out.
    if (error.status === 401 || isCsrfProblem(error)) return t('actionSignedOut');
    if (error.status === 403) return t('actionForbidden');
    const quota = QUOTA_MESSAGES.find(([code]) => error.problemType?.endsWith(`:${code}`));
    // The person's own quota: waiting does not help, so the sentence says what frees room.
    if (error.status === 429 && quota) return t(quota[1]);
    if (error.status === 429) return error.retryAfter !== null ? t('actionThrottledFor', { seconds: String(error.retryAfter) }) : t('actionThrottled');
    if (error.status === 503) return error.retryAfter !== null ? t('actionUnavailableFor', { seconds: String(error.retryAfter) }) : t('actionUnavailable');
  }
  return null;
}

export function actionErrorMessage(error: unknown): string {
  return knownErrorMessage(error) ?? t('actionFailed', { detail: errorDetail(error) });
}

/**
 * The "(…)" part of "could not be loaded (…)" in the reader's language. What the client says
 * itself — no connection, a bare status, an answer it cannot read, a 429's wait — is translated;
 * a server's own explanation (problem+json) is kept as it came; anything else is a defect, shown
 * as it is.
 */
export function errorDetail(error: unknown): string {
  // Too many requests in flight (history, comparison): the server's English title says neither
  // in the reader's language nor when; the Retry-After does. (The annotation quotas come without
  // one and are worded by knownErrorMessage.)
  if (error instanceof ApiError && error.status === 429 && error.retryAfter !== null) {
    return error.retryAfter === 1 ? t('busyDetailOne') : t('busyDetail', { seconds: String(error.retryAfter) });
  }
  if (error instanceof ApiError && (error.status === 0 || !error.fromServer)) return error.status === 0 ? t('networkError') : t('httpStatusDetail', { status: String(error.status) });
  if (error instanceof UnexpectedAnswer) return t('unexpectedAnswer');
  return (error as Error)?.message ?? '?';
}

/** The server's codes for refusing a document on the socket (auth Decision codes and the server's own). */
const DENIED_REASONS: Record<string, MessageKey> = {
  'invalid-credentials': 'denied.invalidCredentials',
  'credentials-expired': 'denied.credentialsExpired',
  'authentication failed': 'denied.authenticationFailed',
  'forbidden-for-role-in-stage': 'denied.forbiddenForRoleInStage',
  'not-a-member': 'denied.notAMember',
  'not-a-participant': 'denied.notAParticipant',
  'other-document': 'denied.otherDocument',
  'document-deleted': 'denied.documentDeleted',
};

/**
 * The close codes of the server's socket (server/…/protocol/CloseCodes.java) that a reader should
 * hear about: the provider reconnects by itself, and without a word a refused change would look like
 * a flaky connection. Normal closes, network loss and timeouts stay silent (the save indicator says
 * "offline" then).
 */
const CLOSE_CODES: Record<number, MessageKey> = {
  1001: 'closed.goingAway',
  1003: 'closed.refused',
  1009: 'closed.refused',
  1011: 'closed.serverError',
  4400: 'closed.refused',
  4413: 'closed.documentTooLarge',
  4422: 'closed.refused',
  4423: 'closed.refused',
  4429: 'closed.rateLimited',
  4503: 'closed.slow',
};

/**
 * A sentence for a socket the server closed, or null when there is nothing to tell. A close of
 * this document alone ({@link documentCloseCode}) is not restored by the provider: the sentence
 * says so and asks for a reload.
 */
export function closeReasonMessage(code: number, documentOnly = false): string | null {
  if (documentOnly) {
    if (code === 4413) return `${t('closed.documentTooLarge')} ${t('closed.reloadToContinue')}`;
    if (code === 4408) return `${t('closed.authTimeout')} ${t('closed.reloadToContinue')}`;
    return t('closed.documentRefused');
  }
  const key = Object.prototype.hasOwnProperty.call(CLOSE_CODES, code) ? CLOSE_CODES[code] : null;
  return key ? t(key) : null;
}

/**
 * The server closes one document of a shared socket, not the socket, for a fault in what was sent
 * for it (docs/close-codes.md): the provider reports a Close message as code 1000 and the server's
 * reason, which begins with the close code. Returns that code, or null for any other close.
 */
export function documentCloseCode(event: { code: number; reason?: string }): number | null {
  if (event.code !== 1000) return null;
  const m = /^(4\d{3}) /.exec(event.reason ?? '');
  return m ? Number(m[1]) : null;
}

/** Why the editor's connection was refused, as a sentence; an unknown code is named as the server sent it. */
export function deniedReasonMessage(reason: string): string {
  const key = Object.prototype.hasOwnProperty.call(DENIED_REASONS, reason) ? DENIED_REASONS[reason] : null;
  return key ? t(key) : t('denied.other', { code: reason || '—' });
}
