// "Meine Daten" (/meine-daten): what the server holds about the signed-in person (account and
// counts from GET /api/me/data), the export as a JSON file, and deleting the account
// (DELETE /api/me) after a confirmation that explains the erasure policy and asks for the
// password. The export is limited to one a minute on the server, so the one loaded for the
// counts is also the one downloaded while it is fresh.
import { GUEST } from '../api';
import { h, i18nText, icon } from '../dom';
import { formatDateTime, hasMessage, onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';
import { eraseMe, exportFileName, loadMyData, myDataErrorMessage, type DataSummary } from '../myData';
import { me, refreshMe, roleRank, setMe } from '../session';
import { saveFile } from '../download';
import { confirmDialog } from './confirmDialog';
import type { View } from './view';

/** The server allows one export a minute; a loaded export is offered for download this long. */
const FRESH_MS = 55_000;

export function myDataPage(main: HTMLElement): View {
  const abort = new AbortController();
  const heading = i18nText(h('h1', { id: 'page-title', tabindex: '-1' }), 'myDataTitle');
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'my-data-body' }, i18nText(h('p', { class: 'muted' }), 'loading'));
  main.replaceChildren(h('div', { class: 'page page-my-data' }, heading, body, status));
  main.setAttribute('aria-labelledby', 'page-title');
  let loaded: { raw: unknown; summary: DataSummary; at: number } | null = null;
  let erased = false;

  function problem(message: string): HTMLElement {
    return h('div', { class: 'notice notice-problem', role: 'alert' }, icon('warning'), h('p', {}, message));
  }

  function row(key: MessageKey, value: string): HTMLElement[] {
    return [h('dt', {}, t(key)), h('dd', {}, value)];
  }

  function showSummary(summary: DataSummary): void {
    const role = hasMessage(`role.${summary.role}`) ? t(`role.${summary.role}` as MessageKey) : summary.role;
    const name = summary.pseudonym ? `${summary.displayName} ${t('pseudonymMark')}` : summary.displayName;
    const counts: [MessageKey, number][] = [
      ['myDataComments', summary.comments],
      ['myDataSuggestions', summary.suggestions],
      ['myDataPosts', summary.posts],
      ['myDataReports', summary.reports],
      ['myDataEdits', summary.edits],
      ['myDataNamedVersions', summary.namedVersions],
      ['myDataDocuments', summary.documents],
    ];
    const download = h('button', { type: 'button', class: 'button button-primary my-data-download', 'aria-describedby': 'my-data-download-hint' }, t('myDataDownload'));
    const downloadProblem = h('div', { class: 'my-data-download-problem' });
    download.addEventListener('click', () => void downloadExport(downloadProblem));
    const erase = h('button', { type: 'button', class: 'button button-danger my-data-erase' }, t('eraseButton'));
    erase.addEventListener('click', () => void askErase(erase, summary));
    body.replaceChildren(
      h('p', { class: 'lead' }, t('myDataIntro')),
      h('section', { 'aria-labelledby': 'my-data-account' }, h('h2', { id: 'my-data-account' }, t('myDataAccount')), h('dl', { class: 'my-data-list' }, ...row('myDataLogin', summary.login), ...row('myDataDisplayName', name), ...row('myDataRole', role), ...(summary.createdAt ? row('myDataCreated', formatDateTime(summary.createdAt)) : []))),
      h('section', { 'aria-labelledby': 'my-data-stored' }, h('h2', { id: 'my-data-stored' }, t('myDataStored')), h('dl', { class: 'my-data-list my-data-counts' }, ...counts.flatMap(([key, value]) => row(key, String(value))))),
      h('p', {}, download),
      h('p', { id: 'my-data-download-hint', class: 'muted' }, t('myDataDownloadHint')),
      downloadProblem,
      h('section', { 'aria-labelledby': 'my-data-erase', class: 'my-data-danger' }, h('h2', { id: 'my-data-erase' }, t('eraseTitle')), h('p', {}, t('eraseIntro')), h('p', {}, erase)),
    );
  }

  async function load(): Promise<void> {
    if (!me().user) {
      body.replaceChildren(h('div', { class: 'notice', role: 'status' }, icon('lock'), h('p', {}, t('myDataSignIn'))));
      return;
    }
    try {
      const { raw, summary } = await loadMyData(abort.signal);
      loaded = { raw, summary, at: Date.now() };
      showSummary(summary);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      body.replaceChildren(problem(myDataErrorMessage(error, 'export')));
    }
  }

  async function downloadExport(problemBox: HTMLElement): Promise<void> {
    problemBox.replaceChildren();
    try {
      if (!loaded || Date.now() - loaded.at > FRESH_MS) {
        const next = await loadMyData(abort.signal);
        loaded = { ...next, at: Date.now() };
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') problemBox.replaceChildren(problem(myDataErrorMessage(error, 'export')));
      return;
    }
    const file = exportFileName(loaded.summary.login);
    saveFile(file, JSON.stringify(loaded.raw, null, 2), 'application/json');
    status.textContent = t('myDataDownloaded', { file });
  }

  function policy(summary: DataSummary): HTMLElement {
    const official = roleRank(summary.role) >= roleRank('councillor');
    return h(
      'div',
      { class: 'erase-policy' },
      h('h3', {}, t('eraseGoesTitle')),
      h('ul', {}, h('li', {}, t('eraseGoesName')), h('li', {}, t('eraseGoesComments')), official ? null : h('li', {}, t('eraseGoesText'))),
      h('h3', {}, t('eraseStaysTitle')),
      h('ul', {}, h('li', {}, t(official ? 'eraseStaysOfficial' : 'eraseStaysText')), h('li', {}, t('eraseStaysHistory'))),
    );
  }

  async function askErase(opener: HTMLElement, summary: DataSummary): Promise<void> {
    const password = h('input', { id: 'erase-password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'erase-password-error' });
    const error = h('p', { id: 'erase-password-error', class: 'field-error', role: 'alert' });
    const content = h('div', {}, policy(summary), h('div', { class: 'field' }, h('label', { for: password.id }, t('erasePassword')), password), error);
    const fail = (message: string) => {
      error.textContent = message;
      password.setAttribute('aria-invalid', 'true');
      password.focus();
      return false;
    };
    const confirmed = await confirmDialog(
      {
        title: t('eraseDialogTitle'),
        text: t('eraseDialogText'),
        confirm: t('eraseConfirm'),
        cancel: t('cancel'),
        className: 'erase-dialog',
        content,
        initialFocus: password,
        beforeConfirm: async () => {
          if (password.value === '') return fail(t('erasePasswordMissing'));
          try {
            await eraseMe(password.value);
            return true;
          } catch (failure) {
            return fail(myDataErrorMessage(failure, 'erase'));
          }
        },
      },
      opener,
    );
    if (confirmed) showErased();
  }

  function showErased(): void {
    erased = true;
    loaded = null;
    body.replaceChildren(h('div', { class: 'notice', role: 'status' }, icon('check'), h('div', {}, i18nText(h('h2', {}), 'erasedTitle'), i18nText(h('p', {}), 'erasedText'))));
    setMe(GUEST); // the server ended every session of the account and cleared the cookie
    heading.focus();
    refreshMe().catch(() => undefined); // a fresh guest CSRF token
  }

  // The page's texts are drawn with t(): a language switch draws the loaded summary again.
  const stopLanguage = onLanguageChange(() => {
    if (loaded && !erased && !document.querySelector('dialog[open]')) showSummary(loaded.summary);
  });
  void load();
  return {
    title: () => `${t('myDataTitle')} – Pledgepad`,
    dispose() {
      abort.abort();
      stopLanguage();
      main.removeAttribute('aria-labelledby');
    },
    // After the erasure the page keeps its message; otherwise a sign-in or sign-out redraws it.
    onIdentityChange: () => erased,
  };
}
