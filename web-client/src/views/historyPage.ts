// The history of a document (/d/{name}/verlauf): its versions, newest first, and the
// differences between two of them (insertions and deletions marked by <ins>/<del> and by a
// spoken prefix, not by colour alone). When the server has no history endpoint (404) the page
// says "Verlauf noch nicht verfügbar" instead of failing.
import { ApiError, getDocument, getJson } from '../api';
import { diffStats, parseDiff, parseVersions, type DiffPart, type Version } from '../history';
import { h, i18nText, icon } from '../dom';
import { formatDateTime, onLanguageChange, t } from '../i18n';
import { documentPath } from '../router';
import type { View } from './view';

const base = (name: string) => `/api/documents/${encodeURIComponent(name)}`;

function unavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
}

export function historyPage(main: HTMLElement, name: string): View {
  const abort = new AbortController();
  let docTitle = name;
  const heading = h('h1', { id: 'page-title' }, t('historyTitle', { title: docTitle }));
  const back = h('p', { class: 'back' }, i18nText(h('a', { href: documentPath(name) }), 'backToDocument'));
  const body = h('div', { class: 'history-body' }, h('p', { class: 'muted' }, t('loading')));
  const page = h('div', { class: 'page page-history' }, back, heading, body);
  main.replaceChildren(page);
  main.setAttribute('aria-labelledby', 'page-title');
  let versions: Version[] | null = null;
  let state: 'loading' | 'unavailable' | 'failed' | 'ready' = 'loading';
  let failure = '';

  getDocument(name, abort.signal).then(
    (details) => {
      docTitle = details.title;
      heading.textContent = t('historyTitle', { title: docTitle });
      document.title = `${heading.textContent} – Pledgepad`;
    },
    () => undefined,
  );

  getJson(`${base(name)}/history`, abort.signal).then(
    (value) => {
      try {
        versions = parseVersions(value);
        state = 'ready';
      } catch (error) {
        state = 'failed';
        failure = (error as Error).message;
      }
      render();
    },
    (error: unknown) => {
      if ((error as Error).name === 'AbortError') return;
      state = unavailable(error) ? 'unavailable' : 'failed';
      failure = (error as Error).message;
      render();
    },
  );

  const diffOut = h('section', { class: 'diff', 'aria-labelledby': 'diff-title', 'aria-live': 'polite', hidden: true });

  function render(): void {
    page.dataset.historyState = state; // read by the end-to-end test
    if (state === 'unavailable') {
      body.replaceChildren(h('div', { class: 'notice history-unavailable', role: 'status' }, icon('warning'), h('p', {}, h('strong', {}, t('historyUnavailable')), ' ', t('historyUnavailableText'))));
      return;
    }
    if (state === 'failed') {
      body.replaceChildren(h('div', { class: 'notice notice-problem', role: 'alert' }, icon('warning'), h('p', {}, t('historyFailed', { detail: failure }))));
      return;
    }
    if (state === 'loading' || !versions) return;
    if (versions.length === 0) {
      body.replaceChildren(h('p', {}, t('noVersions')));
      return;
    }
    const rows = versions.map((v) =>
      h(
        'li',
        { class: 'version' },
        h('span', { class: 'version-seq' }, t('versionLabel', { seq: String(v.seq) })),
        ' ',
        h('time', { datetime: v.at }, formatDateTime(v.at)),
        v.actor ? ` ${t('versionBy', { actor: v.actor })}` : '',
        v.note ? h('span', { class: 'muted' }, ` — ${v.note}`) : null,
      ),
    );
    // Version 0 is the empty document before the first row: "from 0" shows everything as inserted.
    const seqs = [...versions.map((v) => v.seq), ...(versions.some((v) => v.seq === 0) ? [] : [0])];
    const options = (selected: number) => seqs.map((seq) => h('option', { value: String(seq), selected: seq === selected }, seq === 0 ? t('versionEmpty') : t('versionLabel', { seq: String(seq) })));
    const newest = versions[0].seq;
    const older = versions.length > 1 ? versions[1].seq : 0;
    const from = h('select', { id: 'diff-from' }, ...options(older));
    const to = h('select', { id: 'diff-to' }, ...options(newest));
    const form = h(
      'form',
      { class: 'diff-form' },
      h('div', { class: 'field' }, i18nText(h('label', { for: 'diff-from' }), 'compareFrom'), from),
      h('div', { class: 'field' }, i18nText(h('label', { for: 'diff-to' }), 'compareTo'), to),
      i18nText(h('button', { type: 'submit', class: 'button button-primary' }), 'showDiff'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void showDiff(Number(from.value), Number(to.value));
    });
    body.replaceChildren(
      h('section', { 'aria-labelledby': 'versions-title' }, i18nText(h('h2', { id: 'versions-title' }), 'versions'), h('ol', { class: 'versions', reversed: true }, ...rows)),
      form,
      diffOut,
    );
  }

  async function showDiff(from: number, to: number): Promise<void> {
    diffOut.hidden = false;
    diffOut.replaceChildren(h('h2', { id: 'diff-title' }, t('diffTitle', { from: String(from), to: String(to) })), h('p', { class: 'muted' }, t('loading')));
    let parts: DiffPart[];
    try {
      parts = parseDiff(await getJson(`${base(name)}/diff?from=${from}&to=${to}`, abort.signal));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      diffOut.lastElementChild!.replaceWith(h('p', { class: 'notice notice-problem' }, unavailable(error) ? t('historyUnavailable') : t('historyFailed', { detail: (error as Error).message })));
      return;
    }
    const stats = diffStats(parts);
    const text = h('div', { class: 'diff-text' });
    for (const part of parts) {
      if (part.kind === 'equal') text.append(part.text);
      else {
        const el = h(part.kind === 'insert' ? 'ins' : 'del', {}, h('span', { class: 'visually-hidden' }, t(part.kind === 'insert' ? 'diffInserted' : 'diffDeleted')), part.text);
        if (part.author) el.title = part.author;
        text.append(el);
      }
    }
    diffOut.lastElementChild!.replaceWith(
      h('div', {}, h('p', { class: 'diff-stats' }, parts.some((p) => p.kind !== 'equal') ? t('diffStats', { inserted: stats.inserted, deleted: stats.deleted }) : t('diffEmpty')), text),
    );
  }

  const unsubscribe = onLanguageChange(() => {
    heading.textContent = t('historyTitle', { title: docTitle });
    render();
  });

  return {
    title: () => `${t('historyTitle', { title: docTitle })} – Pledgepad`,
    dispose() {
      abort.abort();
      unsubscribe();
    },
  };
}
