// The page a person on a one-time password sees instead of any other (the server lets such a
// session do nothing else): the current password and the new one twice, with the rules beside
// the fields. The heading takes the focus; errors are sentences in a role="alert" region, the
// field concerned is marked invalid and focused. After the change the caller draws the page that
// was asked for (the address never changed).
import { changePassword } from '../api';
import { h, i18nText } from '../dom';
import { onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';
import { MAX_PASSWORD_LENGTH, checkPasswordFields, passwordChangeProblem, type PasswordField, type PasswordProblem } from '../passwordChange';
import type { View } from './view';

const ERROR_ID = 'password-change-error';
const RULES_ID = 'password-change-rules';

function passwordInput(id: string, autocomplete: string, describedBy: string | null): HTMLInputElement {
  return h('input', { id, name: id, type: 'password', autocomplete, required: true, maxlength: MAX_PASSWORD_LENGTH, spellcheck: 'false', autocapitalize: 'none', 'aria-describedby': describedBy });
}

export function passwordChangePage(main: HTMLElement, onChanged: () => void): View {
  const heading = i18nText(h('h1', { id: 'page-title', tabindex: '-1' }), 'passwordChangeTitle');
  const fields: Record<PasswordField, HTMLInputElement> = {
    current: passwordInput('password-current', 'current-password', null),
    new: passwordInput('password-new', 'new-password', RULES_ID),
    repeat: passwordInput('password-repeat', 'new-password', RULES_ID),
  };
  const labels: Record<PasswordField, MessageKey> = { current: 'passwordChangeCurrent', new: 'passwordChangeNew', repeat: 'passwordChangeRepeat' };
  const error = h('p', { id: ERROR_ID, class: 'field-error', role: 'alert', 'aria-atomic': 'true' });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const submit = i18nText(h('button', { type: 'submit', class: 'button button-primary' }), 'passwordChangeSubmit');
  const field = (name: PasswordField) => h('div', { class: 'field' }, i18nText(h('label', { for: fields[name].id }), labels[name]), fields[name]);
  const form = h(
    'form',
    { class: 'password-change-form', novalidate: true, 'aria-labelledby': 'page-title' },
    field('current'),
    field('new'),
    field('repeat'),
    i18nText(h('p', { id: RULES_ID, class: 'muted' }), 'passwordChangeRules'),
    error,
    h('div', { class: 'dialog-actions' }, submit),
  );
  main.replaceChildren(h('div', { class: 'page page-password-change' }, heading, i18nText(h('p', { class: 'lead' }), 'passwordChangeIntro'), form, status));
  main.setAttribute('aria-labelledby', 'page-title');
  heading.focus();

  let shown: PasswordProblem | null = null;
  let busy = false;

  function clearProblem(): void {
    shown = null;
    error.textContent = '';
    for (const [name, input] of Object.entries(fields) as [PasswordField, HTMLInputElement][]) {
      input.removeAttribute('aria-invalid');
      if (name === 'current') input.removeAttribute('aria-describedby');
      else input.setAttribute('aria-describedby', RULES_ID);
    }
  }

  function show(problem: PasswordProblem): void {
    clearProblem();
    shown = problem;
    error.textContent = problem.message();
    const input = fields[problem.field];
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', problem.field === 'current' ? ERROR_ID : `${ERROR_ID} ${RULES_ID}`);
    input.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const problem = checkPasswordFields(fields.current.value, fields.new.value, fields.repeat.value);
    if (problem) {
      show(problem);
      return;
    }
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    status.textContent = t('passwordChangeSaving');
    changePassword(fields.current.value, fields.new.value).then(
      () => {
        busy = false;
        for (const input of Object.values(fields)) input.value = '';
        onChanged();
      },
      (failure: unknown) => {
        busy = false;
        submit.removeAttribute('aria-disabled');
        status.textContent = '';
        show(passwordChangeProblem(failure));
      },
    );
  });

  // A shown error is worded again in the new language (static texts follow through translateTree).
  const stopLanguage = onLanguageChange(() => {
    if (shown) error.textContent = shown.message();
  });

  return {
    title: () => `${t('passwordChangeTitle')} – Pledgepad`,
    dispose() {
      stopLanguage();
      main.removeAttribute('aria-labelledby');
    },
  };
}
