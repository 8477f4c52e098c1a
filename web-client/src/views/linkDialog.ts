// The dialog behind the link button and Mod+K: a modal <dialog> (focus stays inside, Escape
// closes it), an address field that accepts only web and mail addresses, and a way to remove a link.
import type { Editor } from '@tiptap/core';
import { h, i18nText } from '../dom';
import { t } from '../i18n';

const ALLOWED = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** Accepts http(s) and mailto addresses; adds https:// to a bare host such as "kassel.de". */
export function normalizeLinkInput(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  if (ALLOWED.test(value)) return value;
  if (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value)) return `https://${value}`;
  return null;
}

export function createLinkDialog(editor: Editor): { element: HTMLDialogElement; open(): void } {
  const titleId = 'link-dialog-title';
  const errorId = 'link-dialog-error';
  const input = h('input', { id: 'link-url', type: 'text', inputmode: 'url', autocomplete: 'url', spellcheck: 'false' });
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const apply = i18nText(h('button', { type: 'submit', class: 'button button-primary' }), 'linkApply');
  const remove = i18nText(h('button', { type: 'button', class: 'button' }), 'linkRemove');
  const cancel = i18nText(h('button', { type: 'button', class: 'button' }), 'linkCancel');
  const form = h(
    'form',
    { method: 'dialog', novalidate: true },
    i18nText(h('h2', { id: titleId }), 'linkDialogTitle'),
    i18nText(h('label', { for: 'link-url' }), 'linkUrl'),
    input,
    error,
    h('div', { class: 'dialog-actions' }, apply, remove, cancel),
  );
  const dialog = h('dialog', { class: 'link-dialog', 'aria-labelledby': titleId }, form);

  function close(): void {
    dialog.close();
    editor.commands.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const href = normalizeLinkInput(input.value);
    if (href === null) {
      error.textContent = t('linkInvalid');
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', errorId);
      input.focus();
      return;
    }
    dialog.close();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
  });
  remove.addEventListener('click', () => {
    dialog.close();
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });

  return {
    element: dialog,
    open() {
      if (!editor.isEditable) return;
      input.value = (editor.getAttributes('link').href as string | undefined) ?? '';
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      remove.hidden = !editor.isActive('link');
      dialog.showModal();
      input.focus();
      input.select();
    },
  };
}
