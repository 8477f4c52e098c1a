import { beforeEach, describe, expect, it } from 'vitest';
import { de, en } from '../src/messages';
import { formatDateTime, formatNumber, getLanguage, initI18n, onLanguageChange, setLanguage, STORAGE_KEY, t } from '../src/i18n';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

describe('i18n', () => {
  let storage: MemoryStorage;
  let root: { lang: string };

  beforeEach(() => {
    storage = new MemoryStorage();
    root = { lang: '' };
    initI18n({ storage, documentElement: root });
  });

  it('starts in German and sets html lang when nothing is stored', () => {
    expect(getLanguage()).toBe('de');
    expect(root.lang).toBe('de');
    expect(t('stage.published')).toBe('Beschlossen');
  });

  it('switching persists the choice, updates html lang and tells listeners', () => {
    const heard: string[] = [];
    const stop = onLanguageChange((lang) => heard.push(lang));
    setLanguage('en');
    stop();
    expect(storage.getItem(STORAGE_KEY)).toBe('en');
    expect(root.lang).toBe('en');
    expect(heard).toEqual(['en']);
    expect(t('kind.coalition-agreement')).toBe('Coalition agreement');
  });

  it('a stored choice is used on the next start', () => {
    storage.setItem(STORAGE_KEY, 'en');
    expect(initI18n({ storage, documentElement: root })).toBe('en');
    expect(root.lang).toBe('en');
  });

  it('an unknown stored value falls back to German', () => {
    storage.setItem(STORAGE_KEY, 'fr');
    expect(initI18n({ storage, documentElement: root })).toBe('de');
  });

  it('a storage that throws does not break the switch', () => {
    const broken = {
      getItem(): string | null {
        throw new Error('denied');
      },
      setItem(): void {
        throw new Error('denied');
      },
    };
    expect(initI18n({ storage: broken, documentElement: root })).toBe('de');
    setLanguage('en');
    expect(getLanguage()).toBe('en');
    expect(root.lang).toBe('en');
  });

  it('fills placeholders and formats numbers the German way', () => {
    expect(t('resultCount', { count: 12345 })).toBe('12.345 Dokumente gefunden');
    expect(t('guestName', { number: '4711' })).toBe('Gast 4711');
    setLanguage('en');
    expect(t('resultCount', { count: 12345 })).toBe('12,345 documents found');
    expect(t('guestName', { number: '4711' })).toBe('Guest 4711');
  });

  it('leaves a placeholder without a value visible instead of printing undefined', () => {
    expect(t('role')).toBe('Rolle: {role}');
  });

  it('formats dates as de-DE in German and en-GB in English', () => {
    const iso = '2021-11-05T14:30:00Z';
    expect(formatDateTime(iso, 'UTC')).toBe('05.11.2021, 14:30');
    setLanguage('en');
    expect(formatDateTime(iso, 'UTC')).toBe('5 Nov 2021, 14:30');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(0.302, 2)).toBe('0.30');
    setLanguage('de');
    expect(formatNumber(0.302, 2)).toBe('0,30');
    expect(formatNumber(0.4726, 2)).toBe('0,47');
  });

  it('has every German key in English and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const table of [de, en]) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(de) as (keyof typeof de)[]) expect(names(en[key]), key).toEqual(names(de[key]));
  });
});
