// The notice for edits the server refused: a connection that comes back read-only (rights
// withdrawn, or the session ended while offline) leaves the edits made without a connection in
// this window only. The reader is told so plainly and can keep their version — copied or as a
// text file — to pass it on or paste it back once they may write again; closing or reloading the
// window would otherwise lose it without a trace.
import { saveFile } from '../download';
import { h, i18nText, icon } from '../dom';
import { formatDateTime, t } from '../i18n';

export interface RefusedVersion {
  /** The text as this window holds it, own refused edits included. */
  text(): string;
  documentName: string;
  documentTitle: string;
}

/** "pledgepad-NAME-nicht-gespeichert-2026-11-30.txt" (date in UTC; the name limited to safe characters). */
export function refusedFileName(documentName: string, now: Date = new Date()): string {
  const safe = documentName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'dokument';
  return `pledgepad-${safe}-nicht-gespeichert-${now.toISOString().slice(0, 10)}.txt`;
}

/**
 * Why the edits were refused: the connection came back read-only, access was withdrawn
 * altogether, or the server closed the document in this window for a change it refused (the
 * size limit, an update it could not read).
 */
export type RefusedBecause = 'readonly' | 'denied' | 'closed';

const TEXT = { readonly: 'refusedText', denied: 'refusedTextDenied', closed: 'refusedTextClosed' } as const;
const FILE_HEADER = { readonly: 'refusedFileHeader', denied: 'refusedFileHeaderDenied', closed: 'refusedFileHeaderClosed' } as const;

export function createRefusedChangesNotice(version: RefusedVersion): { element: HTMLElement; setShown(shown: boolean, because?: RefusedBecause): void } {
  const status = h('p', { class: 'refused-status', role: 'status', 'aria-live': 'polite' });
  const copy = i18nText(h('button', { type: 'button', class: 'button button-small' }), 'refusedCopy');
  const download = i18nText(h('button', { type: 'button', class: 'button button-small' }), 'refusedDownload');
  let because: RefusedBecause = 'readonly';
  const explanation = i18nText(h('span', {}), 'refusedText');
  const message = h('p', {}, i18nText(h('strong', {}), 'refusedTitle'), ' ', explanation);
  // The page's language switch re-translates by data-i18n, so the key follows the reason.
  const explain = () => i18nText(explanation, TEXT[because]);
  // Only the sentence is the alert (the buttons are not read out with it). The region stays in
  // the page and the sentence is put in when the notice appears: that is what screen readers announce.
  const alert = h('div', { role: 'alert' });
  const element = h(
    'div',
    { class: 'notice notice-problem notice-refused', hidden: true },
    icon('warning'),
    h('div', { class: 'refused-body' }, alert, h('p', { class: 'refused-actions' }, copy, ' ', download), status),
  );

  copy.addEventListener('click', () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      status.textContent = t('refusedCopyFailed');
      return;
    }
    clipboard.writeText(version.text()).then(
      () => (status.textContent = t('refusedCopied')),
      () => (status.textContent = t('refusedCopyFailed')),
    );
  });
  download.addEventListener('click', () => {
    const now = new Date();
    const file = refusedFileName(version.documentName, now);
    // A header line, so that a file passed on says what it is; the text follows unchanged.
    const header = t(FILE_HEADER[because], { title: version.documentTitle, date: formatDateTime(now.toISOString()) });
    saveFile(file, `${header}\n\n${version.text()}\n`, 'text/plain;charset=utf-8');
    status.textContent = t('refusedDownloaded', { file });
  });

  return {
    element,
    setShown(shown: boolean, reason: RefusedBecause = 'readonly') {
      if (shown && reason !== because) {
        because = reason;
        explain();
      }
      if (shown === !element.hidden) return;
      element.hidden = !shown;
      if (shown) {
        explain();
        status.textContent = '';
        alert.replaceChildren(message);
      } else {
        alert.replaceChildren();
      }
    },
  };
}
