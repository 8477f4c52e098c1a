// A tiny translation layer: the current language, t() with {placeholders}, locale-aware dates
// and numbers, and the persisted switch. German is the default; English is the alternative.
import { de, en, type MessageKey } from './messages';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];
export const DEFAULT_LANGUAGE: Language = 'de';
export const STORAGE_KEY = 'pledgepad.language';

const tables: Record<Language, Record<MessageKey, string>> = { de, en };
const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** The part of the Web Storage API this module uses (localStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let current: Language = DEFAULT_LANGUAGE;
let store: KeyValueStore | null = null;
let root: { lang: string } | null = null;
const listeners = new Set<(lang: Language) => void>();

export function isLanguage(value: unknown): value is Language {
  return value === 'de' || value === 'en';
}

/** Reads the stored choice (German when there is none) and sets the html lang attribute. */
export function initI18n(options: { storage?: KeyValueStore | null; documentElement?: { lang: string } | null } = {}): Language {
  store = options.storage ?? null;
  root = options.documentElement ?? null;
  let stored: string | null = null;
  try {
    stored = store?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null; // storage can be disabled by the browser's privacy settings
  }
  current = isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  if (root) root.lang = current;
  return current;
}

export function getLanguage(): Language {
  return current;
}

export function locale(): string {
  return locales[current];
}

/** Switches the language, persists it, updates html lang and tells the listeners. */
export function setLanguage(lang: Language): void {
  if (!isLanguage(lang)) throw new Error(`unknown language: ${String(lang)}`);
  current = lang;
  try {
    store?.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the switch still applies to this page
  }
  if (root) root.lang = lang;
  for (const listener of [...listeners]) listener(lang);
}

export function onLanguageChange(listener: (lang: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Looks a key up in the current language and fills {name} placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[current][key] ?? de[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** True when the key names a text (used for server-given codes such as roles and kinds). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(de, key);
}

export function formatNumber(value: number, fractionDigits?: number): string {
  const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return new Intl.NumberFormat(locale(), digits).format(value);
}

/** Formats an ISO timestamp as a date with time; returns the input unchanged when it is not a date. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
