// @vitest-environment happy-dom
// The stored language applies from the start to what index.html brings along: the skip link
// reads "Skip to content" for an English reader, not only after a switch.
import { readFileSync } from 'node:fs';
import { URL as FileUrl } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startLanguage } from '../src/dom';
import { initI18n, STORAGE_KEY } from '../src/i18n';

function storage(language: string | null) {
  return { getItem: (key: string) => (key === STORAGE_KEY ? language : null), setItem: () => undefined };
}

function loadIndexBody(): void {
  const html = readFileSync(new FileUrl('../index.html', import.meta.url), 'utf8') // happy-dom's URL refuses file:;
  document.body.innerHTML = html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('</body>')).replace(/<script[\s\S]*?<\/script>/g, '');
}

describe('language at start', () => {
  afterEach(() => initI18n());

  it('translates the skip link of index.html into the stored language', () => {
    loadIndexBody();
    expect(document.querySelector('.skip-link')?.textContent).toBe('Zum Inhalt springen');
    expect(startLanguage(document, storage('en'))).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('.skip-link')?.textContent).toBe('Skip to content');
  });

  it('keeps German without a stored choice', () => {
    loadIndexBody();
    startLanguage(document, storage(null));
    expect(document.querySelector('.skip-link')?.textContent).toBe('Zum Inhalt springen');
  });
});
