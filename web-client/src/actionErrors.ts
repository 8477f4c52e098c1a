// One sentence for a failed action, the same on every page: the server's problem texts are
// English and technical, and a bare "HTTP 401" tells a German reader neither what happened nor
// what to do next. Pure apart from t(), so the rules are tested without a browser.
import { ApiError } from './api';
import { t } from './i18n';
import type { MessageKey } from './messages';

/** A 403 that means the session's CSRF token is stale, not that the person lacks the right. */
export function isCsrfProblem(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && (error.problemType?.endsWith(':csrf-token-missing-or-wrong') ?? false);
}

/** The annotation quotas (server: Problem.QUOTA_*), each with what frees room again. */
const QUOTA_MESSAGES: ReadonlyArray<readonly [string, MessageKey]> = [
  ['quota-open-threads', 'quotaOpenThreads'],
  ['quota-thread-posts', 'quotaThreadPosts'],
  ['quota-pending', 'quotaPending'],
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
  return knownErrorMessage(error) ?? t('actionFailed', { detail: (error as Error)?.message ?? '?' });
}
