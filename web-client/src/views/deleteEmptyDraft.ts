// "Leeren Entwurf löschen" in the editor's sidebar: a motion started by mistake goes again, as
// long as nobody has written in it (the server refuses otherwise, 409: a written document's
// history is kept). Offered to whoever writes the draft while its text is empty; asks first.
import { actionErrorMessage } from '../actionErrors';
import { ApiError, sendJson } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { confirmThenSend } from './confirmDialog';

export interface DeleteControl {
  element: HTMLElement;
  setShown(shown: boolean): void;
}

export function deleteEmptyDraft(name: string, onDeleted: () => void): DeleteControl {
  const button = h('button', { type: 'button', class: 'button button-quiet delete-draft' }, t('deleteDraft'));
  const error = h('p', { class: 'field-error', role: 'alert' });
  const element = h('div', { class: 'delete-draft-slot', hidden: true }, button, error);
  button.addEventListener('click', () => {
    error.textContent = '';
    void confirmThenSend(
      { title: t('deleteDraftTitle'), text: t('deleteDraftText'), confirm: t('deleteDraftConfirm'), cancel: t('cancel'), className: 'delete-draft-dialog' },
      button,
      () => sendJson('DELETE', `/api/documents/${encodeURIComponent(name)}`),
    ).then((outcome) => {
      if (outcome.state === 'done') onDeleted();
      else if (outcome.state === 'failed') {
        const e = outcome.error;
        error.textContent = e instanceof ApiError && e.status === 409 ? t('deleteDraftHasHistory') : actionErrorMessage(e);
      }
    });
  });

  return {
    element,
    setShown(shown: boolean) {
      element.hidden = !shown;
    },
  };
}
