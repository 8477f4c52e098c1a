// The client's side of the server's REST API. Every response is parsed and checked; nothing is
// invented here when the server does not answer.
import { parseDetails, parseSummaries, type DocumentDetails, type DocumentSummary } from './documents';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** GET /api/me: the caller's role; user stays null until signing in exists. */
export interface Me {
  role: string;
  user: { name?: string } | null;
}

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network error');
  }
  if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new ApiError(response.status, 'invalid JSON');
  }
}

export async function listDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  return parseSummaries(await getJson('/api/documents', signal));
}

export async function getDocument(name: string, signal?: AbortSignal): Promise<DocumentDetails> {
  return parseDetails(await getJson(`/api/documents/${encodeURIComponent(name)}`, signal));
}

export async function getMe(signal?: AbortSignal): Promise<Me> {
  const value = (await getJson('/api/me', signal)) as Record<string, unknown> | null;
  const role = value && typeof value.role === 'string' ? value.role : 'guest';
  const user = value && typeof value.user === 'object' && value.user !== null ? (value.user as Me['user']) : null;
  return { role, user };
}

/** ws(s)://<same host>/collab — the Hocuspocus endpoint of the server that served this page. */
export function collabUrl(loc: { protocol: string; host: string } = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/collab`;
}
