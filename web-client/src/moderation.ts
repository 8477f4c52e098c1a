// The moderators' view of one document (GET …/moderation/queue), checked field by field: open
// reports with the reported posts, posts waiting for approval, hidden posts (to restore) and
// recently restored ones, each with its decision history from the audit log. Bodies are plain
// text unless the server sent its sanitized `html`; names, reasons and actors are plain text.
import { UnexpectedAnswer } from './unexpectedAnswer';

export interface QueuePost {
  id: string;
  author: string;
  body: string | null;
  html: string | null;
  state: string;
  hiddenReason: string | null;
}

/** One moderator decision: hide, restore, approve, dismiss-report. */
export interface Decision {
  action: string;
  actor: string;
  at: string;
  reason: string;
}

export interface ReportInfo {
  id: string;
  reason: string;
  createdAt: string;
  open: boolean;
}

export interface QueueEntry {
  kind: 'report' | 'pending';
  reportId: string | null;
  reason: string | null;
  post: QueuePost;
  history: Decision[];
}

/** A post moderators acted on (hidden now, or restored): every report about it and the decisions. */
export interface ModerationCase {
  post: QueuePost;
  reports: ReportInfo[];
  history: Decision[];
}

export interface Moderation {
  entries: QueueEntry[];
  hidden: ModerationCase[];
  restored: ModerationCase[];
}

const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function parsePost(value: unknown): QueuePost | null {
  const p = obj(value);
  if (typeof p.id !== 'string') return null;
  const author = typeof p.author === 'string' ? p.author : strOrNull(obj(p.author).name) ?? strOrNull(obj(p.author).displayName) ?? '?';
  const moderation = strOrNull(p.state) ?? strOrNull(p.moderation) ?? 'visible';
  return { id: p.id, author, body: strOrNull(p.body), html: strOrNull(p.html), state: moderation.toLowerCase(), hiddenReason: strOrNull(p.hiddenReason) };
}

function parseDecisions(value: unknown): Decision[] {
  return list(value).flatMap((item) => {
    const d = obj(item);
    const action = strOrNull(d.action);
    const at = strOrNull(d.at);
    return action && at ? [{ action, actor: strOrNull(d.actor) ?? '?', at, reason: strOrNull(d.reason) ?? '' }] : [];
  });
}

function parseReports(value: unknown): ReportInfo[] {
  return list(value).flatMap((item) => {
    const r = obj(item);
    return typeof r.id === 'string' ? [{ id: r.id, reason: strOrNull(r.reason) ?? '', createdAt: strOrNull(r.createdAt) ?? '', open: r.open === true }] : [];
  });
}

function parseCases(value: unknown): ModerationCase[] {
  return list(value).flatMap((item) => {
    const c = obj(item);
    const post = parsePost(c.post);
    return post ? [{ post, reports: parseReports(c.reports), history: parseDecisions(c.history) }] : [];
  });
}

export function parseModeration(value: unknown): Moderation {
  const q = obj(value);
  if (!Array.isArray(q.reports) && !Array.isArray(q.pending)) throw new UnexpectedAnswer('moderation');
  const entries: QueueEntry[] = [];
  for (const entry of list(q.reports)) {
    const e = obj(entry);
    const report = obj(e.report ?? e);
    const post = parsePost(e.post);
    if (post) entries.push({ kind: 'report', reportId: strOrNull(report.id), reason: strOrNull(report.reason), post, history: parseDecisions(e.history) });
  }
  for (const entry of list(q.pending)) {
    const post = parsePost(entry);
    if (post) entries.push({ kind: 'pending', reportId: null, reason: null, post, history: [] });
  }
  return { entries, hidden: parseCases(q.hidden), restored: parseCases(q.restored) };
}

export function isEmpty(m: Moderation): boolean {
  return m.entries.length === 0 && m.hidden.length === 0 && m.restored.length === 0;
}

/** Annotation events after which a document's moderation queue may look different. */
const QUEUE_EVENTS = /^(report\.|post\.(created|hidden|restored|approved|deleted|erased|updated)$|thread\.(created|locked|unlocked|updated)$|document\.premoderation$)/;

export function changesQueue(eventType: string): boolean {
  return QUEUE_EVENTS.test(eventType);
}
