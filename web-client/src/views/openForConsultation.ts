// "Zur Beteiligung freigeben" in the editor's sidebar: the body that writes a draft puts it up for
// consultation, public at once for everyone to read and for citizens to comment on. Offered to
// the draft's writers (admins change the stage in "Dokument verwalten"); asks first, because only
// an admin can set it back. The server decides: PATCH {stage: "consultation"} is allowed to a
// draft's writers, every other stage change to admins only.
import { actionErrorMessage } from '../actionErrors';
import { sendJson } from '../api';
import { h, i18nText } from '../dom';
import { t } from '../i18n';
import { confirmThenSend } from './confirmDialog';

export interface ConsultationControl {
  element: HTMLElement;
  /** Offered or not (who may write the draft, and its stage, can change while the page is open). */
  setShown(shown: boolean): void;
}

export function openForConsultation(name: string, onOpened: () => void): ConsultationControl {
  const button = i18nText(h('button', { type: 'button', class: 'button button-quiet open-consultation' }), 'openConsultation');
  const error = h('p', { class: 'field-error', role: 'alert' });
  const slot = h('div', { hidden: true }, button, error);
  // Stays when the button goes: the focus lands here, and the sentence says what happened.
  const done = i18nText(h('p', { class: 'field-done', role: 'status', tabindex: '-1', hidden: true }), 'openConsultationDone');
  const element = h('div', { class: 'open-consultation-slot' }, slot, done);
  button.addEventListener('click', () => {
    error.textContent = '';
    void confirmThenSend(
      { title: t('openConsultationTitle'), text: t('openConsultationText'), confirm: t('openConsultationConfirm'), cancel: t('cancel'), className: 'open-consultation-dialog' },
      button,
      () => sendJson('PATCH', `/api/documents/${encodeURIComponent(name)}`, { stage: 'consultation' }),
    ).then((outcome) => {
      if (outcome.state === 'done') {
        done.hidden = false;
        onOpened();
        done.focus();
      } else if (outcome.state === 'failed') {
        error.textContent = actionErrorMessage(outcome.error);
      }
    });
  });

  return {
    element,
    setShown(shown: boolean) {
      slot.hidden = !shown;
    },
  };
}
