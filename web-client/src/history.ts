// The version history of a document (GET /api/documents/{name}/history, /versions/{seq},
// /diff?from=&to=), parsed for the history page. The server part may be missing: callers show
// an "unavailable" state on 404 instead of guessing.
import { actorLabel } from './actorLabel';
import { UnexpectedAnswer } from './unexpectedAnswer';

export interface Version {
  seq: number;
  at: string;
  /** The display names (pseudonyms where chosen) of whoever wrote it, else a label for the server's own actors, else the actor id. */
  actor: string | null;
  note: string | null;
  size: number | null;
  /** Set when this revision restored an earlier version. */
  restoredSeq: number | null;
}

export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  text: string;
  author: string | null;
}

const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function parseVersion(value: unknown): Version | null {
  const v = obj(value);
  const seq = typeof v.seq === 'number' ? v.seq : typeof v.version === 'number' ? v.version : null;
  if (seq === null) return null;
  const actor = obj(v.actor);
  const ids: unknown[] = Array.isArray(v.actors) ? v.actors : [];
  const names = Array.isArray(v.actorNames)
    ? v.actorNames
        .map((n, i) => (typeof n === 'string' ? actorLabel(typeof ids[i] === 'string' ? (ids[i] as string) : null, n) : null))
        .filter((n): n is string => n !== null)
    : [];
  const actorId = typeof v.actor === 'string' ? v.actor : null;
  return {
    seq,
    at: typeof v.at === 'string' ? v.at : typeof v.time === 'string' ? v.time : typeof v.createdAt === 'string' ? v.createdAt : '',
    // Several names when people wrote at the same time (one revision, all of them).
    actor: names.length > 0 ? names.join(', ') : actorLabel(actorId, typeof v.actorName === 'string' ? v.actorName : typeof actor.name === 'string' ? actor.name : null),
    note: typeof v.note === 'string' ? v.note : null,
    size: typeof v.size === 'number' ? v.size : typeof v.bytes === 'number' ? v.bytes : null,
    restoredSeq: typeof v.restoredSeq === 'number' ? v.restoredSeq : null,
  };
}

/** A list, or {revisions: [...]} / {versions: [...]}, newest first. */
export function parseVersions(value: unknown): Version[] {
  const o = obj(value);
  const raw = Array.isArray(value) ? value : ([o.revisions, o.versions].find(Array.isArray) as unknown[] | undefined) ?? null;
  if (!raw) throw new UnexpectedAnswer('history');
  return raw
    .map(parseVersion)
    .filter((v): v is Version => v !== null)
    .sort((a, b) => b.seq - a.seq);
}

function kindOf(value: unknown): DiffKind | null {
  const v = String(value).toLowerCase();
  if (v === 'equal' || v === 'unchanged' || v === 'same' || v === 'keep') return 'equal';
  if (v === 'insert' || v === 'inserted' || v === 'added' || v === 'add') return 'insert';
  if (v === 'delete' || v === 'deleted' || v === 'removed' || v === 'remove') return 'delete';
  return null;
}

/** A list of parts, or {parts|changes|ops|segments: [...]}; adjacent parts of one kind are merged. */
export function parseDiff(value: unknown): DiffPart[] {
  const o = obj(value);
  const raw = Array.isArray(value) ? value : ([o.parts, o.changes, o.ops, o.segments, o.diff].find(Array.isArray) as unknown[] | undefined);
  if (!raw) throw new UnexpectedAnswer('diff');
  const out: DiffPart[] = [];
  for (const entry of raw) {
    const e = obj(entry);
    const kind = kindOf(e.kind ?? e.type ?? e.op);
    const text = typeof e.text === 'string' ? e.text : typeof e.value === 'string' ? e.value : null;
    if (!kind || text === null || text === '') continue;
    const author = actorLabel(typeof e.actor === 'string' ? e.actor : null, typeof e.actorName === 'string' ? e.actorName : typeof e.author === 'string' ? e.author : null);
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.author === author) last.text += text;
    else out.push({ kind, text, author });
  }
  return out;
}

/** Unchanged paragraphs the diff view folds away; a click shows `text`. */
export interface DiffFold {
  kind: 'fold';
  text: string;
  paragraphs: number;
}

export type DiffPiece = DiffPart | DiffFold;

/**
 * The diff with long unchanged stretches folded, so that the changes of a long text are found
 * without scrolling through all of it: `context` whole paragraphs stay on each side of a change
 * (besides the rest of the changed paragraph itself), and a stretch is folded only when that
 * hides at least `minFold` paragraphs. With no change at all, the whole text is one fold.
 */
export function foldUnchanged(parts: DiffPart[], context = 2, minFold = 3): DiffPiece[] {
  const out: DiffPiece[] = [];
  parts.forEach((part, i) => {
    if (part.kind !== 'equal') {
      out.push(part);
      return;
    }
    // Each piece ends with its line break, except the last: the start of the line a change
    // that follows is in (empty when the text ends with a break).
    const lines = part.text.split(/(?<=\n)/);
    if (part.text.endsWith('\n')) lines.push('');
    const head = i > 0 ? context + 1 : 0;
    const tail = i < parts.length - 1 ? context + 1 : 0;
    const hidden = lines.slice(head, Math.max(head, lines.length - tail));
    const paragraphs = hidden.filter((line) => line.trim() !== '').length;
    if (paragraphs < minFold) {
      out.push(part);
      return;
    }
    const before = lines.slice(0, head).join('');
    const after = lines.slice(head + hidden.length).join('');
    if (before) out.push({ ...part, text: before });
    out.push({ kind: 'fold', text: hidden.join(''), paragraphs });
    if (after) out.push({ ...part, text: after });
  });
  return out;
}

/** Characters inserted and deleted, for the summary line. */
export function diffStats(parts: DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.kind === 'insert') inserted += [...part.text].length;
    if (part.kind === 'delete') deleted += [...part.text].length;
  }
  return { inserted, deleted };
}

/** How many separate places changed: neighbouring insertions and deletions count as one. */
export function changedPassages(parts: DiffPart[]): number {
  let count = 0;
  let inChange = false;
  for (const part of parts) {
    const changed = part.kind !== 'equal';
    if (changed && !inChange) count += 1;
    inChange = changed;
  }
  return count;
}

/** A version an editor gave a name ("Fassung nach Ausschuss, 12.03."). */
export interface NamedVersion {
  seq: number;
  name: string;
  creator: string | null;
  at: string;
}

/** The actions the server would allow this caller on the history page (it still checks each request). */
export interface HistoryPermissions {
  nameVersion: boolean;
  restore: boolean;
}

/** {named: [...]} of the history answer, newest version first; entries without seq or name are dropped. */
export function parseNamed(value: unknown): NamedVersion[] {
  const raw = obj(value).named;
  if (!Array.isArray(raw)) return [];
  const out: NamedVersion[] = [];
  for (const entry of raw) {
    const e = obj(entry);
    if (typeof e.seq !== 'number' || typeof e.name !== 'string' || e.name.trim() === '') continue;
    const creator = typeof e.creatorName === 'string' ? e.creatorName : typeof e.creator === 'string' ? e.creator : null;
    out.push({ seq: e.seq, name: e.name, creator, at: typeof e.time === 'string' ? e.time : '' });
  }
  return out.sort((a, b) => b.seq - a.seq || b.at.localeCompare(a.at));
}

/** {may: {...}} of the history answer; anything missing counts as not allowed. */
export function parsePermissions(value: unknown): HistoryPermissions {
  const may = obj(obj(value).may);
  return { nameVersion: may.nameVersion === true, restore: may.restore === true };
}

/** A stretch of a version's text (offsets into the text format of that version) and who wrote it. */
export interface AuthorSpan {
  from: number;
  to: number;
  /** Stable key for colouring: the actor id, or null when unknown (erased, or before the log). */
  actor: string | null;
  name: string | null;
  last: string | null;
}

/** GET …/authorship: {seq, spans: [...]}; spans are sorted, clipped to the text and made disjoint. */
export function parseAuthorship(value: unknown, textLength: number): AuthorSpan[] {
  const raw = obj(value).spans;
  if (!Array.isArray(raw)) throw new UnexpectedAnswer('authorship');
  const spans: AuthorSpan[] = [];
  for (const entry of raw) {
    const e = obj(entry);
    if (typeof e.from !== 'number' || typeof e.to !== 'number') continue;
    const actor = typeof e.actor === 'string' ? e.actor : null;
    const name = actorLabel(actor, typeof e.actorName === 'string' ? e.actorName : null);
    spans.push({ from: Math.max(0, e.from), to: Math.min(textLength, e.to), actor, name, last: typeof e.last === 'string' ? e.last : null });
  }
  spans.sort((a, b) => a.from - b.from);
  const out: AuthorSpan[] = [];
  let end = 0;
  for (const span of spans) {
    const from = Math.max(span.from, end);
    if (span.to <= from) continue;
    out.push({ ...span, from });
    end = span.to;
  }
  return out;
}

/** GET …/verify: whether the hash chain, checkpoints and snapshots are intact. */
export interface Verification {
  ok: boolean;
  firstBadSeq: number | null;
  kind: string | null;
  rowsChecked: number;
  headHash: string | null;
}

export function parseVerification(value: unknown): Verification {
  const v = obj(value);
  if (typeof v.ok !== 'boolean') throw new UnexpectedAnswer('verification');
  return {
    ok: v.ok,
    firstBadSeq: typeof v.firstBadSeq === 'number' ? v.firstBadSeq : null,
    kind: typeof v.kind === 'string' ? v.kind : null,
    rowsChecked: typeof v.rowsChecked === 'number' ? v.rowsChecked : 0,
    headHash: typeof v.headHash === 'string' ? v.headHash : null,
  };
}
