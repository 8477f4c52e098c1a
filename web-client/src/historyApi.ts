// The history endpoints the history page writes to or reads as text (the JSON reads go through
// getJson): a version's plain text, its authorship, naming a version, restoring one.
import { getJson, getText, sendJson, type WaitListener } from './api';
import { parseAuthorship, type AuthorSpan } from './history';

export const historyBase = (name: string) => `/api/documents/${encodeURIComponent(name)}`;

/** GET …/versions/{seq}?format=text: blocks separated by '\n'. */
export function getVersionText(name: string, seq: number, signal?: AbortSignal, wait?: WaitListener): Promise<string> {
  return getText(`${historyBase(name)}/versions/${seq}?format=text`, signal, wait);
}

export async function getAuthorship(name: string, seq: number, textLength: number, signal?: AbortSignal, wait?: WaitListener): Promise<AuthorSpan[]> {
  return parseAuthorship(await getJson(`${historyBase(name)}/authorship?seq=${seq}`, signal, wait), textLength);
}

export async function nameVersion(name: string, seq: number, versionName: string): Promise<void> {
  await sendJson('POST', `${historyBase(name)}/versions`, { name: versionName, seq });
}

export interface RestoreResult {
  restoredSeq: number;
  /** The new version holding the restore; null when nothing differed. */
  seq: number | null;
  changed: boolean;
}

export async function restoreVersion(name: string, seq: number): Promise<RestoreResult> {
  const answer = (await sendJson('POST', `${historyBase(name)}/restore`, { seq })) as Record<string, unknown> | null;
  return {
    restoredSeq: typeof answer?.restoredSeq === 'number' ? answer.restoredSeq : seq,
    seq: typeof answer?.seq === 'number' ? answer.seq : null,
    changed: answer?.changed === true,
  };
}
