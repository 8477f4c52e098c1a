// The sign-in dialog: a modal <dialog> with user name and password, errors in words (wrong
// credentials, throttled with the waiting time, not available), announced through role="alert".
// On success the session module is told, and every page redraws what the role allows. When the
// server offers it, a link signs in through the organisation's identity provider instead.
import { signIn } from '../api';
import { h, i18nText } from '../dom';
import { t } from '../i18n';
import { setMe } from '../session';
import { signInErrorMessage } from '../signInErrors';
import { oidcHref, signInOptions } from '../signInOptions';

export function createSignInDialog(onSignedIn: () => void): { element: HTMLDialogElement; open(returnFocus: HTMLElement | null): void } {
  const titleId = 'sign-in-title';
  const errorId = 'sign-in-error';
  const login = h('input', { id: 'sign-in-login', name: 'username', type: 'text', autocomplete: 'username', spellcheck: 'false', autocapitalize: 'none', required: true });
  const password = h('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const submit = i18nText(h('button', { type: 'submit', class: 'button button-primary' }), 'signInSubmit');
  const cancel = i18nText(h('button', { type: 'button', class: 'button' }), 'signInCancel');
  const organisation = i18nText(h('a', { class: 'button', href: '/api/auth/oidc/login' }), 'signInWithOrganisation');
  const organisationRow = h('p', { class: 'sign-in-organisation', hidden: true }, organisation);
  const form = h(
    'form',
    { method: 'dialog', novalidate: true },
    i18nText(h('h2', { id: titleId }), 'signInTitle'),
    i18nText(h('p', { class: 'muted' }), 'signInIntro'),
    h('div', { class: 'field' }, i18nText(h('label', { for: login.id }), 'loginField'), login),
    h('div', { class: 'field' }, i18nText(h('label', { for: password.id }), 'passwordField'), password),
    error,
    h('div', { class: 'dialog-actions' }, submit, cancel),
    organisationRow,
  );
  const dialog = h('dialog', { class: 'sign-in-dialog link-dialog', 'aria-labelledby': titleId }, form);
  let returnTo: HTMLElement | null = null;
  let busy = false;

  function showError(message: string): void {
    error.textContent = message;
    for (const input of [login, password]) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', errorId);
    }
  }

  function close(): void {
    dialog.close();
    returnTo?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    if (login.value.trim() === '' || password.value === '') {
      showError(t('signInMissing'));
      (login.value.trim() === '' ? login : password).focus();
      return;
    }
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    signIn(login.value.trim(), password.value).then(
      (me) => {
        busy = false;
        submit.removeAttribute('aria-disabled');
        password.value = '';
        dialog.close();
        setMe(me);
        onSignedIn();
      },
      (failure: unknown) => {
        busy = false;
        submit.removeAttribute('aria-disabled');
        password.value = '';
        showError(signInErrorMessage(failure));
        password.focus();
      },
    );
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });

  return {
    element: dialog,
    open(focusAfter) {
      returnTo = focusAfter;
      error.textContent = '';
      for (const input of [login, password]) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
      password.value = '';
      dialog.showModal();
      login.focus();
      void signInOptions().then(({ oidcLoginUrl }) => {
        organisationRow.hidden = oidcLoginUrl === null;
        if (oidcLoginUrl !== null) organisation.setAttribute('href', oidcHref(oidcLoginUrl, window.location.pathname));
      });
    },
  };
}
