// The pledge comparison (/vergleich): the election programme (A) and the coalition agreement (B)
// side by side. Linked pledges share a row, unlinked ones stand on their own side, the coverage
// figure is given in words and as a bar, and each unlinked programme pledge lists the machine's
// suggestions with their confidence and the words they share. Editors link (choosing the kind:
// gleich, teilweise, verwandt) and unlink. With more than two documents the reader picks the pair.
import { ApiError, changedSince, getJsonTagged, listDocuments, sendJson } from '../api';
import { actionErrorMessage, errorDetail } from '../actionErrors';
import { coveragePercent, parseComparison, suggestionsFor, type Comparison, type LinkKind, type Pledge, type PledgeSuggestion } from '../comparison';
import type { DocumentSummary } from '../documents';
import { documentText, h, i18nText, icon, messageWith } from '../dom';
import { formatDateTime, formatNumber, onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';
import { me, roleRank } from '../session';
import { choosePair, comparable, comparePicker } from './comparePicker';
import { statusComments, type StatusDrafts } from './statusComments';
import { waitNotice } from './waitNotice';
import type { View } from './view';

/** A programme and a coalition agreement to compare: the first of each kind. */
export function pickPair(documents: DocumentSummary[]): { a: DocumentSummary; b: DocumentSummary } | null {
  const a = documents.find((d) => d.kind === 'programme');
  const b = documents.find((d) => d.kind === 'coalition-agreement');
  return a && b ? { a, b } : null;
}

/** How often the page asks whether the comparison changed (a 304 without a body when not). */
export const COMPARE_POLL_MS = 30_000;

export function comparePage(main: HTMLElement): View {
  const abort = new AbortController();
  const heading = i18nText(h('h1', { id: 'page-title' }), 'compareTitle');
  const intro = i18nText(h('p', { class: 'lead' }), 'compareIntro');
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'compare-body' }, h('p', { class: 'muted' }, t('loading')));
  // Filled once, when there are more than two documents; not redrawn, so a choice being made keeps its focus.
  const picker = h('div', { class: 'compare-choice' });
  // The comparison counts against a per-client limit (429, Retry-After): getJson waits and asks again, this says so.
  const waiting = waitNotice();
  // Said when someone else changed what this page shows; a status region from the start, so that
  // screen readers announce the text when it appears. The page is not redrawn by itself: a redraw
  // under the reader would take away their focus and their place, so they choose when.
  const changed = h('div', { class: 'compare-changed', role: 'status' });
  const page = h('div', { class: 'page page-compare' }, heading, intro, picker, waiting.element, changed, body, live);
  main.replaceChildren(page);
  main.setAttribute('aria-labelledby', 'page-title');

  let comparison: Comparison | null = null;
  let pair: { a: DocumentSummary; b: DocumentSummary } | null = null;
  /** What went wrong; the cause is worded when drawn, so a language switch rewords it. */
  let problem: { key: MessageKey; cause?: unknown } | null = null;
  /**
   * The pair just linked or unlinked: the redraw replaces the pressed button, so the focus goes
   * to the pair's new control (WCAG 2.4.3) instead of falling to the page's start.
   */
  let focusPair: { a: string; b: string } | null = null;
  /**
   * Status comments being written: every redraw rebuilds the pledges and their forms, and a link
   * made elsewhere on the page (or a language switch) must not throw away the text being typed.
   */
  const drafts: StatusDrafts = new Map();
  /** The pair the reader chose; null until they choose (then the first programme and agreement). */
  let chosen: { a: string; b: string } | null = null;
  /** The link kind chosen per suggested pair, kept across redraws (a language switch, a link elsewhere). */
  const kinds = new Map<string, LinkKind>();
  const pairKey = (a: string, b: string) => `${a}\u0000${b}`;
  /** The comparison's address and the entity tag of the answer drawn; the page asks every POLL_MS whether it still holds. */
  let shown: { url: string; etag: string } | null = null;
  let changedElsewhere = false;
  let loading = false;
  let focusHeading = false;
  const canLink = () => roleRank(me().role) >= roleRank('councillor');

  async function load(): Promise<void> {
    loading = true;
    try {
      const documents = comparable(await listDocuments(abort.signal));
      pair = choosePair(documents, chosen, pickPair);
      if (documents.length > 2 && !picker.firstChild) {
        picker.append(comparePicker(documents, pair, (a, b) => {
          chosen = { a, b };
          void load();
        }));
      }
      if (!pair) {
        problem = { key: 'compareNoDocuments' };
      } else {
        const url = `/api/pledges/compare?a=${encodeURIComponent(pair.a.name)}&b=${encodeURIComponent(pair.b.name)}`;
        const { value, etag } = await getJsonTagged(url, abort.signal, waiting.listener);
        comparison = parseComparison(value, pair.a.name, pair.b.name);
        shown = etag === null ? null : { url, etag };
        changedElsewhere = false;
        problem = null;
      }
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
      problem = missing ? { key: 'compareUnavailable' } : { key: 'compareFailed', cause: error };
    } finally {
      loading = false;
    }
    render();
  }

  /** Asks whether the comparison changed since it was drawn (304 if not); only while the page is seen. */
  async function checkForChanges(): Promise<void> {
    if (!shown || changedElsewhere || loading || document.visibilityState !== 'visible') return;
    const asked = shown;
    try {
      if ((await changedSince(asked.url, asked.etag, abort.signal)) === true && shown === asked) {
        changedElsewhere = true;
        drawChanged();
      }
    } catch {
      // aborted: the page is gone
    }
  }

  function drawChanged(): void {
    if (!changedElsewhere) {
      changed.replaceChildren();
      return;
    }
    const reload = i18nText(h('button', { type: 'button', class: 'button button-small' }), 'compareReload');
    reload.addEventListener('click', () => {
      focusHeading = true;
      void load();
    });
    changed.replaceChildren(h('div', { class: 'notice' }, icon('sync'), h('p', {}, t('compareChanged')), reload));
  }

  function pledgeCard(pledge: Pledge, side: 'a' | 'b'): HTMLElement {
    const titleId = `pledge-${side}-${pledge.id}`;
    const status = comparison?.statuses.get(pledge.id);
    const entry = comparison?.statusEntries.get(pledge.id);
    return h(
      'article',
      { class: `pledge pledge-${side}`, 'aria-labelledby': titleId, 'data-pledge': pledge.id },
      pledge.chapter ? documentText(h('p', { class: 'pledge-chapter muted' }, pledge.chapter)) : null,
      documentText(h('h4', { id: titleId, tabindex: '-1' }, pledge.title)),
      pledge.body ? documentText(h('p', {}, pledge.body)) : null,
      status ? h('p', { class: 'pledge-status', 'data-status': status }, t('pledgeStatus', { status: t(`status.${status}` as MessageKey) })) : null,
      entry !== undefined && pair ? statusComments({ document: side === 'a' ? pair.a.name : pair.b.name, pledgeId: pledge.id, entry }, abort.signal, drafts) : null,
    );
  }

  /** "verknüpft von … am …": who confirmed a link is part of the record, not only that it exists. */
  function linkedBy(row: { linkedBy: string | null; linkedAt: string | null }): HTMLElement | null {
    if (!row.linkedBy) return null;
    return h('p', { class: 'linked-by muted' }, t('linkedBy', { who: row.linkedBy, date: row.linkedAt ? formatDateTime(row.linkedAt) : '–' }));
  }

  /**
   * A failed link or unlink is said beside the button that was pressed: the polite region alone
   * is invisible, so a sighted reader saw nothing happen.
   */
  function showFailure(button: HTMLElement, error: unknown): void {
    const where = button.parentElement;
    where?.querySelector(':scope > .action-error')?.remove();
    const text = actionErrorMessage(error);
    if (where) button.after(h('p', { class: 'field-error action-error', role: 'alert' }, icon('warning'), h('span', {}, text)));
    else live.textContent = text;
  }

  function link(a: string, b: string, button: HTMLElement): void {
    const kind = (kinds.get(pairKey(a, b)) ?? 'same').toUpperCase();
    sendJson('POST', '/api/pledges/links', { a, b, kind, origin: 'SUGGESTION_CONFIRMED' }).then(
      () => {
        live.textContent = t('linked');
        focusPair = { a, b };
        void load();
      },
      (error: unknown) => showFailure(button, error),
    );
  }

  function unlink(linkId: string, pairIds: { a: string; b: string }, button: HTMLElement): void {
    sendJson('DELETE', `/api/pledges/links/${encodeURIComponent(linkId)}`).then(
      () => {
        live.textContent = t('unlinked');
        focusPair = pairIds;
        void load();
      },
      (error: unknown) => showFailure(button, error),
    );
  }

  function suggestionItem(s: PledgeSuggestion, byId: Map<string, Pledge>): HTMLElement {
    const candidate = byId.get(s.candidateId);
    const words = s.terms.map((term) => (term.wordA === term.wordB ? term.wordA : `${term.wordA} ↔ ${term.wordB}`)).join(', ');
    const item = h(
      'li',
      { class: `suggestion confidence-${s.confidence}` },
      h('span', { class: `badge badge-confidence-${s.confidence}` }, t('confidence', { level: t(`confidence.${s.confidence}` as MessageKey) })),
      ' ',
      documentText(h('strong', {}, candidate?.title ?? s.candidateId)),
      ' ',
      h('span', { class: 'muted' }, `(${t('score', { score: formatNumber(s.score, 2) })})`),
      words ? h('p', { class: 'matched-words' }, ...messageWith('matchedWords', { words: documentText(h('span', {}, words)) })) : null,
    );
    if (canLink()) {
      item.append(kindChoice(s));
      const button = i18nText(h('button', { type: 'button', class: 'button button-small' }), 'linkPledges');
      button.setAttribute('aria-label', `${t('linkPledges')}: ${candidate?.title ?? s.candidateId}`);
      button.dataset.pairA = s.pledgeId;
      button.dataset.pairB = s.candidateId;
      button.addEventListener('click', () => link(s.pledgeId, s.candidateId, button));
      item.append(button);
    }
    return item;
  }

  /** The kind of link "Verknüpfen" makes: a labelled select, "gleich" unless the editor chooses otherwise. */
  function kindChoice(s: PledgeSuggestion): HTMLElement {
    const id = `link-kind-${s.pledgeId}-${s.candidateId}`;
    const key = pairKey(s.pledgeId, s.candidateId);
    const select = h('select', { id, class: 'link-kind-choice' }, ...(['same', 'partly', 'related'] as const).map((k) => h('option', { value: k }, t(`link.${k}` as MessageKey))));
    select.value = kinds.get(key) ?? 'same';
    select.addEventListener('change', () => kinds.set(key, select.value as LinkKind));
    return h('span', { class: 'field-inline' }, h('label', { for: id }, t('linkKindChoice')), ' ', select, ' ');
  }

  /**
   * The page's words name the election programme and the coalition agreement; for another pair
   * (two programmes, a motion) they name the two documents' titles instead, marked as document text.
   */
  function pairWords<E extends HTMLElement>(element: E, standardKey: MessageKey, pairKey: MessageKey, values: Record<string, string | number>): E {
    const p = pair;
    if (!p || (p.a.kind === 'programme' && p.b.kind === 'coalition-agreement')) {
      if (Object.keys(values).length === 0) return i18nText(element, standardKey);
      element.textContent = t(standardKey, values);
      return element;
    }
    delete element.dataset.i18n;
    const nodes: Record<string, Node> = { a: documentText(h('span', {}, p.a.title || p.a.name)), b: documentText(h('span', {}, p.b.title || p.b.name)) };
    for (const [name, value] of Object.entries(values)) nodes[name] = document.createTextNode(String(value));
    element.replaceChildren(...messageWith(pairKey, nodes));
    return element;
  }

  function render(): void {
    drawChanged();
    if (pair) {
      pairWords(heading, 'compareTitle', 'compareTitlePair', {});
      pairWords(intro, 'compareIntro', 'compareIntroPair', {});
    }
    if (problem) {
      const missing = problem.key !== 'compareFailed';
      page.dataset.compareState = missing ? 'unavailable' : 'failed';
      body.replaceChildren(h('div', { class: `notice${missing ? '' : ' notice-problem'}`, role: missing ? 'status' : 'alert' }, icon('warning'), h('p', {}, t(problem.key, { detail: problem.cause === undefined ? '' : errorDetail(problem.cause) }))));
      return;
    }
    if (!comparison || !pair) return;
    page.dataset.compareState = 'ready';
    const c = comparison;
    const percent = coveragePercent(c.coverage);
    const meter = h('div', { class: 'coverage-bar', role: 'img' }, h('span', { class: 'coverage-fill' }));
    (meter.firstChild as HTMLElement).style.width = `${percent}%`;
    meter.setAttribute('aria-label', `${t('coverage')}: ${percent} %`);
    const coverage = h(
      'section',
      { class: 'coverage', 'aria-labelledby': 'coverage-title' },
      i18nText(h('h2', { id: 'coverage-title' }), 'coverage'),
      pairWords(h('p', { class: 'coverage-figure' }), 'coverageFigure', 'coverageFigurePair', { found: c.coverage.found, total: c.coverage.total, percent }),
      meter,
    );

    const byIdB = new Map<string, Pledge>();
    for (const p of [...c.onlyInB, ...c.aligned.map((r) => r.b)]) byIdB.set(p.id, p);

    const headerRow = h('div', { class: 'compare-row compare-head', role: 'row' }, documentText(h('div', { role: 'columnheader' }, pair.a.title)), documentText(h('div', { role: 'columnheader' }, pair.b.title)));
    const alignedRows = c.aligned.map((row) => {
      const kind = h('p', { class: `badge link-kind link-${row.kind}` }, t('linkKindLabel', { kind: t(`link.${row.kind}` as MessageKey) }));
      const cellB = h('div', { role: 'cell' }, pledgeCard(row.b, 'b'), kind, linkedBy(row));
      if (canLink() && row.linkId) {
        const linkId = row.linkId;
        const button = i18nText(h('button', { type: 'button', class: 'button button-small' }), 'unlinkPledges');
        button.setAttribute('aria-label', `${t('unlinkPledges')}: ${row.a.title} – ${row.b.title}`);
        button.dataset.pairA = row.a.id;
        button.dataset.pairB = row.b.id;
        button.addEventListener('click', () => unlink(linkId, { a: row.a.id, b: row.b.id }, button));
        cellB.append(button);
      }
      return h('div', { class: 'compare-row', role: 'row' }, h('div', { role: 'cell' }, pledgeCard(row.a, 'a')), cellB);
    });
    const aligned = h(
      'section',
      { 'aria-labelledby': 'aligned-title' },
      i18nText(h('h2', { id: 'aligned-title' }), 'alignedTitle'),
      c.aligned.length === 0 ? h('p', { class: 'muted' }, t('noneHere')) : h('div', { class: 'compare-table', role: 'table', 'aria-labelledby': 'aligned-title' }, headerRow, ...alignedRows),
    );

    const onlyA = c.onlyInA.map((pledge) => {
      const suggestions = suggestionsFor(c, pledge.id);
      return h(
        'li',
        {},
        pledgeCard(pledge, 'a'),
        suggestions.length > 0 ? h('div', { class: 'suggestions' }, h('h5', {}, t('suggestionsFor')), h('ul', {}, ...suggestions.map((s) => suggestionItem(s, byIdB)))) : null,
      );
    });
    const sides = h(
      'div',
      { class: 'compare-sides' },
      h(
        'section',
        { 'aria-labelledby': 'only-a-title' },
        pairWords(h('h2', { id: 'only-a-title' }), 'onlyInATitle', 'onlyInAPair', {}),
        i18nText(h('p', { class: 'muted' }), 'suggestionNote'),
        onlyA.length ? h('ul', { class: 'pledge-list' }, ...onlyA) : h('p', {}, t('noneHere')),
      ),
      h(
        'section',
        { 'aria-labelledby': 'only-b-title' },
        pairWords(h('h2', { id: 'only-b-title' }), 'onlyInBTitle', 'onlyInBPair', {}),
        c.onlyInB.length ? h('ul', { class: 'pledge-list' }, ...c.onlyInB.map((p) => h('li', {}, pledgeCard(p, 'b')))) : h('p', {}, t('noneHere')),
      ),
    );
    // A comment field that had the focus (a language switch while typing) gets it back.
    const typingIn = document.activeElement?.closest<HTMLElement>('.status-comments')?.dataset.draftKey;
    body.replaceChildren(coverage, aligned, sides);
    if (typingIn !== undefined) [...body.querySelectorAll<HTMLElement>('.status-comments')].find((el) => el.dataset.draftKey === typingIn)?.querySelector('textarea')?.focus();
    if (focusPair) {
      const { a, b } = focusPair;
      focusPair = null;
      // The other control of the same pair ("Verknüpfung lösen" after linking, "Verknüpfen" after
      // unlinking, when the machine still suggests it), else the programme pledge's heading.
      const control = [...body.querySelectorAll<HTMLElement>('button[data-pair-a]')].find((el) => el.dataset.pairA === a && el.dataset.pairB === b);
      (control ?? body.querySelector<HTMLElement>(`[id="${CSS.escape(`pledge-a-${a}`)}"]`))?.focus();
    }
    if (focusHeading) {
      // The pressed "Neu laden" is gone with its notice: the focus goes to the page's start.
      focusHeading = false;
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  const unsubscribe = onLanguageChange(render);
  void load();
  const polling = setInterval(() => void checkForChanges(), COMPARE_POLL_MS);

  return {
    title: () => `${pair && !(pair.a.kind === 'programme' && pair.b.kind === 'coalition-agreement') ? t('compareTitlePair', { a: pair.a.title || pair.a.name, b: pair.b.title || pair.b.name }) : t('compareTitle')} – Pledgepad`,
    dispose() {
      clearInterval(polling);
      abort.abort();
      unsubscribe();
      waiting.dispose();
    },
  };
}
