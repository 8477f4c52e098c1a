// "Titel ändern" beside a draft's heading, for those who write it (a typo in a motion just
// started); admins use "Dokument verwalten". The server decides: PATCH with the title alone is
// allowed to a draft's writers, anything more to admins only.
import { actionErrorMessage } from '../actionErrors';
import { sendJson } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { wireDisclosure } from './disclosureForm';

const MAX_TITLE = 200;

export interface RetitleControl {
  element: HTMLElement;
  /** Offered or not (who may write the draft can change while the page is open). */
  setShown(shown: boolean): void;
}

export function retitleDraft(name: string, currentTitle: () => string, onRetitled: (title: string) => void): RetitleControl {
  const button = h('button', { type: 'button', class: 'button button-quiet retitle-toggle', 'aria-expanded': 'false', 'aria-controls': 'retitle-form' }, t('retitle'));
  const input = h('input', { id: 'retitle-input', type: 'text', maxlength: MAX_TITLE, required: true, autocomplete: 'off' });
  const error = h('p', { id: 'retitle-error', class: 'field-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'button button-primary' }, t('retitleSave'));
  const cancel = h('button', { type: 'button', class: 'button' }, t('cancel'));
  const form = h(
    'form',
    { id: 'retitle-form', class: 'retitle-form', novalidate: true, hidden: true },
    h('div', { class: 'field' }, h('label', { for: input.id }, t('retitleLabel')), input),
    error,
    h('div', { class: 'actions' }, save, cancel),
  );
  const element = h('div', { class: 'retitle', hidden: true }, button, form);
  let busy = false;

  const open = wireDisclosure(button, form, cancel, () => busy, () => {
    input.value = currentTitle();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.focus();
  });
  const fail = (message: string) => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'retitle-error');
    input.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const title = input.value.trim();
    if (title === '' || title.length > MAX_TITLE) {
      fail(t('settingsTitleMissing'));
      return;
    }
    if (title === currentTitle()) {
      open(false);
      return;
    }
    busy = true;
    save.setAttribute('aria-disabled', 'true');
    sendJson('PATCH', `/api/documents/${encodeURIComponent(name)}`, { title }).then(
      () => {
        busy = false;
        save.removeAttribute('aria-disabled');
        onRetitled(title);
        open(false);
      },
      (failure: unknown) => {
        busy = false;
        save.removeAttribute('aria-disabled');
        fail(actionErrorMessage(failure));
      },
    );
  });

  return {
    element,
    setShown(shown: boolean) {
      element.hidden = !shown;
      if (!shown) form.hidden = true;
    },
  };
}
