// End-to-end: the real server jar, the built client it serves, the system Chromium.
// Two browser contexts (two people) open the same demo document; what one types appears for the
// other, the save indicator reaches "Gespeichert", and axe-core finds no serious or critical
// accessibility violation on the start page and the editor. Screenshots go to docs/screenshots/.
//
// Run: npm run test:e2e   (needs server/target/pledgepad.jar and /usr/bin/chromium)
// Under CI=true a missing jar or Chromium fails the run; elsewhere the test is skipped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEFAULT_JAR, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const screenshots = resolve(here, '..', '..', 'docs', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jar = process.env.PLEDGEPAD_JAR ?? DEFAULT_JAR;
const ci = process.env.CI === 'true';

const missing = [];
if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}; install with: apt-get install -y chromium)`);
if (!process.env.PLEDGEPAD_URL && !process.env.PLEDGEPAD_SERVER_COMMAND && !existsSync(jar)) missing.push(`server jar (${jar}; build with: mvn -q -B -DskipTests install)`);
if (missing.length > 0 && ci) {
  // Under CI a missing dependency is a failure, never a skip.
  describe('end-to-end prerequisites', () => {
    it('has Chromium and the server jar', () => assert.fail(`missing: ${missing.join('; ')}`));
  });
}
const skip = missing.length > 0 && !ci ? `missing: ${missing.join('; ')}` : false;

/** How long a change may take to reach the other browser (generous: CI shares two cores with builds). */
const SYNC_TIMEOUT = 20_000;

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousAxeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n');
}

describe('Pledgepad in the browser', { skip, timeout: 240_000 }, () => {
  let server;
  let browser;
  let demo; // { name, title }: shown on the start page
  let documents; // the server's list

  before(async () => {
    server = await startServer({ jar });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
    mkdirSync(screenshots, { recursive: true });
    const list = await (await fetch(`${server.baseUrl}/api/documents`)).json();
    assert.ok(Array.isArray(list) && list.length > 0, 'the server lists at least one demo document');
    documents = list;
    demo = list.find((d) => d.kind === 'coalition-agreement') ?? list[0];
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(locale = 'de-DE', pseudonym = null) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    if (pseudonym) {
      await context.addInitScript((value) => localStorage.setItem('pledgepad.pseudonym', value), JSON.stringify(pseudonym));
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    return page;
  }

  it('start page lists the documents grouped by stage, in German, and the search filters by title', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    await page.locator('.doc-card').first().waitFor();
    const headings = await page.locator('.stage-group h2 > span:first-child').allTextContents();
    assert.deepEqual(headings.slice(0, 4), ['Entwurf', 'Beteiligung', 'Beschlossen', 'Archiviert']);
    const titles = await page.locator('.doc-card h3').allTextContents();
    assert.ok(titles.includes(demo.title), `the demo document "${demo.title}" is listed`);
    await page.screenshot({ path: resolve(screenshots, 'start-page.png'), fullPage: true });

    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    const word = demo.title.split(/\s+/).find((w) => w.length > 4) ?? demo.title;
    await page.getByLabel('Nach Titel suchen').fill(word);
    const filtered = await page.locator('.doc-card h3').allTextContents();
    assert.ok(filtered.length >= 1 && filtered.every((t) => t.toLowerCase().includes(word.toLowerCase())), `only titles with "${word}": ${filtered}`);
    await page.getByLabel('Nach Titel suchen').fill('zzzz-nichts-dergleichen');
    await page.getByText('Kein Dokument gefunden').waitFor();
    assert.equal(await page.locator('.doc-card').count(), 0);
    await page.context().close();
  });

  /** Opens a document and waits until the connection settled: saved (writable), read-only or denied. */
  async function openSettled(page, doc) {
    await page.goto(`${server.baseUrl}/d/${encodeURIComponent(doc.name)}`);
    await page.locator('h1.doc-title', { hasText: doc.title }).waitFor();
    await page.locator('.page-editor:is([data-save-state="saved"], [data-save-state="readonly"], [data-save-state="denied"])').waitFor({ timeout: 30_000 });
    return page.locator('.page-editor').getAttribute('data-save-state');
  }

  /**
   * The document the two people edit: PLEDGEPAD_E2E_DOCUMENT, else the first one (drafts first)
   * that this browser may write. Read-only documents met on the way are checked to say so.
   */
  async function findWritableDocument(page) {
    const order = ['draft', 'consultation', 'published', 'archived'];
    const wanted = process.env.PLEDGEPAD_E2E_DOCUMENT;
    const candidates = wanted
      ? documents.filter((d) => d.name === wanted)
      : [...documents].sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
    const seen = [];
    for (const doc of candidates) {
      const state = await openSettled(page, doc);
      seen.push(`${doc.name}: ${state}`);
      if (state === 'saved' && (await page.locator('.ProseMirror').getAttribute('contenteditable')) === 'true') return doc;
      if (state === 'readonly') {
        assert.equal(await page.locator('.notice-readonly').isVisible(), true, 'a read-only document shows the notice');
        assert.equal(await page.locator('.ProseMirror').getAttribute('contenteditable'), 'false');
        assert.equal(await page.getByRole('button', { name: 'Fett' }).getAttribute('aria-disabled'), 'true');
      }
    }
    assert.fail(`no document is writable for this browser (${seen.join('; ')}); set PLEDGEPAD_E2E_DOCUMENT or give guests a writable demo document`);
  }

  it('two people edit the same document: typing in one shows in the other, and it is saved', async () => {
    // Both drew the same caret colour: the names tell them apart, and one of them moves to another colour.
    const alice = await newPage('de-DE', { number: 4711, color: '#1f5f99' });
    const bob = await newPage('de-DE', { number: 4712, color: '#1f5f99' });
    const target = await findWritableDocument(alice);
    await openSettled(bob, target);
    for (const page of [alice, bob]) {
      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
      await page.locator('.ProseMirror[contenteditable="true"]').waitFor({ timeout: 30_000 });
    }
    const url = `${server.baseUrl}/d/${encodeURIComponent(target.name)}`;
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Gespeichert');

    const marker = `Testsatz ${Date.now().toString(36)} für die Stadtverordnetenversammlung`;
    await alice.locator('.ProseMirror').click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type(marker, { delay: 5 });

    await bob.locator('.ProseMirror', { hasText: marker }).waitFor({ timeout: SYNC_TIMEOUT });
    await alice.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Gespeichert');

    // Both people see each other by pseudonym in the list of those present.
    await bob.locator('.participants li').nth(1).waitFor({ timeout: SYNC_TIMEOUT });
    const present = await bob.locator('.participants li').allTextContents();
    assert.equal(present.length, 2, `two people present: ${present}`);
    assert.deepEqual(present, ['Gast 4712 (Sie)', 'Gast 4711']);
    // ... and in different caret colours (one of them gives way if both drew the same).
    let colours = [];
    for (let i = 0; i < 50; i++) {
      colours = await bob.locator('.participants .swatch').evaluateAll((els) => els.map((e) => e.style.backgroundColor));
      if (colours.length === 2 && colours[0] !== colours[1]) break;
      await bob.waitForTimeout(100);
    }
    assert.notEqual(colours[0], colours[1], `distinct caret colours: ${colours}`);

    // Bold through the toolbar, with the toolbar's pressed state following the selection.
    await alice.keyboard.press('Shift+Home');
    await alice.getByRole('button', { name: 'Fett' }).click();
    assert.equal(await alice.getByRole('button', { name: 'Fett' }).getAttribute('aria-pressed'), 'true');
    await bob.locator('.ProseMirror strong', { hasText: marker }).waitFor({ timeout: SYNC_TIMEOUT });

    // Line numbers are shown in the margin.
    assert.ok((await alice.locator('.line-gutter .line-number').count()) > 1, 'line numbers are rendered');

    // The other person's caret is shown with their name.
    await bob.locator('.ProseMirror').click();
    await bob.keyboard.press('Control+Home');
    await alice.keyboard.press('End');
    await alice.locator('.collab-caret-label', { hasText: 'Gast 4712' }).waitFor({ timeout: SYNC_TIMEOUT });

    await alice.evaluate(() => window.scrollTo(0, 0));
    await alice.screenshot({ path: resolve(screenshots, 'editor.png'), fullPage: false });
    for (const page of [alice, bob]) {
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    }

    // A third visit (a reload) gets the text from the server, not from the other browser.
    await bob.context().close();
    const carol = await newPage();
    await carol.goto(url);
    await carol.locator('.ProseMirror', { hasText: marker }).waitFor({ timeout: SYNC_TIMEOUT });
    await carol.context().close();
    await alice.context().close();
  });

  it('everything works from the keyboard: skip link, shortcuts, toolbar, link dialog', async () => {
    const page = await newPage();
    const other = await newPage();
    const target = await findWritableDocument(page);
    await openSettled(other, target);

    // The first Tab stop is the skip link, which leads to <main>.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');

    const word = `Tastatur${Date.now().toString(36)}`;
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(word);
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+i');
    await page.locator('.ProseMirror em', { hasText: word }).waitFor({ timeout: 5_000 });
    await other.locator('.ProseMirror em', { hasText: word }).waitFor({ timeout: SYNC_TIMEOUT });

    // Control+K opens the link dialog with the focus in the address field.
    await page.keyboard.press('Control+k');
    await page.locator('dialog.link-dialog[open]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'link-url');
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.keyboard.type('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await page.getByText('Bitte eine Adresse angeben').waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('www.kassel.de/digital');
    await page.keyboard.press('Enter');
    await other.locator('.ProseMirror a[href="https://www.kassel.de/digital"]', { hasText: word }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await other.locator('.ProseMirror a[href^="javascript"]').count(), 0);

    // Alt+F10 goes to the toolbar, arrows move inside it, Enter acts, Escape returns to the text.
    await page.keyboard.press('Alt+F10');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-tool')), 'h1');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-tool')), 'h2');
    await page.keyboard.press('Enter');
    await other.locator('.ProseMirror h2', { hasText: word }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await page.locator('[data-tool="h2"]').getAttribute('aria-pressed'), 'true');
    // The button acted and gave the focus back to the text; Alt+F10 returns to the last used button.
    await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));
    await page.keyboard.press('Alt+F10');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-tool')), 'h2');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'));

    await other.context().close();
    await page.context().close();
  });

  it('pasted HTML is reduced to the editor schema: no script links, no images, no handlers', async () => {
    const page = await newPage();
    const other = await newPage();
    const target = await findWritableDocument(page);
    await openSettled(other, target);
    const tag = Date.now().toString(36);
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        `<p><a href="javascript:window.__pwned=1">böse-${t}</a> <img src="x" onerror="window.__pwned=2"> ` +
          `<span onmouseover="window.__pwned=3">span-${t}</span> <script>window.__pwned=4</script>` +
          `<a href="https://www.kassel.de/">gut-${t}</a></p>`,
      );
      data.setData('text/plain', `böse-${t} span-${t} gut-${t}`);
      document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tag);
    await other.locator('.ProseMirror a[href="https://www.kassel.de/"]', { hasText: `gut-${tag}` }).waitFor({ timeout: SYNC_TIMEOUT });
    for (const p of [page, other]) {
      const editor = p.locator('.ProseMirror');
      assert.ok((await editor.innerText()).includes(`böse-${tag}`), 'the text of the bad link stays');
      assert.equal(await editor.locator('a[href^="javascript"], img[src], script, [onmouseover], [onerror]').count(), 0);
      assert.equal(await p.evaluate(() => window.__pwned), undefined);
    }
    await other.context().close();
    await page.context().close();
  });

  it('edits made while the server is down are kept, shown as not saved, and saved after it is back', async (t) => {
    if (!server.restartable) {
      t.skip('PLEDGEPAD_URL given: this test must start and stop the server itself');
      return;
    }
    const alice = await newPage();
    const target = await findWritableDocument(alice);
    const before = `Vor der Unterbrechung ${Date.now().toString(36)}`;
    const during = `Während der Unterbrechung ${Date.now().toString(36)}`;
    await alice.locator('.ProseMirror').click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type(before, { delay: 5 });
    await alice.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });

    await server.kill();
    await alice.locator('.page-editor:is([data-save-state="offline"], [data-save-state="offline-unsaved"])').waitFor({ timeout: SYNC_TIMEOUT });
    await alice.keyboard.type(` ${during}`, { delay: 5 });
    await alice.locator('[data-save-state="offline-unsaved"]').waitFor({ timeout: 5_000 });
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Nicht gespeichert — offline');
    await alice.screenshot({ path: resolve(screenshots, 'editor-offline.png') });
    // The polite live region tells screen reader users once the state has lasted.
    await alice.locator('[role="status"][aria-live="polite"]', { hasText: 'Nicht gespeichert — offline' }).waitFor({ timeout: 5_000 });

    await server.restart();
    await alice.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Gespeichert');

    const bob = await newPage();
    await openSettled(bob, target);
    await bob.locator('.ProseMirror', { hasText: during }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.ok((await bob.locator('.ProseMirror').innerText()).includes(before));
    await bob.context().close();
    await alice.context().close();
  });

  it('the language switch changes the texts and html lang, and is remembered', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.locator('.doc-card').first().waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.reload();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('heading', { level: 2, name: /Adopted/ }).waitFor();
    await page.screenshot({ path: resolve(screenshots, 'start-page-en.png'), fullPage: true });
    let violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    // The editor in English: following a link keeps the language (client-side navigation).
    await page.getByRole('link', { name: demo.title }).click();
    await page.locator('.page-editor:is([data-save-state="saved"], [data-save-state="readonly"])').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('.save-indicator').innerText(), /^(Saved|Read only — up to date)$/);
    await page.getByRole('toolbar', { name: 'Text formatting' }).waitFor();
    await page.getByRole('complementary', { name: 'People present and document details' }).waitFor();
    assert.match((await page.locator('.participants li').first().innerText()), /^Guest \d{4} \(you\)$/);
    violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    // Back to German from the editor page, without reloading it.
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    await page.getByRole('toolbar', { name: 'Textformatierung' }).waitFor();
    const germanKind = { 'coalition-agreement': 'Koalitionsvertrag', programme: 'Wahlprogramm', motion: 'Antrag' }[demo.kind] ?? demo.kind;
    assert.equal(await page.locator('.doc-meta .kind-badge').innerText(), germanKind);
    assert.match(await page.locator('.save-indicator').innerText(), /^(Gespeichert|Nur lesen — aktueller Stand)$/);
    await page.context().close();
  });
});
