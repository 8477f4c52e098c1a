// @vitest-environment happy-dom
// The restore confirmation: labelled and described, focus on "Abbrechen", Tab kept inside,
// Escape answers no, the confirming button yes, and the focus goes back to the opener.
import { beforeEach, describe, expect, it } from 'vitest';
import { confirmDialog } from '../src/views/confirmDialog';

const options = { title: 'Version 40 wiederherstellen?', text: 'Der Text wird wieder so, wie er war.', confirm: 'Wiederherstellen', cancel: 'Abbrechen' };

function opened(): HTMLDialogElement {
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return dialog;
}

const key = (target: Element, name: string, shiftKey = false) => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, cancelable: true }));

describe('confirmation dialog', () => {
  let opener: HTMLButtonElement;
  beforeEach(() => {
    opener = document.createElement('button');
    opener.textContent = 'Diese Fassung wiederherstellen';
    document.body.replaceChildren(opener);
    opener.focus();
  });

  it('is labelled and described, starts on the harmless choice and keeps Tab inside', async () => {
    const answer = confirmDialog(options, opener);
    const dialog = opened();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe(options.title);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe(options.text);
    expect(document.activeElement?.textContent).toBe('Abbrechen');
    key(dialog, 'Tab');
    expect(document.activeElement?.textContent).toBe('Wiederherstellen');
    key(dialog, 'Tab');
    expect(document.activeElement?.textContent).toBe('Abbrechen');
    key(dialog, 'Tab', true);
    expect(document.activeElement?.textContent).toBe('Wiederherstellen');
    (document.activeElement as HTMLButtonElement).click();
    await expect(answer).resolves.toBe(true);
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Escape (the cancel event) answers no and returns the focus', async () => {
    const answer = confirmDialog(options, opener);
    opened().dispatchEvent(new Event('cancel', { cancelable: true }));
    await expect(answer).resolves.toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('"Abbrechen" answers no', async () => {
    const answer = confirmDialog(options, opener);
    (document.activeElement as HTMLButtonElement).click();
    await expect(answer).resolves.toBe(false);
  });
});

describe('confirmation dialog with a field', () => {
  let opener: HTMLButtonElement;
  beforeEach(() => {
    opener = document.createElement('button');
    opener.textContent = 'Konto löschen …';
    document.body.replaceChildren(opener);
    opener.focus();
  });

  function withPassword(check: (value: string) => Promise<boolean>) {
    const input = document.createElement('input');
    input.type = 'password';
    const answer = confirmDialog({ ...options, confirm: 'Endgültig löschen', content: input, initialFocus: input, beforeConfirm: () => check(input.value) }, opener);
    return { input, answer, confirm: () => [...opened().querySelectorAll('button')].find((b) => b.textContent === 'Endgültig löschen')! };
  }

  it('starts on the field, keeps Tab over field and buttons, stays open while the check says no', async () => {
    const seen: string[] = [];
    const { input, answer, confirm } = withPassword(async (value) => {
      seen.push(value);
      return value === 'richtig';
    });
    expect(document.activeElement).toBe(input);
    key(opened(), 'Tab');
    expect(document.activeElement?.textContent).toBe('Abbrechen');
    key(opened(), 'Tab');
    key(opened(), 'Tab');
    expect(document.activeElement).toBe(input);
    input.value = 'falsch';
    confirm().click();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('dialog')).not.toBeNull();
    input.value = 'richtig';
    confirm().click();
    await expect(answer).resolves.toBe(true);
    expect(seen).toEqual(['falsch', 'richtig']);
    expect(document.activeElement).toBe(opener);
  });

  it('Escape still answers no without running the check', async () => {
    let ran = false;
    const { answer } = withPassword(async () => (ran = true));
    opened().dispatchEvent(new Event('cancel', { cancelable: true }));
    await expect(answer).resolves.toBe(false);
    expect(ran).toBe(false);
  });

  it('ignores "Abbrechen" and Escape while the confirming request runs and answers with its outcome', async () => {
    let settle: (go: boolean) => void = () => undefined;
    const { input, answer, confirm } = withPassword(() => new Promise<boolean>((resolve) => (settle = resolve)));
    input.value = 'richtig';
    confirm().click();
    const cancel = [...opened().querySelectorAll('button')].find((b) => b.textContent === 'Abbrechen')!;
    expect(cancel.getAttribute('aria-disabled')).toBe('true');
    const busy = opened().querySelector('[role="status"]');
    expect(busy?.textContent).toMatch(/Wird ausgeführt/);
    cancel.click();
    opened().dispatchEvent(new Event('cancel', { cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('dialog')).not.toBeNull();
    settle(true); // the server erased the account although the user pressed "Abbrechen"
    await expect(answer).resolves.toBe(true);
  });

  it('opens again when the browser closes it while the confirming request runs', async () => {
    let settle: (go: boolean) => void = () => undefined;
    const { input, answer, confirm } = withPassword(() => new Promise<boolean>((resolve) => (settle = resolve)));
    input.value = 'richtig';
    confirm().click();
    const dialog = opened();
    dialog.close(); // as a browser does on a second Escape, whatever the cancel handler says
    await new Promise((r) => setTimeout(r, 0));
    expect(dialog.open).toBe(true);
    expect(document.body.contains(dialog)).toBe(true);
    settle(true);
    await expect(answer).resolves.toBe(true);
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('lets "Abbrechen" work again after a refused check', async () => {
    const { answer, confirm } = withPassword(async () => false);
    confirm().click();
    await new Promise((r) => setTimeout(r, 0));
    const cancel = [...opened().querySelectorAll('button')].find((b) => b.textContent === 'Abbrechen')!;
    expect(cancel.hasAttribute('aria-disabled')).toBe(false);
    expect(opened().querySelector('[role="status"]')?.textContent).toBe('');
    cancel.click();
    await expect(answer).resolves.toBe(false);
  });
});
