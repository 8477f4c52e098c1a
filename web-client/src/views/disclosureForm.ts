// A button that shows a form in place (not a dialog, so it stays in the reading order): the
// button says whether it is open (aria-expanded), opening runs `onOpen` (which puts the focus in
// the form), and "Abbrechen" or Escape close it and give the focus back to the button. Escape
// does nothing while the form is sending.

/** Wires the three together; returns the function that opens (true) or closes (false) the form. */
export function wireDisclosure(toggle: HTMLButtonElement, form: HTMLFormElement, cancel: HTMLButtonElement, busy: () => boolean, onOpen: () => void): (show: boolean) => void {
  const open = (show: boolean) => {
    form.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    if (show) onOpen();
    else toggle.focus();
  };
  toggle.addEventListener('click', () => open(form.hidden));
  cancel.addEventListener('click', () => open(false));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !busy()) {
      event.preventDefault();
      open(false);
    }
  });
  return open;
}
