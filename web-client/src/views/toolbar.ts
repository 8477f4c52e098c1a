// The formatting toolbar: one tab stop, arrow keys between the buttons (WAI-ARIA toolbar
// pattern), aria-pressed for formats that are on, the keyboard shortcut in title and
// aria-keyshortcuts. Every action also has its shortcut inside the editor.
import type { Editor } from '@tiptap/core';
import { h, i18nText, icon, type IconName } from '../dom';
import { getLanguage, onLanguageChange, t } from '../i18n';
import type { MessageKey } from '../messages';

interface ToolDef {
  id: string;
  label: MessageKey;
  /** Visible short label (kept short so the toolbar fits on a phone). */
  text: string;
  icon?: IconName;
  textClass?: string;
  /** Shortcut in aria-keyshortcuts syntax, with "Mod" for Control (Meta on Apple). */
  shortcut: string;
  run: (editor: Editor) => void;
  isActive: (editor: Editor) => boolean;
}

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function ariaShortcut(shortcut: string): string {
  return shortcut.replace('Mod', isApple ? 'Meta' : 'Control');
}

function shownShortcut(shortcut: string): string {
  const control = isApple ? '⌘' : getLanguage() === 'de' ? 'Strg' : 'Ctrl';
  return shortcut
    .replace('Mod', control)
    .replace('Alt', isApple ? '⌥' : 'Alt')
    .replace('Shift', getLanguage() === 'de' ? 'Umschalt' : 'Shift');
}

export function createToolbar(editor: Editor, openLinkDialog: () => void, controls: string): { element: HTMLElement; setEnabled(enabled: boolean): void; focus(): void; dispose(): void } {
  const tools: ToolDef[] = [
    ...([1, 2, 3] as const).map((level) => ({
      id: `h${level}`,
      label: `heading${level}` as MessageKey,
      text: `H${level}`,
      shortcut: `Mod+Alt+${level}`,
      run: (e: Editor) => e.chain().focus().toggleHeading({ level }).run(),
      isActive: (e: Editor) => e.isActive('heading', { level }),
    })),
    { id: 'bold', label: 'bold', text: 'B', textClass: 'tool-bold', shortcut: 'Mod+B', run: (e) => e.chain().focus().toggleBold().run(), isActive: (e) => e.isActive('bold') },
    { id: 'italic', label: 'italic', text: 'I', textClass: 'tool-italic', shortcut: 'Mod+I', run: (e) => e.chain().focus().toggleItalic().run(), isActive: (e) => e.isActive('italic') },
    { id: 'bullet', label: 'bulletList', text: '', icon: 'bullets', shortcut: 'Mod+Shift+8', run: (e) => e.chain().focus().toggleBulletList().run(), isActive: (e) => e.isActive('bulletList') },
    { id: 'ordered', label: 'orderedList', text: '', icon: 'numbers', shortcut: 'Mod+Shift+7', run: (e) => e.chain().focus().toggleOrderedList().run(), isActive: (e) => e.isActive('orderedList') },
    { id: 'link', label: 'link', text: '', icon: 'link', shortcut: 'Mod+K', run: () => openLinkDialog(), isActive: (e) => e.isActive('link') },
  ];

  const toolbar = h('div', { role: 'toolbar', class: 'toolbar', 'aria-controls': controls, 'aria-orientation': 'horizontal' });
  toolbar.dataset.i18nAriaLabel = 'toolbar';
  toolbar.setAttribute('aria-label', t('toolbar'));
  const groups: string[][] = [['h1', 'h2', 'h3'], ['bold', 'italic'], ['bullet', 'ordered'], ['link']];
  const buttons = new Map<string, HTMLButtonElement>();

  for (const group of groups) {
    const wrapper = h('div', { class: 'toolbar-group' });
    for (const id of group) {
      const tool = tools.find((candidate) => candidate.id === id)!;
      const visible = tool.icon ? icon(tool.icon) : h('span', { class: `tool-text ${tool.textClass ?? ''}`, 'aria-hidden': 'true' }, tool.text);
      const hidden = i18nText(h('span', { class: 'visually-hidden' }), tool.label);
      const button = h('button', { type: 'button', class: 'tool', 'data-tool': tool.id, 'aria-pressed': 'false', 'aria-keyshortcuts': ariaShortcut(tool.shortcut), tabindex: '-1' }, visible, hidden);
      button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the editor's selection
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') === 'true') return;
        tool.run(editor);
      });
      buttons.set(tool.id, button);
      wrapper.appendChild(button);
    }
    toolbar.appendChild(wrapper);
  }
  const ordered = [...buttons.values()];
  ordered[0].tabIndex = 0;

  toolbar.addEventListener('keydown', (event) => {
    const index = ordered.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % ordered.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + ordered.length) % ordered.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = ordered.length - 1;
    if (next < 0) return;
    event.preventDefault();
    ordered[index].tabIndex = -1;
    ordered[next].tabIndex = 0;
    ordered[next].focus();
  });

  function refreshTitles(): void {
    for (const tool of tools) buttons.get(tool.id)!.title = `${t(tool.label)} (${shownShortcut(tool.shortcut)})`;
  }

  function refreshState(): void {
    for (const tool of tools) buttons.get(tool.id)!.setAttribute('aria-pressed', String(tool.isActive(editor)));
  }

  refreshTitles();
  refreshState();
  editor.on('transaction', refreshState);
  const unsubscribe = onLanguageChange(refreshTitles);

  return {
    element: toolbar,
    setEnabled(enabled: boolean) {
      // aria-disabled keeps the buttons focusable, so a reader can still find out what is there.
      for (const button of ordered) button.setAttribute('aria-disabled', String(!enabled));
      toolbar.classList.toggle('is-disabled', !enabled);
    },
    focus() {
      (ordered.find((button) => button.tabIndex === 0) ?? ordered[0]).focus();
    },
    dispose() {
      editor.off('transaction', refreshState);
      unsubscribe();
    },
  };
}
