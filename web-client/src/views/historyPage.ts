// The history of a document (/d/{name}/verlauf): the timeslider with the text at any revision
// and its authors, the named versions (naming, restoring for those allowed, with a confirmation),
// the revisions newest first, and the differences between two of them (insertions and deletions
// marked by <ins>/<del> and by a spoken prefix, not by colour alone). When the server has no
// history endpoint (404) the page says "Verlauf noch nicht verfügbar" instead of failing.
import { errorDetail } from '../actionErrors';
import { ApiError, getDocument, getJson } from '../api';
import { changedPassages, foldUnchanged, diffStats, parseDiff, parseNamed, parsePermissions, parseVersions, type DiffPart, type HistoryPermissions, type NamedVersion, type Version } from '../history';
import { restoreVersion } from '../historyApi';
import { documentText, h, i18nText, icon, interfaceText, messageWith } from '../dom';
import { formatDateTime, onLanguageChange, t } from '../i18n';
import { documentPath } from '../router';
import { withNamedSteps } from '../timeslider';
import { confirmDialog } from './confirmDialog';
import { namedVersionsSection } from './namedVersionsSection';
import { createTimeslider, type Timeslider } from './timesliderSection';
import { verificationLine } from './verificationLine';
import { waitNotice } from './waitNotice';
import type { View } from './view';

const base = (name: string) => `/api/documents/${encodeURIComponent(name)}`;

function unavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
}

export function historyPage(main: HTMLElement, name: string): View {
  const abort = new AbortController();
  let docTitle = name;
  const heading = h('h1', { id: 'page-title' });
  // "Verlauf: {title}" with the title marked as document text (German inside an English heading).
  const renderHeading = () => heading.replaceChildren(...messageWith('historyTitle', { title: documentText(h('span', {}, docTitle)) }));
  renderHeading();
  const back = h('p', { class: 'back' }, i18nText(h('a', { href: documentPath(name) }), 'backToDocument'));
  const body = h('div', { class: 'history-body' }, h('p', { class: 'muted' }, t('loading')));
  // Results of naming and restoring; focused after a restore so a screen reader reads it.
  const status = h('div', { class: 'history-status', role: 'status', tabindex: -1 });
  // /history, /verify, /diff and /authorship count against per-client limits (429, Retry-After):
  // getJson waits and asks again, this says so.
  const waiting = waitNotice();
  const verification = verificationLine(name, waiting.listener);
  // The tamper-evident record itself, for anyone who may read the document: checked offline with
  // `verify`, so nobody has to trust this server's "geprüft". A plain link: the browser shows the
  // download's progress (the server sends its length).
  const exportLine = h('p', { class: 'muted history-export' },
    i18nText(h('a', { href: `${base(name)}/export`, download: `${name}.pledgepad-history` }), 'historyExportLink'), ' ',
    i18nText(h('span', {}), 'historyExportHint'));
  const page = h('div', { class: 'page page-history' }, back, heading, verification.element, exportLine, waiting.element, status, body);
  main.replaceChildren(page);
  main.setAttribute('aria-labelledby', 'page-title');
  let versions: Version[] | null = null;
  let named: NamedVersion[] = [];
  let may: HistoryPermissions = { nameVersion: false, restore: false };
  let headSeq = 0;
  let state: 'loading' | 'unavailable' | 'failed' | 'ready' = 'loading';
  /** Why the history could not be loaded; worded when drawn, so a language switch rewords it. */
  let failure: unknown = null;
  let slider: Timeslider | null = null;
  let sliderStart: number | null = null;
  let authorshipOn = false;

  getDocument(name, abort.signal).then(
    (details) => {
      docTitle = details.title;
      renderHeading();
      document.title = `${heading.textContent} – Pledgepad`;
    },
    () => undefined,
  );

  function load(): Promise<void> {
    return getJson(`${base(name)}/history`, abort.signal, waiting.listener).then(
      (value) => {
        try {
          versions = parseVersions(value);
          named = parseNamed(value);
          may = parsePermissions(value);
          const head = (value as { head?: { seq?: unknown } }).head?.seq;
          headSeq = typeof head === 'number' ? head : (versions[0]?.seq ?? 0);
          state = 'ready';
          verification.check();
        } catch (error) {
          state = 'failed';
          failure = error;
        }
        render();
      },
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        state = unavailable(error) ? 'unavailable' : 'failed';
        failure = error;
        render();
      },
    );
  }
  void load();

  function announce(message: string, problem = false, focus = false): void {
    status.replaceChildren(h('p', { class: problem ? 'notice notice-problem' : 'notice notice-ok' }, icon(problem ? 'warning' : 'check'), h('span', {}, message)));
    if (focus) status.focus();
  }

  async function restore(seq: number, label: string, button: HTMLElement): Promise<void> {
    const yes = await confirmDialog(
      { title: t('restoreConfirmTitle', { seq: String(seq) }), text: t('restoreConfirmText', { seq: String(seq), label }), confirm: t('restoreConfirm'), cancel: t('dialogCancel'), className: 'restore-dialog' },
      button,
    );
    if (!yes) return;
    try {
      const result = await restoreVersion(name, seq);
      // Show the restored text: the slider starts again at the newest version after the reload.
      slider?.dispose();
      slider = null;
      sliderStart = null;
      await load();
      announce(result.changed && result.seq !== null ? t('restoreDone', { restored: String(seq), seq: String(result.seq) }) : t('restoreUnchanged', { restored: String(seq) }), false, true);
    } catch (error) {
      const forbidden = error instanceof ApiError && (error.status === 401 || error.status === 403);
      announce(forbidden ? t('restoreForbidden') : t('restoreFailed', { detail: errorDetail(error) }), true, true);
    }
  }

  // Not a live region itself: a long diff read out in full would drown everything else. A short
  // status line says what was compared and how much changed; the diff is there to be read.
  const diffTitle = h('h2', { id: 'diff-title' });
  const diffStatus = h('p', { class: 'visually-hidden diff-announce', role: 'status' });
  const diffResult = h('div', {});
  const diffOut = h('section', { class: 'diff', 'aria-labelledby': 'diff-title', hidden: true }, diffTitle, diffStatus, diffResult);

  function render(): void {
    page.dataset.historyState = state; // read by the end-to-end test
    if (state === 'unavailable') {
      body.replaceChildren(h('div', { class: 'notice history-unavailable', role: 'status' }, icon('warning'), h('p', {}, h('strong', {}, t('historyUnavailable')), ' ', t('historyUnavailableText'))));
      return;
    }
    if (state === 'failed') {
      body.replaceChildren(h('div', { class: 'notice notice-problem', role: 'alert' }, icon('warning'), h('p', {}, t('historyFailed', { detail: errorDetail(failure) }))));
      return;
    }
    if (state === 'loading' || !versions) return;
    if (versions.length === 0) {
      body.replaceChildren(h('p', {}, t('noVersions')));
      return;
    }
    if (slider) {
      sliderStart = slider.shownSeq();
      authorshipOn = slider.authorshipOn();
      slider.dispose();
    }
    slider = createTimeslider({
      name,
      versions: withNamedSteps(versions, named),
      signal: abort.signal,
      restore: may.restore ? (v, button) => void restore(v.seq, v.note ?? formatDateTime(v.at), button) : null,
      startSeq: sliderStart,
      authorship: authorshipOn,
      wait: waiting.listener,
    });
    const namedSection = namedVersionsSection({
      name,
      named,
      headSeq,
      may,
      show: (seq) => {
        slider?.showSeq(seq);
        slider?.element.scrollIntoView({ block: 'start' });
        (slider?.element.querySelector('#timeslider') as HTMLElement | null)?.focus();
      },
      restore: (v, button) => void restore(v.seq, v.name, button),
      onNamed: (message, version) => {
        void load().then(() => {
          announce(message);
          (document.getElementById('named-title') as HTMLElement | null)?.scrollIntoView({ block: 'nearest' });
          // The reload rebuilt the form the focus was in (WCAG 2.4.3): the new entry takes it, or
          // the name field when the entry is not listed (yet).
          const entry = [...body.querySelectorAll<HTMLElement>('.named-version')].find((el) => el.dataset.seq === String(version.seq) && el.dataset.name === version.name);
          (entry ?? body.querySelector<HTMLElement>('#version-name'))?.focus();
        });
      },
    });
    const rows = versions.map((v) =>
      h(
        'li',
        { class: `version${v.restoredSeq !== null ? ' version-restore' : ''}${v.note ? ' version-named' : ''}`, 'data-seq': String(v.seq) },
        h('span', { class: 'version-seq' }, t('versionLabel', { seq: String(v.seq) })),
        ' ',
        h('time', { datetime: v.at }, formatDateTime(v.at)),
        v.actor ? ` ${t('versionBy', { actor: v.actor })}` : '',
        v.restoredSeq !== null ? h('span', { class: 'version-badge' }, t('restoredFrom', { seq: String(v.restoredSeq) })) : null,
        v.note ? h('span', { class: 'version-badge version-badge-named' }, t('namedBadge', { name: v.note })) : null,
      ),
    );
    // Version 0 is the empty document before the first row: "from 0" shows everything as inserted.
    const seqs = [...withNamedSteps(versions, named).map((v) => v.seq), ...(versions.some((v) => v.seq === 0) ? [] : [0])];
    // Named versions carry their name in the choice, so "Fassung nach Ausschuss" can be compared directly.
    const nameOf = (seq: number) => named.find((n) => n.seq === seq)?.name;
    const label = (seq: number) => (seq === 0 ? t('versionEmpty') : nameOf(seq) ? `${t('versionLabel', { seq: String(seq) })} – ${nameOf(seq)}` : t('versionLabel', { seq: String(seq) }));
    const options = (selected: number) => seqs.map((seq) => h('option', { value: String(seq), selected: seq === selected }, label(seq)));
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
      slider.element,
      namedSection,
      h('section', { 'aria-labelledby': 'versions-title' }, i18nText(h('h2', { id: 'versions-title' }), 'versions'), h('ol', { class: 'versions', reversed: true }, ...rows)),
      form,
      diffOut,
    );
  }

  async function showDiff(from: number, to: number): Promise<void> {
    diffOut.hidden = false;
    diffTitle.textContent = t('diffTitle', { from: String(from), to: String(to) });
    diffStatus.textContent = t('loading');
    diffResult.replaceChildren(h('p', { class: 'muted' }, t('loading')));
    let parts: DiffPart[];
    try {
      parts = parseDiff(await getJson(`${base(name)}/diff?from=${from}&to=${to}`, abort.signal, waiting.listener));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      const message = unavailable(error) ? t('historyUnavailable') : t('historyFailed', { detail: errorDetail(error) });
      diffStatus.textContent = message;
      diffResult.replaceChildren(h('p', { class: 'notice notice-problem' }, message));
      return;
    }
    const stats = diffStats(parts);
    const text = documentText(h('div', { class: 'diff-text', tabindex: '-1' }));
    // Long unchanged stretches are folded; a fold opened takes the focus, so reading goes on there.
    const folds = new Map<HTMLButtonElement, string>();
    const all = h('button', { type: 'button', class: 'button button-quiet button-small diff-fold-all' }, t('diffFoldAll'));
    const unfold = (button: HTMLButtonElement): HTMLElement => {
      const shown = h('span', { class: 'diff-unfolded', tabindex: '-1' }, folds.get(button) ?? '');
      button.replaceWith(shown);
      folds.delete(button);
      if (folds.size === 0) all.remove();
      return shown;
    };
    for (const part of foldUnchanged(parts)) {
      if (part.kind === 'equal') text.append(part.text);
      else if (part.kind === 'fold') {
        const button = interfaceText(h('button', { type: 'button', class: 'button button-quiet button-small diff-fold' }, t('diffFold', { count: String(part.paragraphs) })));
        button.addEventListener('click', () => unfold(button).focus());
        folds.set(button, part.text);
        text.append(button);
      } else {
        const el = h(part.kind === 'insert' ? 'ins' : 'del', {}, interfaceText(h('span', { class: 'visually-hidden' }, t(part.kind === 'insert' ? 'diffInserted' : 'diffDeleted'))), part.text);
        if (part.author) el.title = part.author;
        text.append(el);
      }
    }
    all.addEventListener('click', () => {
      for (const button of [...folds.keys()]) unfold(button);
      text.focus();
    });
    diffResult.replaceChildren(h('p', { class: 'diff-stats' }, parts.some((p) => p.kind !== 'equal') ? t('diffStats', { inserted: stats.inserted, deleted: stats.deleted }) : t('diffEmpty')), ...(folds.size > 1 ? [all] : []), text);
    const passages = changedPassages(parts);
    const numbers = { from: String(from), to: String(to), passages: String(passages), inserted: String(stats.inserted), deleted: String(stats.deleted) };
    diffStatus.textContent = t(passages === 0 ? 'diffAnnounceNone' : passages === 1 ? 'diffAnnounceOne' : 'diffAnnounce', numbers);
  }

  const unsubscribe = onLanguageChange(() => {
    renderHeading();
    verification.redraw();
    render();
  });

  return {
    title: () => `${t('historyTitle', { title: docTitle })} – Pledgepad`,
    dispose() {
      abort.abort();
      slider?.dispose();
      verification.dispose();
      unsubscribe();
      waiting.dispose();
    },
  };
}
