// A modal confirmation (<dialog> opened with showModal: the rest of the page is inert). It is
// labelled by its title and described by its text, Escape cancels, Tab stays inside, and the
// focus returns to the button that opened it. Resolves true only for the confirming button.
import { h } from '../dom';

export interface ConfirmOptions {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  /** For the end-to-end test and styling. */
  className?: string;
}

let counter = 0;

export function confirmDialog(options: ConfirmOptions, returnFocus: HTMLElement | null = null): Promise<boolean> {
  counter += 1;
  const titleId = `confirm-title-${counter}`;
  const textId = `confirm-text-${counter}`;
  const ok = h('button', { type: 'button', class: 'button button-primary' }, options.confirm);
  const cancel = h('button', { type: 'button', class: 'button' }, options.cancel);
  const dialog = h(
    'dialog',
    { class: `confirm-dialog link-dialog ${options.className ?? ''}`.trim(), 'aria-labelledby': titleId, 'aria-describedby': textId },
    h('h2', { id: titleId }, options.title),
    h('p', { id: textId }, options.text),
    // Cancel first in the tab order and focused first: a stray Enter does not restore.
    h('div', { class: 'dialog-actions' }, cancel, ok),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    let answer = false;
    const finish = (value: boolean) => {
      answer = value;
      dialog.close();
    };
    ok.addEventListener('click', () => finish(true));
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault(); // Escape: close through finish, so the answer is "no"
      finish(false);
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      // Keep Tab inside the two buttons (browsers may otherwise leave to their own toolbar).
      const order = [cancel, ok];
      const at = order.indexOf(document.activeElement as HTMLButtonElement);
      event.preventDefault();
      order[(at + (event.shiftKey ? order.length - 1 : 1)) % order.length].focus();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    });
    dialog.showModal();
    cancel.focus();
  });
}
