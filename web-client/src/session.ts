// Who is signed in, for every page: the last answer of /api/me and the listeners that redraw
// when it changes (sign-in, sign-out). The server stays the judge of every right; this only
// decides which buttons are offered.
import { GUEST, getMe, onSessionLost, type Me } from './api';

let current: Me = GUEST;
const listeners = new Set<(me: Me) => void>();

export function me(): Me {
  return current;
}

export function setMe(value: Me): void {
  current = value;
  for (const listener of [...listeners]) listener(value);
}

export function onMeChange(listener: (me: Me) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function refreshMe(): Promise<Me> {
  const value = await getMe();
  setMe(value);
  return value;
}

// A write answered "signed out" refreshes who is signed in, so the header, the buttons on offer
// and the editor's connection follow; a failed refresh leaves things as they were.
onSessionLost(() => {
  refreshMe().catch(() => undefined);
});

const RANK: Record<string, number> = { guest: 0, citizen: 1, councillor: 2, moderator: 3, admin: 4 };

/** Role rank for offering actions (guest 0 … admin 4); unknown roles count as guests. */
export function roleRank(role: string): number {
  return RANK[role] ?? 0;
}

/** The name shown for the signed-in user: the display name (a pseudonym is marked by the caller). */
export function displayName(value: Me): string | null {
  if (!value.user) return null;
  return value.user.displayName || value.user.login;
}
