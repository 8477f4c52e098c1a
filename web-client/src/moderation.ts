// The moderators' queue of one document (reported posts and posts waiting for approval), parsed
// from the server's answer. Bodies are plain text unless the server sent its sanitized `html`.

export interface QueuePost {
  id: string;
  author: string;
  body: string | null;
  html: string | null;
  state: string;
}

export interface QueueEntry {
  kind: 'report' | 'pending';
  reportId: string | null;
  reason: string | null;
  post: QueuePost;
}

const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function parsePost(value: unknown): QueuePost | null {
  const p = obj(value);
  if (typeof p.id !== 'string') return null;
  const author = typeof p.author === 'string' ? p.author : strOrNull(obj(p.author).name) ?? strOrNull(obj(p.author).displayName) ?? '?';
  const moderation = strOrNull(p.state) ?? strOrNull(p.moderation) ?? 'visible';
  return { id: p.id, author, body: strOrNull(p.body), html: strOrNull(p.html), state: moderation.toLowerCase() };
}

export function parseQueue(value: unknown): QueueEntry[] {
  const q = obj(value);
  if (!Array.isArray(q.reports) && !Array.isArray(q.pending)) throw new Error('unexpected moderation answer');
  const out: QueueEntry[] = [];
  for (const entry of Array.isArray(q.reports) ? q.reports : []) {
    const e = obj(entry);
    const report = obj(e.report ?? e);
    const post = parsePost(e.post);
    if (post) out.push({ kind: 'report', reportId: strOrNull(report.id), reason: strOrNull(report.reason), post });
  }
  for (const entry of Array.isArray(q.pending) ? q.pending : []) {
    const post = parsePost(entry);
    if (post) out.push({ kind: 'pending', reportId: null, reason: null, post });
  }
  return out;
}
