// The document list as the start page shows it: parsing the server's JSON defensively,
// grouping by stage in the order of the procedure, and filtering by title.

export const STAGES = ['draft', 'consultation', 'published', 'archived'] as const;
export type Stage = (typeof STAGES)[number];
export const KINDS = ['coalition-agreement', 'programme', 'motion'] as const;
export type Kind = (typeof KINDS)[number];

/** One entry of GET /api/documents. kind and stage stay strings: a newer server may send more values. */
export interface DocumentSummary {
  name: string;
  title: string;
  kind: string;
  stage: string;
  updatedAt: string;
}

/** GET /api/documents/{name}: the summary plus the sequence number of the newest stored update. */
export interface DocumentDetails extends DocumentSummary {
  headSeq: number;
  /** The group or committee responsible for the text; null when the server names none. */
  owner: { id: string; name: string } | null;
}

/** A stage heading with its documents; "other" collects stages this client does not know. */
export interface StageGroup {
  stage: Stage | 'other';
  documents: DocumentSummary[];
}

function str(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TypeError(`field "${field}" is not a string`);
  return value;
}

export function parseSummary(value: unknown): DocumentSummary {
  if (typeof value !== 'object' || value === null) throw new TypeError('document entry is not an object');
  const v = value as Record<string, unknown>;
  return {
    name: str(v.name, 'name'),
    title: typeof v.title === 'string' && v.title.trim() !== '' ? v.title : str(v.name, 'name'),
    kind: str(v.kind, 'kind'),
    stage: str(v.stage, 'stage'),
    updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : '',
  };
}

export function parseSummaries(value: unknown): DocumentSummary[] {
  if (!Array.isArray(value)) throw new TypeError('document list is not an array');
  return value.map(parseSummary);
}

export function parseDetails(value: unknown): DocumentDetails {
  const summary = parseSummary(value);
  const record = value as Record<string, unknown>;
  const headSeq = record.headSeq;
  const o = record.ownerBody && typeof record.ownerBody === 'object' ? (record.ownerBody as Record<string, unknown>) : null;
  const owner = o && typeof o.id === 'string' && o.id !== '' ? { id: o.id, name: typeof o.name === 'string' && o.name !== '' ? o.name : o.id } : null;
  return { ...summary, headSeq: typeof headSeq === 'number' ? headSeq : 0, owner };
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/**
 * Lower case, without diacritics, ß as ss: "Bürgerbeteiligung" is found by "burger" and "bürger",
 * "Straße" by "strasse".
 */
export function normalizeForSearch(text: string): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keeps the documents whose title contains every word of the query (in any order). */
export function filterByTitle(documents: readonly DocumentSummary[], query: string): DocumentSummary[] {
  const terms = normalizeForSearch(query).split(' ').filter((term) => term !== '');
  if (terms.length === 0) return [...documents];
  return documents.filter((doc) => {
    const title = normalizeForSearch(doc.title);
    return terms.every((term) => title.includes(term));
  });
}

/**
 * Groups by stage in the procedure's order (draft, consultation, published, archived), always
 * with the four known stages, then "other" only when needed. Within a group the most recently
 * changed document comes first, then by title.
 */
export function groupByStage(documents: readonly DocumentSummary[]): StageGroup[] {
  const groups: StageGroup[] = STAGES.map((stage) => ({ stage, documents: [] }));
  const other: StageGroup = { stage: 'other', documents: [] };
  for (const doc of documents) {
    const group = isStage(doc.stage) ? groups[STAGES.indexOf(doc.stage)] : other;
    group.documents.push(doc);
  }
  if (other.documents.length > 0) groups.push(other);
  for (const group of groups) group.documents.sort(byRecencyThenTitle);
  return groups;
}

function byRecencyThenTitle(a: DocumentSummary, b: DocumentSummary): number {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  const va = Number.isNaN(ta) ? -Infinity : ta;
  const vb = Number.isNaN(tb) ? -Infinity : tb;
  if (va !== vb) return vb - va;
  return a.title.localeCompare(b.title, 'de');
}
