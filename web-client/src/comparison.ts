// The pledge comparison (GET /api/pledges/compare?a=&b=) as the comparison page needs it:
// confirmed pairs aligned in rows, the pledges found on one side only, the coverage figure and
// the machine suggestions (advice; a person confirms them into links). Parsed defensively:
// the server's field names are accepted in the spellings its Java records produce.
import { actorLabel } from './actorLabel';
import { UnexpectedAnswer } from './unexpectedAnswer';

export interface Pledge {
  id: string;
  title: string;
  body: string;
  chapter: string | null;
}

export type LinkKind = 'same' | 'partly' | 'related';

export interface AlignedRow {
  a: Pledge;
  b: Pledge;
  kind: LinkKind;
  /** Id of the stored link (from the answer's `links`), needed to unlink; null if not given. */
  linkId: string | null;
  /** Who confirmed the link and when (ISO time); null if the answer does not say. */
  linkedBy: string | null;
  linkedAt: string | null;
}

export type PledgeStatus = 'OFFEN' | 'IN_ARBEIT' | 'TEILWEISE_UMGESETZT' | 'UMGESETZT' | 'VERWORFEN';
const STATUSES: readonly string[] = ['OFFEN', 'IN_ARBEIT', 'TEILWEISE_UMGESETZT', 'UMGESETZT', 'VERWORFEN'];

export type Confidence = 'hoch' | 'mittel' | 'niedrig';

export interface MatchedTerm {
  wordA: string;
  wordB: string;
}

export interface PledgeSuggestion {
  pledgeId: string;
  candidateId: string;
  score: number;
  confidence: Confidence;
  terms: MatchedTerm[];
}

export interface Coverage {
  found: number;
  total: number;
  sentence: string | null;
}

export interface Comparison {
  a: { name: string; title: string };
  b: { name: string; title: string };
  aligned: AlignedRow[];
  onlyInA: Pledge[];
  onlyInB: Pledge[];
  coverage: Coverage;
  suggestions: PledgeSuggestion[];
  /** Current status per pledge id of either side (absent: not reported). */
  statuses: Map<string, PledgeStatus>;
  /** Index of each pledge's current status entry in its history: what status comments name (absent: never assessed). */
  statusEntries: Map<string, number>;
}

const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function parsePledge(value: unknown): Pledge | null {
  const p = obj(value);
  if (typeof p.id !== 'string') return null;
  return { id: p.id, title: str(p.title), body: str(p.body), chapter: typeof p.chapter === 'string' ? p.chapter : null };
}

export function parseLinkKind(value: unknown): LinkKind {
  const v = str(value).toLowerCase();
  if (v === 'partly' || v === 'teilweise') return 'partly';
  if (v === 'related' || v === 'verwandt') return 'related';
  return 'same';
}

export function parseConfidence(value: unknown): Confidence {
  const v = str(value).toLowerCase();
  if (v === 'hoch' || v === 'high') return 'hoch';
  if (v === 'mittel' || v === 'medium') return 'mittel';
  return 'niedrig';
}

function parseSuggestion(value: unknown, pledgeIdFallback = ''): PledgeSuggestion | null {
  const s = obj(value);
  const candidateId = str(s.candidateId, str(s.b));
  const pledgeId = str(s.pledgeId, str(s.a, pledgeIdFallback));
  if (!candidateId || !pledgeId) return null;
  const terms = list(s.matchedTerms ?? s.terms).map((term) => {
    if (typeof term === 'string') return { wordA: term, wordB: term };
    const m = obj(term);
    return { wordA: str(m.wordA, str(m.a)), wordB: str(m.wordB, str(m.b)) };
  });
  // The same pair of words can earn score through several clauses (word and grams): show it once.
  const seen = new Set<string>();
  const unique = terms.filter((t) => {
    const key = `${t.wordA.toLowerCase()}\u0000${t.wordB.toLowerCase()}`;
    if (t.wordA === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { pledgeId, candidateId, score: num(s.score), confidence: parseConfidence(s.confidence), terms: unique };
}

/** Suggestions as a flat list, or grouped by pledge ({byPledge: {id: [...]}} or {id: [...]}). */
export function parseSuggestions(value: unknown): PledgeSuggestion[] {
  if (Array.isArray(value)) return value.map((s) => parseSuggestion(s)).filter((s): s is PledgeSuggestion => s !== null);
  const grouped = obj(obj(value).byPledge ?? value);
  const out: PledgeSuggestion[] = [];
  for (const [pledgeId, entries] of Object.entries(grouped)) {
    for (const entry of list(entries)) {
      const parsed = parseSuggestion(entry, pledgeId);
      if (parsed) out.push(parsed);
    }
  }
  return out;
}

function parseDocumentRef(value: unknown, fallback: string): { name: string; title: string } {
  if (typeof value === 'string') return { name: value, title: value };
  const d = obj(value);
  const name = str(d.name, str(d.id, fallback));
  return { name, title: str(d.title, name) };
}

export function parseComparison(value: unknown, aName = 'a', bName = 'b'): Comparison {
  const c = obj(value);
  if (!Array.isArray(c.aligned) && !Array.isArray(c.onlyInA)) throw new UnexpectedAnswer('comparison');
  const linkIds = new Map<string, string>();
  for (const link of list(c.links)) {
    const l = obj(link);
    if (typeof l.id === 'string' && typeof l.a === 'string' && typeof l.b === 'string') linkIds.set(`${l.a}\u0000${l.b}`, l.id);
  }
  const aligned: AlignedRow[] = [];
  for (const row of list(c.aligned)) {
    const r = obj(row);
    const a = parsePledge(r.a);
    const b = parsePledge(r.b);
    const l = obj(r.link);
    const linkId = typeof l.id === 'string' ? l.id : null;
    if (a && b) {
      aligned.push({
        a,
        b,
        kind: parseLinkKind(l.kind ?? r.kind),
        linkId: linkId ?? linkIds.get(`${a.id}\u0000${b.id}`) ?? null,
        // The name the server resolved for a signed-in reader; the id only where it knows none.
        linkedBy: actorLabel(nonEmpty(l.createdBy), nonEmpty(l.createdByName)),
        linkedAt: typeof l.createdAt === 'string' && l.createdAt ? l.createdAt : null,
      });
    }
  }
  const pledges = (v: unknown) => list(v).map(parsePledge).filter((p): p is Pledge => p !== null);
  const cov = obj(c.coverage);
  const onlyInA = pledges(c.onlyInA);
  const total = num(cov.total, aligned.length + onlyInA.length);
  return {
    a: parseDocumentRef(c.a ?? c.documentA, aName),
    b: parseDocumentRef(c.b ?? c.documentB, bName),
    aligned,
    onlyInA,
    onlyInB: pledges(c.onlyInB),
    coverage: { found: num(cov.found, new Set(aligned.map((r) => r.a.id)).size), total, sentence: typeof cov.sentence === 'string' ? cov.sentence : null },
    suggestions: parseSuggestions(c.suggestions),
    statuses: parseStatuses(c.statuses),
    statusEntries: parseStatusEntries(c.statuses),
  };
}

/** {pledgeId: {status}} with unknown statuses left out. */
export function parseStatuses(value: unknown): Map<string, PledgeStatus> {
  const out = new Map<string, PledgeStatus>();
  for (const [id, entry] of Object.entries(obj(value))) {
    const status = str(obj(entry).status);
    if (STATUSES.includes(status)) out.set(id, status as PledgeStatus);
  }
  return out;
}

/** {pledgeId: {entry}}: non-negative whole entry indexes only. */
export function parseStatusEntries(value: unknown): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, entry] of Object.entries(obj(value))) {
    const index = obj(entry).entry;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0) out.set(id, index);
  }
  return out;
}

/** Coverage as a whole percentage (0 for an empty document). */
export function coveragePercent(coverage: Coverage): number {
  return coverage.total === 0 ? 0 : Math.round((coverage.found / coverage.total) * 100);
}

/** Suggestions for one pledge of A, best first, without candidates already linked to it. */
export function suggestionsFor(comparison: Comparison, pledgeId: string): PledgeSuggestion[] {
  const linked = new Set(comparison.aligned.filter((r) => r.a.id === pledgeId).map((r) => r.b.id));
  return comparison.suggestions.filter((s) => s.pledgeId === pledgeId && !linked.has(s.candidateId)).sort((x, y) => y.score - x.score);
}

function nonEmpty(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}
