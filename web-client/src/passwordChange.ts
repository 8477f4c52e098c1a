// The rules of a new password and the sentence for each way a change can fail. Pure apart from
// t(), so they are tested without a browser. The limits are the server's (auth module,
// PasswordHasher: 12 to 1024 characters; the route refuses keeping the current password and, with
// `password-too-guessable` and a reason, a password that is easy to guess: PasswordStrength).
import { ApiError } from './api';
import { errorDetail } from './actionErrors';
import { t } from './i18n';
import type { MessageKey } from './messages';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** Which field a problem is about, so that the page marks and focuses that one. */
export type PasswordField = 'current' | 'new' | 'repeat';

export interface PasswordProblem {
  field: PasswordField;
  message: () => string;
}

/** What is wrong with the three fields before anything is sent; null when they may be sent. */
export function checkPasswordFields(current: string, next: string, repeat: string): PasswordProblem | null {
  if (current === '') return { field: 'current', message: () => t('passwordChangeMissing') };
  if (next === '') return { field: 'new', message: () => t('passwordChangeMissing') };
  if (repeat === '') return { field: 'repeat', message: () => t('passwordChangeMissing') };
  // Characters as the server counts them (Java chars = UTF-16 code units, like String.length here).
  if (next.length < MIN_PASSWORD_LENGTH) return { field: 'new', message: () => t('passwordChangeTooShort') };
  if (next.length > MAX_PASSWORD_LENGTH) return { field: 'new', message: () => t('passwordChangeTooLong') };
  if (next !== repeat) return { field: 'repeat', message: () => t('passwordChangeMismatch') };
  if (next === current) return { field: 'new', message: () => t('passwordChangeSame') };
  return null;
}

/** The reasons PasswordStrength gives (auth module), each with its own sentence. */
const GUESSABLE_REASONS = new Map<string, MessageKey>([
  ['common-password', 'passwordWeakCommon'],
  ['personal', 'passwordWeakPersonal'],
  ['words', 'passwordWeakWords'],
  ['keyboard', 'passwordWeakKeyboard'],
  ['repeat', 'passwordWeakRepeat'],
  ['sequence', 'passwordWeakSequence'],
  ['date', 'passwordWeakDate'],
]);

/** The sentence for a password the server found easy to guess; an unknown reason gets the general one. */
function tooGuessable(reason: string | null): string {
  const specific = reason === null ? undefined : GUESSABLE_REASONS.get(reason);
  return specific === undefined ? t('passwordWeak') : `${t('passwordWeak')} ${t(specific)}`;
}

/** The server's refusal of a change, in the reader's language (re-worded on a language switch). */
export function passwordChangeProblem(error: unknown): PasswordProblem {
  if (error instanceof ApiError) {
    if (error.status === 403 && error.problemType?.endsWith(':invalid-credentials')) return { field: 'current', message: () => t('passwordChangeWrongCurrent') };
    if (error.status === 400 && error.problemType?.endsWith(':password-unchanged')) return { field: 'new', message: () => t('passwordChangeSame') };
    if (error.status === 400 && error.problemType?.endsWith(':password-too-guessable')) {
      const reason = error.reason;
      return { field: 'new', message: () => tooGuessable(reason) };
    }
    if (error.status === 400) return { field: 'new', message: () => t('passwordChangeTooShort') };
    if (error.status === 401 || (error.status === 403 && error.problemType?.endsWith(':csrf-token-missing-or-wrong'))) return { field: 'current', message: () => t('passwordChangeSignedOut') };
    if (error.status === 429) {
      const seconds = error.retryAfter;
      return { field: 'current', message: () => (seconds !== null ? t('passwordChangeThrottled', { seconds: String(seconds) }) : t('passwordChangeThrottledNoTime')) };
    }
  }
  return { field: 'current', message: () => t('passwordChangeFailed', { detail: errorDetail(error) }) };
}
