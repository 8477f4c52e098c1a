// Which German (or English) sentence a failed sign-in gets. Pure, so that the rules are tested
// without a browser: 401/403 wrong credentials, 429 throttled (with the Retry-After seconds),
// 404/405 no sign-in on this server, everything else with its detail.
import { ApiError } from './api';
import { errorDetail } from './actionErrors';
import { t } from './i18n';

export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403) return t('signInRejected');
    if (error.status === 429) return error.retryAfter !== null ? t('signInThrottled', { seconds: String(error.retryAfter) }) : t('signInThrottledNoTime');
    if (error.status === 404 || error.status === 405) return t('signInUnavailable');
  }
  return t('signInFailed', { detail: errorDetail(error) });
}
