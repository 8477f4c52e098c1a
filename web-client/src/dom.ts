// Building DOM without HTML strings: text always goes in through textContent, so nothing that
// comes from the server or from other users can become markup.
import { getLanguage, initI18n, t, type KeyValueStore, type Language } from './i18n';
import type { MessageKey } from './messages';

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * Marks an element's text (and optionally attributes) as translatable; `translateTree` refreshes
 * them when the language changes, without rebuilding the page (and without touching the editor).
 */
export function i18nText<E extends HTMLElement>(element: E, key: MessageKey): E {
  element.dataset.i18n = key;
  element.textContent = t(key);
  return element;
}

export function i18nAttr<E extends HTMLElement>(element: E, attribute: 'aria-label' | 'title' | 'placeholder', key: MessageKey): E {
  element.dataset[`i18n${attribute === 'aria-label' ? 'AriaLabel' : attribute === 'title' ? 'Title' : 'Placeholder'}`] = key;
  element.setAttribute(attribute, t(key));
  return element;
}

export function translateTree(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset.i18n as MessageKey);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as MessageKey));
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) element.setAttribute('title', t(element.dataset.i18nTitle as MessageKey));
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder as MessageKey));
}

/**
 * The language of the documents' text: German whatever the interface language (they are a German
 * council's texts; the server gives documents no language of their own yet). Document text shown
 * outside the editor is marked with it, so that a screen reader in the English interface reads
 * "Haushaltssatzung" as German (WCAG 3.1.2).
 */
export const DOCUMENT_LANGUAGE = 'de';

/** Marks an element's text as document text: titles, pledges, versions, diffs, quotes. */
export function documentText<E extends HTMLElement>(element: E): E {
  element.lang = DOCUMENT_LANGUAGE;
  return element;
}

/** Marks interface words inside document text (a hidden "eingefügt:" in a diff) with the interface's language. */
export function interfaceText<E extends HTMLElement>(element: E): E {
  element.lang = getLanguage();
  return element;
}

/**
 * A message whose {placeholders} are filled with nodes instead of strings, e.g. a document title
 * marked as German inside "History: {title}" in English.
 */
export function messageWith(key: MessageKey, nodes: Record<string, Node>): (string | Node)[] {
  return t(key)
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => nodes[part.slice(1, -1)] ?? part);
}

/**
 * Starts the language from storage and translates what index.html brought with it (the skip
 * link): translateTree otherwise runs only on a switch, so an English reader would meet German.
 */
export function startLanguage(doc: Document, storage: KeyValueStore | null): Language {
  const language = initI18n({ storage, documentElement: doc.documentElement });
  translateTree(doc);
  return language;
}

/** A small inline SVG icon (decorative: the text next to it carries the meaning). */
export type IconName = 'check' | 'sync' | 'offline' | 'lock' | 'warning' | 'search' | 'bullets' | 'numbers' | 'link' | 'comment' | 'suggest' | 'plus';

export function icon(name: IconName): SVGSVGElement {
  const paths: Record<IconName, string> = {
    check: 'M3 8.5l3 3 7-7',
    sync: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5V5h-2.5',
    offline: 'M2 2l12 12M5.5 9.5a3.5 3.5 0 0 1 5 0M3 7a7 7 0 0 1 3-1.7M13 7a7 7 0 0 0-3.2-1.8M8 12.5h.01',
    lock: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z',
    warning: 'M8 2l6.5 12h-13zM8 6.5v3.5M8 12v.01',
    search: 'M7 12A5 5 0 1 0 7 2a5 5 0 0 0 0 10zM10.5 10.5L14 14',
    bullets: 'M6 4h8M6 8h8M6 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01',
    numbers: 'M6.5 4h7.5M6.5 8h7.5M6.5 12h7.5M2 3l1-.5V6M2 10.5h2L2 13h2',
    comment: 'M2.5 3h11v7.5H7L4 13v-2.5H2.5z',
    suggest: 'M10.5 2.5l3 3L6 13H3v-3zM9 4l3 3',
    plus: 'M8 3v10M3 8h10',
    link: 'M6.5 9.5l3-3M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1',
  };
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon', `icon-${name}`);
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', paths[name]);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.6');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.appendChild(path);
  return svg;
}
