// "Neuer Antrag" on the start page: a councillor starts a motion of their group or committee.
// The server decides who may (POST /api/documents answers 403 otherwise); this only offers the
// button to people who belong to a body. The form opens in place rather than in a dialog, so
// it stays in the reading order and a screen reader finds it right after the button.
import { actionErrorMessage } from '../actionErrors';
import { createDocument, type CouncilBody } from '../api';
import { h, icon } from '../dom';
import { t } from '../i18n';
import { wireDisclosure } from './disclosureForm';

const MAX_TITLE = 200;

export function newDocumentSection(bodies: CouncilBody[], onCreated: (name: string) => void): HTMLElement {
  const toggle = h('button', { type: 'button', class: 'button button-primary new-document-toggle', 'aria-expanded': 'false', 'aria-controls': 'new-document-form' }, icon('plus'), t('newDocument'));
  const input = h('input', { id: 'new-document-title', type: 'text', maxlength: MAX_TITLE, required: true, autocomplete: 'off', 'aria-describedby': 'new-document-title-hint' });
  const titleHint = h('p', { id: 'new-document-title-hint', class: 'hint' }, t('newDocumentTitleHint'));
  const select = bodies.length > 1 ? h('select', { id: 'new-document-body' }, ...bodies.map((b) => h('option', { value: b.id }, b.name))) : null;
  const draftHint = h('p', { class: 'hint new-document-draft' }, bodies.length === 1 ? t('newDocumentDraftFor', { body: bodies[0].name }) : t('newDocumentDraftChosen'));
  const error = h('p', { id: 'new-document-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('newDocumentCreate'));
  const cancel = h('button', { type: 'button', class: 'button' }, t('cancel'));
  const form = h(
    'form',
    { id: 'new-document-form', class: 'new-document-form', novalidate: true, hidden: true, 'aria-labelledby': 'new-document-heading' },
    h('h2', { id: 'new-document-heading' }, t('newDocumentHeading')),
    h('div', { class: 'field' }, h('label', { for: input.id }, t('newDocumentTitle')), input, titleHint),
    select ? h('div', { class: 'field' }, h('label', { for: select.id }, t('newDocumentBody')), select) : null,
    draftHint,
    error,
    h('div', { class: 'actions' }, submit, cancel),
  );

  function invalid(message: string): void {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'new-document-title-hint new-document-error');
    input.focus();
  }

  let busy = false;
  wireDisclosure(toggle, form, cancel, () => busy, () => input.focus());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const title = input.value.trim();
    if (title === '' || title.length > MAX_TITLE) {
      invalid(t('newDocumentTitleMissing'));
      return;
    }
    busy = true;
    error.textContent = '';
    submit.setAttribute('aria-disabled', 'true');
    submit.textContent = t('newDocumentCreating');
    createDocument(title, select ? select.value : undefined).then(onCreated, (failure: unknown) => {
      busy = false;
      submit.removeAttribute('aria-disabled');
      submit.textContent = t('newDocumentCreate');
      invalid(actionErrorMessage(failure));
    });
  });

  return h('section', { class: 'new-document', 'aria-label': t('newDocument') }, toggle, form);
}
