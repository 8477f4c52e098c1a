// An admin's view of a document's settings (GET/PATCH /api/documents/{name}/settings and
// /api/documents/{name}): parsed defensively, and the lists of people as the form edits them
// (logins, one per line).
import { ApiError, getJson, sendJson } from './api';
import { t } from './i18n';
import { UnexpectedAnswer } from './unexpectedAnswer';

export interface Person {
  id: string;
  login: string | null;
  displayName: string | null;
}

export interface DocumentSettings {
  title: string;
  kind: string;
  stage: string;
  ownerBody: string;
  ownerBodyName: string;
  editors: Person[];
  commenters: Person[];
}

export type SettingsChange = Partial<Pick<DocumentSettings, 'title' | 'kind' | 'stage' | 'ownerBody'>> & {
  editors?: string[];
  commenters?: string[];
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function people(value: unknown): Person[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const p = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    const id = str(p.id);
    return id ? [{ id, login: str(p.login), displayName: str(p.displayName) }] : [];
  });
}

export function parseSettings(value: unknown): DocumentSettings {
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const title = str(o.title);
  const kind = str(o.kind);
  const stage = str(o.stage);
  const ownerBody = str(o.ownerBody);
  if (title === null || kind === null || stage === null || ownerBody === null) throw new UnexpectedAnswer('document settings');
  return { title, kind, stage, ownerBody, ownerBodyName: str(o.ownerBodyName) ?? ownerBody, editors: people(o.editors), commenters: people(o.commenters) };
}

export async function getSettings(name: string, signal?: AbortSignal): Promise<DocumentSettings> {
  return parseSettings(await getJson(`/api/documents/${encodeURIComponent(name)}/settings`, signal));
}

export async function saveSettings(name: string, change: SettingsChange): Promise<DocumentSettings> {
  return parseSettings(await sendJson('PATCH', `/api/documents/${encodeURIComponent(name)}`, change));
}

/** A list as the form shows it: each person's login (an account no longer known: its id), one per line. */
export function peopleText(list: Person[]): string {
  return list.map((p) => p.login ?? p.id).join('\n');
}

/** The lines of a list field: trimmed, blank lines dropped. */
export function peopleLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Only what differs from {@code before}; empty when nothing does. */
export function settingsChange(before: DocumentSettings, after: { title: string; kind: string; stage: string; ownerBody: string; editors: string[]; commenters: string[] }): SettingsChange {
  const change: SettingsChange = {};
  if (after.title !== before.title) change.title = after.title;
  if (after.kind !== before.kind) change.kind = after.kind;
  if (after.stage !== before.stage) change.stage = after.stage;
  if (after.ownerBody !== before.ownerBody) change.ownerBody = after.ownerBody;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(after.editors, peopleLines(peopleText(before.editors)))) change.editors = after.editors;
  if (!same(after.commenters, peopleLines(peopleText(before.commenters)))) change.commenters = after.commenters;
  return change;
}

/**
 * The server's refusal of a listed person in the reader's language ("editors[2] is not an
 * active account" names the line), or null for other failures.
 */
export function peopleProblem(error: unknown, change: SettingsChange): string | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const m = /^(editors|commenters)\[(\d+)\] (is not an active account|names an account listed before|is listed twice)/.exec(error.message);
  if (m) {
    const login = change[m[1] as 'editors' | 'commenters']?.[Number(m[2])] ?? '?';
    return m[3] === 'is not an active account' ? t('settingsUnknownAccount', { login }) : t('settingsListedTwice', { login });
  }
  const many = /^(editors|commenters) may list at most (\d+) people/.exec(error.message);
  return many ? t('settingsTooMany', { count: many[2] }) : null;
}
