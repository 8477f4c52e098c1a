// Which sign-in methods this server offers besides the local account: GET /api/auth/config says
// whether sign-in through the organisation's identity provider (OIDC) is configured. Anything
// unexpected (older server, network error) means "not offered", so the button never leads to a
// 404. Asked once per page load.
import { getJson } from './api';

export interface SignInOptions {
  /** Where the browser goes to sign in with the organisation account, or null if not offered. */
  oidcLoginUrl: string | null;
}

export function parseSignInOptions(value: unknown): SignInOptions {
  const oidc = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).oidc : null;
  if (typeof oidc !== 'object' || oidc === null) return { oidcLoginUrl: null };
  const { enabled, loginUrl } = oidc as Record<string, unknown>;
  // Same-origin paths only: the answer must not be able to send the browser elsewhere.
  const usable = enabled === true && typeof loginUrl === 'string' && /^\/api\/auth\/[a-z/]+$/.test(loginUrl);
  return { oidcLoginUrl: usable ? loginUrl : null };
}

let cached: Promise<SignInOptions> | null = null;

export function signInOptions(): Promise<SignInOptions> {
  cached ??= getJson('/api/auth/config').then(parseSignInOptions, () => ({ oidcLoginUrl: null }));
  return cached;
}

/** For tests: forget the cached answer. */
export function resetSignInOptions(): void {
  cached = null;
}

/** The login URL with the page to come back to (path only; the server checks it again). */
export function oidcHref(loginUrl: string, returnPath: string): string {
  return `${loginUrl}?returnTo=${encodeURIComponent(returnPath)}`;
}
