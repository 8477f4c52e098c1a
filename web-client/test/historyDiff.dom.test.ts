// @vitest-environment happy-dom
// The diff on the history page: the diff itself is not a live region (a long one would be read
// out in full); a short status line says how many passages changed. Stubbed fetch (test-only).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../src/i18n';
import { changedPassages } from '../src/history';
import { historyPage } from '../src/views/historyPage';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

const history = { versions: [{ seq: 2, at: '2026-05-02T10:00:00Z', actor: 'Clara' }, { seq: 1, at: '2026-05-01T10:00:00Z', actor: 'Paul' }] };
const long = 'Die Stadt baut Radwege. '.repeat(400);
let diff: unknown;
const shortDiff = { changes: [{ kind: 'equal', text: long }, { kind: 'delete', text: 'alte' }, { kind: 'insert', text: 'neue' }, { kind: 'equal', text: ' Schulen ' }, { kind: 'insert', text: 'und Kitas' }] };

describe('history diff', () => {
  beforeEach(() => {
    diff = shortDiff;
    initI18n({ storage: null, documentElement: document.documentElement });
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      const path = String(url);
      if (path.endsWith('/history')) return respond(history);
      if (path.includes('/diff?')) return respond(diff);
      return respond({ error: 'not here' }, 404);
    }));
  });

  afterEach(() => vi.unstubAllGlobals());

  it('counts neighbouring insertions and deletions as one passage', () => {
    expect(changedPassages([{ kind: 'equal', text: 'a', author: null }, { kind: 'delete', text: 'b', author: null }, { kind: 'insert', text: 'c', author: null }, { kind: 'equal', text: 'd', author: null }, { kind: 'insert', text: 'e', author: null }])).toBe(2);
    expect(changedPassages([{ kind: 'equal', text: 'a', author: null }])).toBe(0);
  });

  it('announces a short status line, not the diff', async () => {
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const view = historyPage(main, 'koalitionsvertrag');
    await settle();
    const form = main.querySelector<HTMLFormElement>('form.diff-form')!;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const section = main.querySelector<HTMLElement>('section.diff')!;
    expect(section.querySelector('.diff-text')?.textContent).toContain('Radwege');
    // Nothing that holds the diff text may be live.
    const live = [...main.querySelectorAll<HTMLElement>('[aria-live], [role="status"], [role="alert"], [role="log"]')].filter((el) => el.getAttribute('aria-live') !== 'off');
    for (const region of live) expect(region.textContent!.length).toBeLessThan(300);
    const announced = live.map((el) => el.textContent).find((text) => text?.includes('verglichen'));
    expect(announced).toBe('Version 1 mit 2 verglichen: 2 Stellen geändert (13 Zeichen eingefügt, 4 gelöscht).');
    view.dispose();
  });
  const paragraphs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}.\n`).join('');

  /** The history page with the diff of its default versions shown. */
  async function diffShown() {
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const view = historyPage(main, 'koalitionsvertrag');
    await settle();
    main.querySelector<HTMLFormElement>('form.diff-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    return { main, view };
  }

  it('folds long unchanged stretches; a fold opens where it was and takes the focus', async () => {
    diff = { changes: [{ kind: 'equal', text: `${paragraphs('Absatz', 12)}Wir bauen ` }, { kind: 'insert', text: 'sichere ' }, { kind: 'equal', text: `Radwege.\n${paragraphs('Teil', 9)}` }, { kind: 'delete', text: 'Schluss' }] };
    const { main, view } = await diffShown();
    const text = main.querySelector<HTMLElement>('.diff-text')!;
    const folds = () => [...text.querySelectorAll<HTMLButtonElement>('button.diff-fold')];
    expect(folds().map((b) => b.textContent)).toEqual(['10 unveränderte Absätze zeigen', '5 unveränderte Absätze zeigen']);
    expect(text.textContent).not.toContain('Absatz 1.');
    expect(text.textContent).toContain('Absatz 11.\nAbsatz 12.\nWir bauen eingefügt: sichere Radwege.\nTeil 1.\nTeil 2.\n');

    folds()[0].click();
    const opened = text.querySelector<HTMLElement>('.diff-unfolded')!;
    expect(opened.textContent).toBe(paragraphs('Absatz', 10));
    expect(document.activeElement).toBe(opened);
    expect(folds()).toHaveLength(1);
    expect(main.querySelector('.diff-fold-all')).not.toBeNull();
    // The last fold opened, "show all" has nothing left to do.
    folds()[0].click();
    expect(text.textContent).toBe(`${paragraphs('Absatz', 12)}Wir bauen eingefügt: sichere Radwege.\n${paragraphs('Teil', 9)}gelöscht: Schluss`);
    expect(main.querySelector('.diff-fold-all')).toBeNull();
    view.dispose();
  });

  it('offers to open every fold at once when there are several', async () => {
    diff = { changes: [{ kind: 'equal', text: paragraphs('A', 8) }, { kind: 'insert', text: 'neu' }, { kind: 'equal', text: `\n${paragraphs('B', 8)}` }] };
    const { main, view } = await diffShown();
    const all = main.querySelector<HTMLButtonElement>('button.diff-fold-all')!;
    expect(all.textContent).toBe('Alle unveränderten Absätze zeigen');
    all.click();
    const text = main.querySelector<HTMLElement>('.diff-text')!;
    expect(text.querySelectorAll('button.diff-fold')).toHaveLength(0);
    expect(text.textContent).toBe(`${paragraphs('A', 8)}eingefügt: neu\n${paragraphs('B', 8)}`);
    expect(main.querySelector('.diff-fold-all')).toBeNull();
    expect(document.activeElement).toBe(text);
    view.dispose();
  });
});
