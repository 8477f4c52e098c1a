// A modal confirmation (<dialog> opened with showModal: the rest of the page is inert). It is
// labelled by its title and described by its text, Escape cancels, Tab stays inside, and the
// focus returns to the button that opened it. Resolves true only for the confirming button.
// Optional extra content (e.g. a password field and an explanation) goes between the text and
// the buttons; `beforeConfirm` may keep the dialog open (a wrong password is said inside it).
// While `beforeConfirm` runs, "Abbrechen" and Escape do nothing: the request (e.g. erasing an
// account) cannot be taken back once sent, so the answer must be its real outcome.
import { h } from '../dom';
import { t } from '../i18n';

export interface ConfirmOptions {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  /** For the end-to-end test and styling. */
  className?: string;
  /** Shown between the text and the buttons (fields, lists). */
  content?: Node;
  /** Focused when the dialog opens instead of "Abbrechen" (e.g. the password field). */
  initialFocus?: HTMLElement;
  /** Runs on the confirming button; resolving false keeps the dialog open. */
  beforeConfirm?: () => Promise<boolean>;
  /** Shown and announced while `beforeConfirm` runs (default "Wird ausgeführt …"). */
  busyText?: string;
}

let counter = 0;

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), a[href]';

export function confirmDialog(options: ConfirmOptions, returnFocus: HTMLElement | null = null): Promise<boolean> {
  counter += 1;
  const titleId = `confirm-title-${counter}`;
  const textId = `confirm-text-${counter}`;
  const ok = h('button', { type: 'button', class: 'button button-primary' }, options.confirm);
  const cancel = h('button', { type: 'button', class: 'button' }, options.cancel);
  // Present from the start (empty) so that screen readers announce the text put into it.
  const busyLine = h('p', { class: 'confirm-busy muted', role: 'status' });
  const dialog = h(
    'dialog',
    { class: `confirm-dialog link-dialog ${options.className ?? ''}`.trim(), 'aria-labelledby': titleId, 'aria-describedby': textId },
    h('h2', { id: titleId }, options.title),
    h('p', { id: textId }, options.text),
    options.content ?? null,
    // Cancel first in the tab order and focused first: a stray Enter does not confirm.
    h('div', { class: 'dialog-actions' }, cancel, ok),
    busyLine,
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    let answer = false;
    let busy = false;
    const finish = (value: boolean) => {
      answer = value;
      dialog.close();
    };
    // aria-disabled rather than disabled: the focused button keeps the focus inside the dialog.
    const setBusy = (value: boolean) => {
      busy = value;
      for (const button of [ok, cancel]) {
        if (value) button.setAttribute('aria-disabled', 'true');
        else button.removeAttribute('aria-disabled');
      }
      busyLine.textContent = value ? (options.busyText ?? t('confirmBusy')) : '';
    };
    ok.addEventListener('click', () => {
      if (busy) return;
      if (!options.beforeConfirm) return finish(true);
      setBusy(true);
      options.beforeConfirm().then(
        (go) => {
          setBusy(false);
          if (go) finish(true);
        },
        () => setBusy(false),
      );
    });
    cancel.addEventListener('click', () => {
      if (!busy) finish(false);
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault(); // Escape: close through finish, so the answer is "no"
      if (!busy) finish(false);
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      // Keep Tab inside the dialog (browsers may otherwise leave to their own toolbar).
      const order = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const at = order.indexOf(document.activeElement as HTMLElement);
      event.preventDefault();
      const next = at < 0 ? (event.shiftKey ? order.length - 1 : 0) : (at + (event.shiftKey ? order.length - 1 : 1)) % order.length;
      order[next]?.focus();
    });
    dialog.addEventListener('close', () => {
      // Browsers close a dialog on a repeated Escape even when the cancel event is refused.
      // While the action runs, the dialog stays: its outcome is still to be shown.
      if (busy) {
        dialog.showModal();
        ok.focus();
        return;
      }
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    });
    dialog.showModal();
    (options.initialFocus ?? cancel).focus();
  });
}

/** What came of {@link confirmThenSend}. */
export type SendOutcome = { state: 'cancelled' } | { state: 'done' } | { state: 'failed'; error: unknown };

/**
 * Asks with the dialog and, once confirmed, sends the request while the dialog stays open (its
 * buttons wait for the answer); a failure closes it too and is handed back, for the caller to say
 * beside the button that opened it.
 */
export function confirmThenSend(options: Omit<ConfirmOptions, 'beforeConfirm'>, opener: HTMLElement, send: () => Promise<unknown>): Promise<SendOutcome> {
  let error: { value: unknown } | null = null;
  return confirmDialog(
    {
      ...options,
      beforeConfirm: () =>
        send().then(
          () => true,
          (e: unknown) => {
            error = { value: e };
            return true;
          },
        ),
    },
    opener,
  ).then((confirmed): SendOutcome => {
    if (!confirmed) return { state: 'cancelled' };
    const failed = error as { value: unknown } | null;
    return failed === null ? { state: 'done' } : { state: 'failed', error: failed.value };
  });
}
