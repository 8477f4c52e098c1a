// @vitest-environment happy-dom
// The toolbar against a real Tiptap editor (without collaboration): pressed states, roving focus,
// disabled state and the shortcuts it announces.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { initI18n, setLanguage } from '../src/i18n';
import { createToolbar } from '../src/views/toolbar';

describe('toolbar', () => {
  let editor: Editor;
  let toolbar: ReturnType<typeof createToolbar>;
  let openLink: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    initI18n({ storage: null, documentElement: document.documentElement });
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    editor = new Editor({ element: host, extensions: [StarterKit], content: '<p>Kassel wird digital</p>' });
    openLink = vi.fn<() => void>();
    toolbar = createToolbar(editor, openLink, 'document-editor');
    document.body.appendChild(toolbar.element);
  });

  afterEach(() => {
    toolbar.dispose();
    editor.destroy();
  });

  const button = (id: string) => toolbar.element.querySelector<HTMLButtonElement>(`[data-tool="${id}"]`)!;

  it('is a labelled toolbar controlling the editor, with named buttons', () => {
    expect(toolbar.element.getAttribute('role')).toBe('toolbar');
    expect(toolbar.element.getAttribute('aria-label')).toBe('Textformatierung');
    expect(toolbar.element.getAttribute('aria-controls')).toBe('document-editor');
    const names = [...toolbar.element.querySelectorAll('button')].map((b) => b.querySelector('.visually-hidden')!.textContent);
    expect(names).toEqual(['Überschrift 1', 'Überschrift 2', 'Überschrift 3', 'Fett', 'Kursiv', 'Aufzählung', 'Nummerierte Liste', 'Link']);
  });

  it('shows the shortcut in the tooltip and in aria-keyshortcuts, in the current language', () => {
    expect(button('bold').title).toBe('Fett (Strg+B)');
    expect(button('bold').getAttribute('aria-keyshortcuts')).toBe('Control+B');
    expect(button('bullet').title).toBe('Aufzählung (Strg+Umschalt+8)');
    setLanguage('en');
    expect(button('bold').title).toBe('Bold (Ctrl+B)');
    expect(button('bullet').title).toBe('Bulleted list (Ctrl+Shift+8)');
    setLanguage('de');
  });

  it('applies formats and reports them with aria-pressed', () => {
    editor.commands.selectAll();
    expect(button('bold').getAttribute('aria-pressed')).toBe('false');
    button('bold').click();
    expect(editor.getHTML()).toBe('<p><strong>Kassel wird digital</strong></p>');
    expect(button('bold').getAttribute('aria-pressed')).toBe('true');
    button('h2').click();
    // (StarterKit keeps an empty paragraph after a heading at the end, so one can write on.)
    expect(editor.getHTML()).toBe('<h2><strong>Kassel wird digital</strong></h2><p></p>');
    editor.commands.setTextSelection(3); // the caret inside the heading
    expect(button('h2').getAttribute('aria-pressed')).toBe('true');
    expect(button('bold').getAttribute('aria-pressed')).toBe('true');
    expect(button('h1').getAttribute('aria-pressed')).toBe('false');
    button('link').click();
    expect(openLink).toHaveBeenCalledOnce();
  });

  it('has one tab stop and moves it with the arrow keys, Home and End', () => {
    const tabStops = () => [...toolbar.element.querySelectorAll('button')].filter((b) => b.tabIndex === 0).map((b) => b.dataset.tool);
    expect(tabStops()).toEqual(['h1']);
    toolbar.focus();
    const key = (k: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowRight');
    expect((document.activeElement as HTMLElement).dataset.tool).toBe('h2');
    key('ArrowLeft');
    key('ArrowLeft');
    expect((document.activeElement as HTMLElement).dataset.tool).toBe('link');
    key('Home');
    expect((document.activeElement as HTMLElement).dataset.tool).toBe('h1');
    key('End');
    expect((document.activeElement as HTMLElement).dataset.tool).toBe('link');
    expect(tabStops()).toEqual(['link']);
  });

  it('when disabled, keeps the buttons focusable but does nothing', () => {
    toolbar.setEnabled(false);
    expect(button('bold').getAttribute('aria-disabled')).toBe('true');
    editor.commands.selectAll();
    button('bold').click();
    button('link').click();
    expect(editor.getHTML()).toBe('<p>Kassel wird digital</p>');
    expect(openLink).not.toHaveBeenCalled();
    toolbar.setEnabled(true);
    expect(button('bold').getAttribute('aria-disabled')).toBe('false');
  });
});
