// End-to-end: the real server jar, the built client it serves, the system Chromium.
// Guests only read; the demo accounts the server prints on its first start sign in (the
// councillor writes, the citizen comments, the moderator moderates). Two browser contexts (two
// people) open the same demo document; what one types appears for the other, the save indicator
// reaches "Gespeichert", a citizen's comment reaches the councillor live, and axe-core finds no
// serious or critical accessibility violation on any page. Screenshots go to docs/screenshots/.
//
// Run: npm run test:e2e   (needs server/target/pledgepad.jar and /usr/bin/chromium)
// Under CI=true a missing jar or Chromium fails the run; elsewhere the test is skipped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { LAUNCH_ARGS, caretTo, chromiumPath, describeViolations, jar, openSettled as openSettledOn, prerequisites, replacementPassword, selectWord, seriousAxeViolations, signInContext as signIn } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = resolve(here, '..', '..', 'docs', 'screenshots');
const skip = prerequisites();

/** How long a change may take to reach the other browser (generous: CI shares two cores with builds). */
const SYNC_TIMEOUT = 20_000;
/**
 * How long a change in this browser's own page may take to show (Playwright's default wait): a
 * bound, not a speed requirement; 5 s left under 4 s beyond the 1.2 s settle delay of the save
 * state on a loaded two-core machine running Chromium, the server and Maven.
 */
const LOCAL_TIMEOUT = 30_000;

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

  /** Signs the browser context in through the REST API (the dialog itself is tested separately). */
  const signInContext = (context, login) => signIn(server, context, login);

  async function newPage(locale = 'de-DE', pseudonym = null, login = null) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    if (pseudonym) {
      await context.addInitScript((value) => localStorage.setItem('pledgepad.pseudonym', value), JSON.stringify(pseudonym));
    }
    if (login) context.displayName = await signInContext(context, login);
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
  const openSettled = (page, doc) => openSettledOn(server, page, doc);

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
    assert.fail(`no document is writable for this browser (${seen.join('; ')}); set PLEDGEPAD_E2E_DOCUMENT or sign in as someone who may write`);
  }

  it('two people edit the same document: typing in one shows in the other, and it is saved', async () => {
    // Both drew the same caret colour: the names tell them apart, and one of them moves to another colour.
    const alice = await newPage('de-DE', { number: 4711, color: '#1f5f99' }, 'demo-councillor');
    const bob = await newPage('de-DE', { number: 4712, color: '#1f5f99' }, 'demo-admin');
    const target = await findWritableDocument(alice);
    await openSettled(bob, target);
    for (const page of [alice, bob]) {
      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
      await page.locator('.ProseMirror[contenteditable="true"]').waitFor({ timeout: 30_000 });
    }
    const url = `${server.baseUrl}/d/${encodeURIComponent(target.name)}`;
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Gespeichert');

    const marker = `Testsatz ${Date.now().toString(36)} für die Stadtverordnetenversammlung`;
    await caretTo(alice, 'end');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type(marker, { delay: 5 });

    await bob.locator('.ProseMirror', { hasText: marker }).waitFor({ timeout: SYNC_TIMEOUT });
    await alice.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Gespeichert');

    // Both people see each other by their display names in the list of those present.
    await bob.locator('.participants li').nth(1).waitFor({ timeout: SYNC_TIMEOUT });
    const present = await bob.locator('.participants li').allTextContents();
    assert.equal(present.length, 2, `two people present: ${present}`);
    assert.deepEqual(present, [`${bob.context().displayName} (Sie)`, alice.context().displayName]);
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
    await caretTo(bob, 'start');
    await alice.keyboard.press('End');
    await alice.locator('.collab-caret-label', { hasText: bob.context().displayName }).waitFor({ timeout: SYNC_TIMEOUT });

    await alice.evaluate(() => window.scrollTo(0, 0));
    await alice.screenshot({ path: resolve(screenshots, 'editor.png'), fullPage: false });
    for (const page of [alice, bob]) {
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    }

    // A third visit (a reload) gets the text from the server, not from the other browser.
    await bob.context().close();
    const carol = await newPage('de-DE', null, 'demo-councillor');
    await carol.goto(url);
    await carol.locator('.ProseMirror', { hasText: marker }).waitFor({ timeout: SYNC_TIMEOUT });
    await carol.context().close();
    await alice.context().close();
  });

  it('everything works from the keyboard: skip link, shortcuts, toolbar, link dialog', async () => {
    const page = await newPage('de-DE', null, 'demo-councillor');
    const other = await newPage('de-DE', null, 'demo-councillor');
    const target = await findWritableDocument(page);
    await openSettled(other, target);

    // The first Tab stop is the skip link, which leads to <main>.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');

    const word = `Tastatur${Date.now().toString(36)}`;
    await caretTo(page, 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type(word);
    // Select only once the typed word is rendered: a selection made while keystrokes are still
    // being applied can end up empty, and Control+I then only sets a stored mark.
    await page.locator('.ProseMirror p', { hasText: word }).waitFor();
    await page.keyboard.press('Shift+Home');
    await page.waitForFunction((w) => window.getSelection()?.toString() === w, word);
    // ProseMirror reads the DOM selection on 'selectionchange', a task later: give it that task
    // before the shortcut, or Control+I meets the old, collapsed selection.
    await page.waitForTimeout(100);
    await page.keyboard.press('Control+i');
    await page.locator('.ProseMirror em', { hasText: word }).waitFor({ timeout: LOCAL_TIMEOUT });
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
    const page = await newPage('de-DE', null, 'demo-councillor');
    const other = await newPage('de-DE', null, 'demo-councillor');
    const target = await findWritableDocument(page);
    await openSettled(other, target);
    const tag = Date.now().toString(36);
    await caretTo(page, 'end');
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
    // Only skipped when a developer points the suite at an already running server
    // (PLEDGEPAD_URL), which this test cannot stop; CI never sets it and always starts the jar.
    if (!server.restartable) {
      t.skip('PLEDGEPAD_URL given: this test must start and stop the server itself');
      return;
    }
    const alice = await newPage('de-DE', null, 'demo-councillor');
    const target = await findWritableDocument(alice);
    const before = `Vor der Unterbrechung ${Date.now().toString(36)}`;
    const during = `Während der Unterbrechung ${Date.now().toString(36)}`;
    await caretTo(alice, 'end');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type(before, { delay: 5 });
    await alice.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });

    await server.kill();
    await alice.locator('.page-editor:is([data-save-state="offline"], [data-save-state="offline-unsaved"])').waitFor({ timeout: SYNC_TIMEOUT });
    await alice.keyboard.type(` ${during}`, { delay: 5 });
    await alice.locator('[data-save-state="offline-unsaved"]').waitFor({ timeout: LOCAL_TIMEOUT });
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Nicht gespeichert — offline');
    await alice.screenshot({ path: resolve(screenshots, 'editor-offline.png') });
    // The polite live region tells screen reader users once the state has lasted.
    await alice.locator('[role="status"][aria-live="polite"]', { hasText: 'Nicht gespeichert — offline' }).waitFor({ timeout: LOCAL_TIMEOUT });

    // Cookie sessions are stored (only their hashes) and survive the restart: the page reconnects
    // with the same sign-in and saves the offline edit without asking to sign in again.
    await server.restart();
    await alice.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });
    assert.equal(await alice.locator('.save-indicator').innerText(), 'Gespeichert');
    assert.equal(await alice.getByText('Ihre Anmeldung ist abgelaufen').isVisible(), false, 'the session outlived the restart');
    assert.ok((await alice.locator('.ProseMirror').innerText()).includes(during), 'the offline edit is still in the window');

    const bob = await newPage('de-DE', null, 'demo-councillor');
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

  it('signing in: German errors for a wrong password, then name and role in the header, and signing out', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.locator('.doc-card').first().waitFor();
    assert.equal(await page.locator('.role').innerText(), 'Rolle: Gast');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.locator('dialog.sign-in-dialog[open]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-login');
    await page.getByLabel('Benutzername').fill('demo-citizen');
    await page.getByLabel('Passwort').fill('falsches-passwort-123');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Benutzername oder Passwort ist falsch' }).waitFor();
    await page.screenshot({ path: resolve(screenshots, 'sign-in.png') });
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    // The printed one-time password: the next page asks for a password of one's own first.
    const oneTime = server.demoAccounts['demo-citizen'];
    assert.ok(!server.changedPasswords?.['demo-citizen'], 'demo-citizen still has its one-time password here');
    await page.getByLabel('Passwort').fill(oneTime);
    await page.keyboard.press('Enter');
    const changeHeading = page.getByRole('heading', { level: 1, name: 'Eigenes Passwort festlegen' });
    await changeHeading.waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the focus is on the heading');
    const fresh = replacementPassword(oneTime);
    await page.getByLabel('Einmalpasswort (aktuelles Passwort)').fill(oneTime);
    await page.getByLabel('Neues Passwort', { exact: true }).fill(fresh);
    await page.getByLabel('Neues Passwort wiederholen').fill(`${fresh}x`);
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByRole('alert').filter({ hasText: 'Die beiden neuen Passwörter stimmen nicht überein.' }).waitFor();
    await page.screenshot({ path: resolve(screenshots, 'password-change.png') });
    const changeViolations = await seriousAxeViolations(page);
    assert.equal(changeViolations.length, 0, describeViolations(changeViolations));
    await page.getByLabel('Neues Passwort wiederholen').fill(fresh);
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor({ timeout: 10_000 });
    server.changedPasswords = { ...server.changedPasswords, 'demo-citizen': fresh };
    await page.locator('.doc-card').first().waitFor({ timeout: 10_000 }); // back on the start page
    assert.equal(await page.locator('.role').innerText(), 'Rolle: Bürger*in');
    assert.match(await page.locator('.user-name').innerText(), /^Angemeldet als /);
    // The session survives a reload (cookie) and ends with "Abmelden".
    await page.reload();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('button', { name: 'Anmelden', exact: true }).waitFor();
    assert.equal(await page.locator('.role').innerText(), 'Rolle: Gast');
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    assert.equal(me.user, null);
    await page.context().close();
  });

  it('guests read only: the editor is read-only and the comment buttons ask to sign in', async () => {
    const page = await newPage();
    const doc = documents.find((d) => d.stage === 'consultation') ?? demo;
    const state = await openSettled(page, doc);
    assert.equal(state, 'readonly');
    assert.equal(await page.locator('.ProseMirror').getAttribute('contenteditable'), 'false');
    // aria-disabled (not disabled): the button stays focusable and explains itself when used.
    assert.equal(await page.getByRole('button', { name: 'Kommentieren' }).getAttribute('aria-disabled'), 'true');
    await page.getByRole('button', { name: 'Kommentieren' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.annotation-message').filter({ hasText: /Melden Sie sich an|noch nicht verfügbar/ }).waitFor();
    await page.context().close();
  });

  it('a citizen comments a passage and the councillor sees it live, highlighted in the text', async (t) => {
    // The annotations API is part of the server: a 404 here is a regression, not a reason to skip.
    const probe = await fetch(`${server.baseUrl}/api/documents/${encodeURIComponent(demo.name)}/annotations`);
    assert.equal(probe.status, 200, 'the annotations endpoint answers');
    const councillor = await newPage('de-DE', null, 'demo-councillor');
    const citizen = await newPage('de-DE', null, 'demo-citizen');
    await openSettled(councillor, demo);
    await openSettled(citizen, demo);
    const before = Number((await councillor.locator('section.annotations').getAttribute('data-count')) ?? '0');

    // Select one word of a paragraph (earlier tests may have added short paragraphs).
    const paragraph = citizen.locator('.ProseMirror p').filter({ hasText: /\p{L}{6,}/u }).first();
    await selectWord(paragraph);
    await citizen.keyboard.press('Control+Alt+m');
    await citizen.locator('form.composer:not([hidden])').waitFor();
    assert.equal(await citizen.evaluate(() => document.activeElement?.id), 'composer-body');
    const body = `Bitte genauer fassen ${Date.now().toString(36)} <b>kein HTML</b>`;
    await citizen.keyboard.type(body);
    await citizen.getByRole('button', { name: 'Senden' }).click();

    const thread = councillor.locator('section.annotations .thread', { hasText: body.slice(0, 20) });
    await thread.waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(Number(await councillor.locator('section.annotations').getAttribute('data-count')), before + 1);
    // The body arrives as text: the angle brackets are shown, not interpreted.
    assert.equal(await thread.locator('b').count(), 0);
    await councillor.locator('.ProseMirror .annotated').first().waitFor({ timeout: SYNC_TIMEOUT });
    // The councillor (an editor of the text) may resolve it; the citizen may not.
    await thread.getByRole('button', { name: 'Erledigen' }).waitFor();
    assert.equal(await citizen.locator('section.annotations .thread', { hasText: body.slice(0, 20) }).getByRole('button', { name: 'Erledigen' }).count(), 0);
    await councillor.screenshot({ path: resolve(screenshots, 'annotations.png') });
    for (const page of [councillor, citizen]) {
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    }
    await citizen.context().close();
    await councillor.context().close();
  });

  /** The annotations API is part of the server: a missing endpoint fails the test. */
  async function annotationsAvailable(t) {
    const probe = await fetch(`${server.baseUrl}/api/documents/${encodeURIComponent(demo.name)}/annotations`);
    assert.equal(probe.status, 200, 'the annotations endpoint answers');
    return true;
  }

  async function assertNoSeriousViolations(page) {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  }

  it('a citizen suggests a change, the councillor accepts it, and both texts contain the new wording', async (t) => {
    if (!(await annotationsAvailable(t))) return;
    const councillor = await newPage('de-DE', null, 'demo-councillor');
    const citizen = await newPage('de-DE', null, 'demo-citizen');
    await openSettled(councillor, demo);
    await openSettled(citizen, demo);

    // A paragraph of the demo text other than the first (the comment test uses that one), with a word to replace.
    const paragraphs = citizen.locator('.ProseMirror p');
    let index = 0;
    for (let i = 1; i < (await paragraphs.count()); i++) {
      if (/\p{L}{6,}/u.test(await paragraphs.nth(i).innerText())) {
        index = i;
        break;
      }
    }
    const word = await selectWord(paragraphs.nth(index));
    await citizen.getByRole('button', { name: 'Änderung vorschlagen' }).click();
    await citizen.locator('form.composer:not([hidden])').waitFor();
    await citizen.getByRole('heading', { name: 'Neuer Änderungsvorschlag' }).waitFor();
    const replacementField = citizen.getByLabel('Neuer Wortlaut');
    // The field starts with the selected passage.
    assert.equal((await replacementField.inputValue()).trim(), word);
    const replacement = `Ersatzformulierung${Date.now().toString(36)}`;
    await replacementField.fill(replacement);
    await citizen.getByLabel('Begründung').fill('Klarer und verbindlicher formuliert.');
    await assertNoSeriousViolations(citizen);
    await citizen.getByRole('button', { name: 'Senden' }).click();
    await citizen.locator('form.composer').waitFor({ state: 'hidden' });

    // The councillor sees the suggestion live, with the proposed text and the green highlight.
    const thread = councillor.locator('section.annotations .thread-suggestion', { hasText: replacement });
    await thread.waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await thread.locator('ins').innerText(), replacement);
    assert.equal(await thread.locator('.suggestion-state').innerText(), 'Vorschlag: offen');
    await councillor.locator('.ProseMirror .annotated-suggestion').first().waitFor({ timeout: SYNC_TIMEOUT });
    // Only an editor of the text decides: the citizen has no "Annehmen".
    const citizenThread = citizen.locator('section.annotations .thread-suggestion', { hasText: replacement });
    await citizenThread.waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await citizenThread.getByRole('button', { name: 'Annehmen' }).count(), 0);
    await assertNoSeriousViolations(councillor);

    await thread.getByRole('button', { name: 'Annehmen' }).click();
    await thread.locator('.suggestion-state', { hasText: 'Vorschlag: angenommen' }).waitFor({ timeout: SYNC_TIMEOUT });
    // The accepted change is an edit of the shared text: both windows show the new wording.
    for (const page of [councillor, citizen]) {
      await page.locator('.ProseMirror', { hasText: replacement }).waitFor({ timeout: SYNC_TIMEOUT });
    }
    await citizenThread.locator('.suggestion-state', { hasText: 'Vorschlag: angenommen' }).waitFor({ timeout: SYNC_TIMEOUT });
    // The accepted wording replaced the anchored passage on purpose: no "Passage gelöscht" alarm.
    assert.equal(await thread.locator('.badge-deleted').count(), 0);
    assert.equal(await citizenThread.locator('.badge-deleted').count(), 0);
    await councillor.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });
    await councillor.locator('.ProseMirror p', { hasText: replacement }).scrollIntoViewIfNeeded();
    await councillor.screenshot({ path: resolve(screenshots, 'suggestion-accepted.png') });
    await assertNoSeriousViolations(councillor);
    await assertNoSeriousViolations(citizen);

    // Saved on the server: a fresh reader gets the new wording.
    const reader = await newPage();
    await openSettled(reader, demo);
    await reader.locator('.ProseMirror', { hasText: replacement }).waitFor({ timeout: SYNC_TIMEOUT });
    for (const page of [reader, citizen, councillor]) await page.context().close();
  });

  it('a reported comment is hidden by a moderator on /moderation and shows as hidden to the citizen and others', async (t) => {
    if (!(await annotationsAvailable(t))) return;
    const citizen = await newPage('de-DE', null, 'demo-citizen');
    const councillor = await newPage('de-DE', null, 'demo-councillor');
    await openSettled(citizen, demo);
    await openSettled(councillor, demo);

    await selectWord(citizen.locator('.ProseMirror p').filter({ hasText: /\p{L}{6,}/u }).first());
    await citizen.keyboard.press('Control+Alt+m');
    await citizen.locator('form.composer:not([hidden])').waitFor();
    const body = `Unsachlicher Beitrag ${Date.now().toString(36)}`;
    await citizen.keyboard.type(body);
    await citizen.getByRole('button', { name: 'Senden' }).click();

    // The councillor reports the citizen's post from the sidebar.
    const thread = councillor.locator('section.annotations .thread', { hasText: body });
    await thread.waitFor({ timeout: SYNC_TIMEOUT });
    const threadId = await thread.getAttribute('data-thread');
    const post = thread.locator('li.post', { hasText: body });
    await post.getByRole('button', { name: 'Melden' }).click();
    const reason = `Beleidigend ${Date.now().toString(36)}`;
    await post.getByLabel('Grund der Meldung').fill(reason);
    await assertNoSeriousViolations(councillor);
    await post.locator('form.inline-form button[type="submit"]').click();
    await post.getByRole('status').filter({ hasText: 'Gemeldet.' }).waitFor({ timeout: SYNC_TIMEOUT });
    // The author cannot report their own post.
    const ownPost = citizen.locator('section.annotations .thread li.post', { hasText: body });
    await ownPost.waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await ownPost.getByRole('button', { name: 'Melden' }).count(), 0);

    // The moderator finds the report on /moderation and hides the post.
    const moderator = await newPage('de-DE', null, 'demo-moderator');
    await moderator.goto(`${server.baseUrl}/moderation`);
    await moderator.locator('.page-moderation[data-moderation-state="ready"]').waitFor({ timeout: 120_000 });
    const entry = moderator.locator('.queue-entry', { hasText: body });
    await entry.waitFor({ timeout: SYNC_TIMEOUT });
    assert.ok((await entry.innerText()).includes(reason), 'the queue shows the reason of the report');
    await assertNoSeriousViolations(moderator);
    await entry.getByRole('button', { name: 'Ausblenden' }).click();
    await moderator.getByRole('status').filter({ hasText: 'Kommentare aktualisiert.' }).waitFor({ timeout: SYNC_TIMEOUT });
    // After hiding, the post is either still listed (now with "Wiederherstellen") or out of the queue.
    await moderator.waitForFunction(
      (text) => {
        const entries = [...document.querySelectorAll('.queue-entry')].filter((e) => e.textContent.includes(text));
        return entries.length === 0 || entries.every((e) => [...e.querySelectorAll('button')].some((b) => b.textContent === 'Wiederherstellen'));
      },
      body,
      { timeout: SYNC_TIMEOUT },
    );
    await moderator.screenshot({ path: resolve(screenshots, 'moderation-hidden.png'), fullPage: true });
    await assertNoSeriousViolations(moderator);

    const hidden = await (await moderator.context().request.get(`${server.baseUrl}/api/documents/${encodeURIComponent(demo.name)}/threads/${threadId}`)).json();
    assert.equal(hidden.posts[0].state, 'hidden', 'the server reports the post as hidden');

    // The citizen (author) and another person see the post as hidden ("ausgeblendet").
    for (const page of [citizen, councillor]) {
      await openSettled(page, demo);
      const seen = page.locator(`section.annotations .thread[data-thread="${threadId}"]`);
      await seen.waitFor({ timeout: SYNC_TIMEOUT });
      await seen.locator('.post-state', { hasText: 'ausgeblendet' }).waitFor({ timeout: SYNC_TIMEOUT });
      await assertNoSeriousViolations(page);
    }
    // Others no longer read the text of the hidden post.
    assert.equal(await councillor.locator(`section.annotations .thread[data-thread="${threadId}"]`, { hasText: body }).count(), 0, 'the hidden text is not shown to others');
    await citizen.screenshot({ path: resolve(screenshots, 'comment-hidden.png') });
    for (const page of [moderator, councillor, citizen]) await page.context().close();
  });

  it('the comparison page aligns linked pledges, shows the coverage and the suggestions', async () => {
    const page = await newPage('de-DE', null, 'demo-councillor');
    await page.goto(`${server.baseUrl}/vergleich`);
    // The first comparison after a start builds the pledge index (Lucene): slow on a shared machine.
    await page.locator('.page-compare[data-compare-state]').waitFor({ timeout: 120_000 });
    const state = await page.locator('.page-compare').getAttribute('data-compare-state');
    assert.ok(['ready', 'unavailable'].includes(state), `comparison state ${state}: ${await page.locator('.compare-body').innerText()}`);
    if (state === 'ready') {
      assert.match(await page.locator('.coverage-figure').innerText(), /^\d+ von \d+ Punkten des Wahlprogramms finden sich im Koalitionsvertrag \(\d+ %\)\.$/);
      await page.getByRole('heading', { name: 'Nur im Wahlprogramm' }).waitFor();
      await page.getByRole('heading', { name: 'Nur im Koalitionsvertrag' }).waitFor();
      const suggestions = await page.locator('.suggestion').count();
      if (suggestions > 0) {
        assert.match(await page.locator('.suggestion .badge').first().innerText(), /^Sicherheit: (hoch|mittel|niedrig)$/);
        // Linking a suggestion moves the pair into the aligned rows.
        const rowsBefore = await page.locator('.compare-table .compare-row:not(.compare-head)').count();
        await page.locator('.suggestion').first().getByRole('button', { name: /^Verknüpfen/ }).click();
        await page.getByRole('status').filter({ hasText: 'Verknüpft.' }).waitFor({ timeout: SYNC_TIMEOUT });
        await page.waitForFunction((n) => document.querySelectorAll('.compare-table .compare-row:not(.compare-head)').length === n + 1, rowsBefore, { timeout: SYNC_TIMEOUT });
        // Who linked the pair is shown with the link.
        assert.match(await page.locator('.compare-table .linked-by').first().innerText(), /^verknüpft von \S.* am \S.*$/);
      }
      // Every pledge card says where its promise stands.
      assert.match(await page.locator('.pledge .pledge-status').first().innerText(), /^Stand: (offen|in Arbeit|teilweise umgesetzt|umgesetzt|verworfen)$/);
    }
    await page.screenshot({ path: resolve(screenshots, 'comparison.png'), fullPage: true });
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.context().close();
  });

  it('the history page lists versions or says that the history is not available yet', async () => {
    const page = await newPage('de-DE', null, 'demo-moderator');
    await page.goto(`${server.baseUrl}/d/${encodeURIComponent(demo.name)}/verlauf`);
    await page.locator('.page-history[data-history-state]:not([data-history-state="loading"])').waitFor({ timeout: 30_000 });
    const state = await page.locator('.page-history').getAttribute('data-history-state');
    if (state === 'unavailable') await page.getByText('Verlauf noch nicht verfügbar.').waitFor();
    else {
      assert.equal(state, 'ready', await page.locator('.history-body').innerText());
      await page.locator('.version').first().waitFor();
      await page.getByRole('button', { name: 'Unterschiede zeigen' }).click();
      // On a timeout, say what the page showed instead (a notice?) and the server's warnings
      // (only those: its start-up output holds the demo accounts' one-time passwords).
      await page.locator('.diff-stats').waitFor({ timeout: SYNC_TIMEOUT }).catch(async (error) => {
        const shown = await page.locator('.diff').innerText().catch(() => '(no diff section)');
        const warnings = server.output().split('\n').filter((line) => / (WARN|ERROR) /.test(line)).slice(-20);
        throw new Error(`${error.message}\ndiff section: ${shown}\nserver warnings:\n${warnings.join('\n')}`);
      });
    }
    await page.screenshot({ path: resolve(screenshots, 'history.png'), fullPage: true });
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.context().close();
  });

  it('the moderation page is for moderators; others are asked to sign in', async () => {
    const guest = await newPage();
    await guest.goto(`${server.baseUrl}/moderation`);
    await guest.locator('.page-moderation[data-moderation-state="forbidden"]').waitFor({ timeout: 30_000 });
    await guest.context().close();

    const page = await newPage('de-DE', null, 'demo-moderator');
    await page.goto(`${server.baseUrl}/moderation`);
    await page.getByRole('link', { name: 'Moderation' }).waitFor();
    // One queue request per document; each loads that document's session on the server.
    await page.locator('.page-moderation:not([data-moderation-state="forbidden"])[data-moderation-state]').waitFor({ timeout: 120_000 });
    const state = await page.locator('.page-moderation').getAttribute('data-moderation-state');
    assert.ok(['ready', 'unavailable'].includes(state), `moderation state ${state}: ${await page.locator('.moderation-body').innerText()}`);
    await page.screenshot({ path: resolve(screenshots, 'moderation.png'), fullPage: true });
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.context().close();
  });

  // Last: the new motion joins the document list the tests above pick from.
  it('a councillor starts a motion from the start page, writes in it, only their body sees it until an admin invites a citizen', async () => {
    const page = await newPage('de-DE', null, 'demo-councillor');
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Neuer Antrag' }).click();
    const title = `Antrag: Sichere Radwege ${Date.now().toString(36)}`;
    await page.getByLabel('Titel des Antrags').fill(title);
    assert.match(await page.locator('.new-document-draft').innerText(), /Fraktionen Grüne und SPD \(Demo\)/);
    await page.screenshot({ path: resolve(screenshots, 'new-motion.png') });
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.getByRole('button', { name: 'Antrag anlegen' }).click();

    // The editor of the new, empty draft: writable at once, and what is typed is saved.
    await page.waitForURL(/\/d\/antrag-sichere-radwege-[a-z0-9-]+$/, { timeout: LOCAL_TIMEOUT });
    await page.locator('h1', { hasText: title }).waitFor({ timeout: LOCAL_TIMEOUT });
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.doc-owner').innerText(), 'Fraktionen Grüne und SPD (Demo)');
    // Empty and writable: the editor says where to begin, and the draft could still be deleted.
    assert.match(await page.locator('.ProseMirror p.is-editor-empty').getAttribute('data-placeholder'), /^Hier beginnt der Text/);
    await page.getByRole('button', { name: 'Leeren Entwurf löschen' }).waitFor({ timeout: LOCAL_TIMEOUT });
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('Der Magistrat wird beauftragt, sichere Radwege zu planen.', { delay: 5 });
    await page.getByRole('button', { name: 'Leeren Entwurf löschen' }).waitFor({ state: 'hidden', timeout: LOCAL_TIMEOUT });
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });
    const name = decodeURIComponent(new URL(page.url()).pathname.slice('/d/'.length));

    // A typo in the title: its writer fixes it under the heading.
    await page.getByRole('button', { name: 'Titel ändern' }).click();
    const fixed = `${title} (neu)`;
    await page.getByLabel('Neuer Titel').fill(fixed);
    await page.getByRole('button', { name: 'Titel speichern' }).click();
    await page.locator('h1', { hasText: fixed }).waitFor({ timeout: LOCAL_TIMEOUT });

    await page.getByRole('link', { name: 'Alle Dokumente' }).click();
    await page.locator('.stage-draft .doc-card', { hasText: title }).waitFor({ timeout: LOCAL_TIMEOUT });

    // A second one started by mistake goes again while it is empty.
    const mistake = `Versehentlich ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Neuer Antrag' }).click();
    await page.getByLabel('Titel des Antrags').fill(mistake);
    await page.getByRole('button', { name: 'Antrag anlegen' }).click();
    await page.locator('h1', { hasText: mistake }).waitFor({ timeout: LOCAL_TIMEOUT });
    await page.getByRole('button', { name: 'Leeren Entwurf löschen' }).click();
    await page.locator('dialog').getByRole('button', { name: 'Entwurf löschen' }).click();
    await page.locator('.page-start').waitFor({ timeout: LOCAL_TIMEOUT });
    await page.locator('.stage-draft .doc-card', { hasText: title }).waitFor({ timeout: LOCAL_TIMEOUT });
    assert.equal(await page.locator('.doc-card', { hasText: mistake }).count(), 0);
    await page.context().close();

    // A draft: neither a guest nor a citizen finds it, not even by its name.
    for (const login of [null, 'demo-citizen']) {
      const other = await newPage('de-DE', null, login);
      await other.goto(`${server.baseUrl}/`);
      await other.locator('.doc-card').first().waitFor();
      assert.equal(await other.locator('.doc-card', { hasText: title }).count(), 0, `${login ?? 'guest'} must not see the draft`);
      assert.equal((await other.request.get(`${server.baseUrl}/api/documents/${encodeURIComponent(name)}`)).status(), 404);
      await other.context().close();
    }

    // An admin invites the citizen to the draft from the editor's sidebar; then the citizen reads it.
    const admin = await newPage('de-DE', null, 'demo-admin');
    await admin.goto(`${server.baseUrl}/d/${encodeURIComponent(name)}`);
    await admin.getByRole('button', { name: 'Dokument verwalten' }).click();
    await admin.getByLabel('Zum Entwurf eingeladen').fill('demo-citizen');
    await admin.screenshot({ path: resolve(screenshots, 'document-settings.png'), fullPage: true });
    const settingsViolations = await seriousAxeViolations(admin);
    assert.equal(settingsViolations.length, 0, describeViolations(settingsViolations));
    await admin.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await admin.locator('.settings-done', { hasText: 'gespeichert' }).waitFor({ timeout: LOCAL_TIMEOUT });
    await admin.context().close();
    const citizen = await newPage('de-DE', null, 'demo-citizen');
    await citizen.goto(`${server.baseUrl}/`);
    await citizen.locator('.stage-draft .doc-card', { hasText: title }).waitFor({ timeout: LOCAL_TIMEOUT });
    await citizen.context().close();

    // Its body puts the motion up for consultation (asked first): from then on a guest reads it.
    const councillor = await newPage('de-DE', null, 'demo-councillor');
    await councillor.goto(`${server.baseUrl}/d/${encodeURIComponent(name)}`);
    await councillor.getByRole('button', { name: 'Zur Beteiligung freigeben' }).click();
    await councillor.locator('dialog').getByRole('button', { name: 'Freigeben' }).click();
    await councillor.locator('.field-done', { hasText: 'zur Beteiligung freigegeben' }).waitFor({ timeout: LOCAL_TIMEOUT });
    assert.equal(await councillor.locator('.doc-meta .stage-badge').innerText(), 'Beteiligung');
    await councillor.getByRole('button', { name: 'Titel ändern' }).waitFor({ state: 'hidden', timeout: LOCAL_TIMEOUT });
    await councillor.context().close();
    const guest = await newPage('de-DE', null, null);
    await guest.goto(`${server.baseUrl}/`);
    await guest.locator('.stage-consultation .doc-card', { hasText: title }).waitFor({ timeout: LOCAL_TIMEOUT });
    await guest.context().close();
  });
});
