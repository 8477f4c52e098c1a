// The start page: every document, grouped by stage, with a title search.
import { errorDetail } from '../actionErrors';
import { listDocuments } from '../api';
import { filterByTitle, groupByStage, isKind, type DocumentSummary } from '../documents';
import { documentText, h, i18nText, icon } from '../dom';
import { formatDateTime, hasMessage, onLanguageChange, t } from '../i18n';
import { documentPath, navigate } from '../router';
import { me, onMeChange } from '../session';
import type { Me } from '../api';
import { newDocumentSection } from './newDocumentForm';
import type { View } from './view';

export function kindLabel(kind: string): string {
  const key = `kind.${kind}`;
  return isKind(kind) && hasMessage(key) ? t(key) : kind;
}

export function stageLabel(stage: string): string {
  const key = `stage.${stage}`;
  return hasMessage(key) ? t(key) : stage;
}

function countText(count: number, one: 'groupCountOne' | 'resultCountOne', many: 'groupCount' | 'resultCount'): string {
  return count === 1 ? t(one) : t(many, { count });
}

export function startPage(main: HTMLElement): View {
  const abort = new AbortController();
  let documents: DocumentSummary[] | null = null;
  /** Why the list could not be loaded (worded when drawn, in the current language). */
  let error: { cause: unknown } | null = null;

  const heading = i18nText(h('h1', { id: 'page-title' }), 'documentsTitle');
  const intro = i18nText(h('p', { class: 'lead' }), 'documentsIntro');
  const searchInput = h('input', { id: 'doc-search', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'doc-search-hint' });
  const searchLabel = i18nText(h('label', { for: 'doc-search' }), 'search');
  const searchHint = i18nText(h('span', { id: 'doc-search-hint', class: 'hint' }), 'searchHint');
  const resultStatus = h('p', { class: 'result-count', role: 'status', 'aria-live': 'polite' });
  const search = h('search', { class: 'doc-search' }, searchLabel, h('div', { class: 'search-field' }, icon('search'), searchInput), searchHint);
  const groupsContainer = h('div', { class: 'stage-groups', 'aria-busy': 'true' }, i18nText(h('p', { class: 'muted' }), 'loading'));

  // "Neuer Antrag" for whoever may start a motion: a councillor or admin of at least one body.
  const newDocument = h('div', { class: 'new-document-slot' });
  function renderNewDocument(who: Me): void {
    const bodies = who.user?.bodies ?? [];
    const may = (who.role === 'councillor' || who.role === 'admin') && bodies.length > 0;
    newDocument.replaceChildren(...(may ? [newDocumentSection(bodies, (name) => navigate(documentPath(name)))] : []));
  }
  renderNewDocument(me());

  main.replaceChildren(h('div', { class: 'page page-start' }, heading, intro, newDocument, search, resultStatus, groupsContainer));
  main.setAttribute('aria-labelledby', 'page-title');

  function renderGroups(): void {
    groupsContainer.removeAttribute('aria-busy');
    if (error !== null) {
      const retry = i18nText(h('button', { type: 'button', class: 'button' }), 'retry');
      retry.addEventListener('click', () => void load());
      groupsContainer.replaceChildren(h('div', { class: 'notice notice-problem', role: 'alert' }, icon('warning'), h('p', {}, t('loadFailed', { detail: errorDetail(error.cause) })), retry));
      resultStatus.textContent = '';
      return;
    }
    if (documents === null) return;
    const query = searchInput.value;
    const found = filterByTitle(documents, query);
    resultStatus.textContent = query.trim() === '' ? '' : found.length === 0 ? t('resultCountNone') : countText(found.length, 'resultCountOne', 'resultCount');
    const sections = groupByStage(found).map((group) => {
      const id = `stage-${group.stage}`;
      const title = h('h2', { id }, h('span', {}, stageLabel(group.stage)), ' ', h('span', { class: 'count' }, countText(group.documents.length, 'groupCountOne', 'groupCount')));
      const body =
        group.documents.length === 0
          ? h('p', { class: 'muted empty' }, t('groupEmpty'))
          : h('ul', { class: 'doc-list' }, ...group.documents.map(renderCard));
      return h('section', { class: `stage-group stage-${group.stage}`, 'aria-labelledby': id }, title, body);
    });
    groupsContainer.replaceChildren(...sections);
  }

  function renderCard(doc: DocumentSummary): HTMLLIElement {
    const link = documentText(h('a', { href: documentPath(doc.name), class: 'doc-link' }, doc.title));
    const meta = h('p', { class: 'doc-meta' }, h('span', { class: `kind-badge kind-${isKind(doc.kind) ? doc.kind : 'other'}` }, kindLabel(doc.kind)));
    if (doc.updatedAt) {
      const time = h('time', { datetime: doc.updatedAt }, formatDateTime(doc.updatedAt));
      meta.append(' ', h('span', { class: 'updated' }, t('updatedAt', { date: '' }).replace(/\s*$/, ' '), time));
    }
    return h('li', { class: 'doc-card' }, h('h3', {}, link), meta);
  }

  async function load(): Promise<void> {
    error = null;
    groupsContainer.setAttribute('aria-busy', 'true');
    try {
      documents = await listDocuments(abort.signal);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      error = { cause: e };
    }
    renderGroups();
  }

  searchInput.addEventListener('input', renderGroups);
  const unsubscribe = onLanguageChange(() => {
    renderGroups();
    renderNewDocument(me());
  });
  const unsubscribeMe = onMeChange(renderNewDocument);
  void load();
  document.title = `${t('documentsTitle')} – Pledgepad`;

  return {
    title: () => `${t('documentsTitle')} – Pledgepad`,
    dispose() {
      abort.abort();
      unsubscribe();
      unsubscribeMe();
    },
  };
}
