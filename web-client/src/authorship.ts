// Cuts a version's text (blocks separated by '\n', as the server's text format writes them) into
// paragraphs of pieces, each piece with the author span it belongs to (or none), so the page can
// colour passages by author without HTML strings.
import type { AuthorSpan } from './history';

export interface Piece {
  text: string;
  span: AuthorSpan | null;
}

export function paragraphPieces(text: string, spans: readonly AuthorSpan[]): Piece[][] {
  const paragraphs: Piece[][] = [[]];
  const push = (from: number, to: number, span: AuthorSpan | null) => {
    const lines = text.slice(from, to).split('\n');
    lines.forEach((line, i) => {
      if (i > 0) paragraphs.push([]);
      if (line !== '') paragraphs[paragraphs.length - 1].push({ text: line, span });
    });
  };
  let at = 0;
  for (const span of spans) {
    if (span.from > at) push(at, span.from, null);
    push(Math.max(at, span.from), span.to, span);
    at = Math.max(at, span.to);
  }
  if (at < text.length) push(at, text.length, null);
  return paragraphs;
}

/** Characters per author key (null = unknown), for the legend. */
export function charactersByAuthor(spans: readonly AuthorSpan[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const span of spans) counts.set(span.actor, (counts.get(span.actor) ?? 0) + (span.to - span.from));
  return counts;
}
