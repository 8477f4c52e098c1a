import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseMe, parseRetryAfter, sendJson, setCsrfToken, signIn } from '../src/api';
import { setLanguage } from '../src/i18n';
import { roleRank } from '../src/session';
import { signInErrorMessage } from '../src/signInErrors';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setLanguage('de');
});

describe('/api/me', () => {
  it('reads the signed-in user and the CSRF token', () => {
    expect(parseMe({ role: 'councillor', user: { id: 'u1', login: 'ada', displayName: 'Ada L.', pseudonym: true }, csrfToken: 'tok' })).toEqual({
      role: 'councillor',
      user: { id: 'u1', login: 'ada', displayName: 'Ada L.', pseudonym: true, bodies: [] },
      csrfToken: 'tok',
      mustChangePassword: false,
    });
  });

  it('reads the council bodies of the signed-in user, dropping entries without an id', () => {
    const me = parseMe({ role: 'councillor', user: { id: 'u1', login: 'ada', displayName: 'Ada', pseudonym: false, bodies: [{ id: 'gruen-rot', name: 'Fraktion Grün-Rot' }, { id: 'ausschuss' }, { name: 'ohne id' }, 'x'] }, csrfToken: 't' });
    expect(me.user?.bodies).toEqual([{ id: 'gruen-rot', name: 'Fraktion Grün-Rot' }, { id: 'ausschuss', name: 'ausschuss' }]);
  });

  it('reads whether a one-time password must be changed first (only for a signed-in user)', () => {
    const user = { id: 'u1', login: 'ada', displayName: 'Ada', pseudonym: false };
    expect(parseMe({ role: 'citizen', user, csrfToken: 't', mustChangePassword: true }).mustChangePassword).toBe(true);
    expect(parseMe({ role: 'citizen', user, csrfToken: 't', mustChangePassword: 'yes' }).mustChangePassword).toBe(false);
    expect(parseMe({ role: 'guest', user: null, csrfToken: null, mustChangePassword: true }).mustChangePassword).toBe(false);
  });

  it('treats anything unexpected as a guest', () => {
    expect(parseMe(null)).toEqual({ role: 'guest', user: null, csrfToken: null, mustChangePassword: false });
    expect(parseMe({ role: 'citizen', user: { login: 'no-id' } })).toEqual({ role: 'citizen', user: null, csrfToken: null, mustChangePassword: false });
  });

  it('ranks roles for offering actions; unknown roles rank as guests', () => {
    expect(roleRank('moderator')).toBeGreaterThan(roleRank('councillor'));
    expect(roleRank('superuser')).toBe(0);
  });
});

describe('requests', () => {
  it('sends the CSRF token with state-changing requests', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('abc');
    await sendJson('POST', '/api/x', { a: 1 });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc');
    expect(init.body).toBe('{"a":1}');
  });

  it('turns a 429 with Retry-After into an error with the seconds and a German sentence', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ type: 'urn:pledgepad:problem:too-many-attempts', title: 'Too many' }), { status: 429, headers: { 'Retry-After': '8' } }));
    const error = await signIn('ada', 'pw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfter).toBe(8);
    expect((error as ApiError).problemType).toBe('urn:pledgepad:problem:too-many-attempts');
    expect(signInErrorMessage(error)).toBe('Zu viele Anmeldeversuche. Bitte warten Sie 8 Sekunden und versuchen Sie es dann erneut.');
  });

  it('words wrong credentials and a missing sign-in endpoint, in both languages', () => {
    expect(signInErrorMessage(new ApiError(401, 'x'))).toBe('Anmeldung fehlgeschlagen: Benutzername oder Passwort ist falsch.');
    expect(signInErrorMessage(new ApiError(404, 'x'))).toBe('Die Anmeldung ist auf diesem Server noch nicht verfügbar.');
    setLanguage('en');
    expect(signInErrorMessage(new ApiError(401, 'x'))).toBe('Sign-in failed: the user name or password is wrong.');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
