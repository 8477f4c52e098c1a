// End-to-end: the history page with the real server jar and the system Chromium. A councillor
// writes and names a version, writes more; a moderator restores the named version through the
// confirmation dialog, and the councillor's open editor then holds exactly the named version's
// text. The timeslider steps back to the older text (keyboard), the authorship toggle colours
// passages and lists the authors, guests read why they cannot act, and axe-core finds no serious
// or critical violation in any of these states. The history downloads from the page as a file
// that `verify` checks without the server. Screenshots go to docs/screenshots/.
//
// Run: npm run test:e2e   (needs server/target/pledgepad.jar and /usr/bin/chromium)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { LAUNCH_ARGS, assertAxeClean, caretTo, chromiumPath, jar, prerequisites, signInContext } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = resolve(here, '..', '..', 'docs', 'screenshots');
const skip = prerequisites();
/** How long a change may take to reach the other browser (CI shares two cores with builds). */
const SYNC_TIMEOUT = 20_000;
/** Letters and digits only: the editor's and the server's text differ in line breaks only. */
const squeeze = (text) => text.replace(/\s+/g, '');

describe('history page in the browser', { skip, timeout: 300_000 }, () => {
  let server;
  let browser;
  let doc; // a document the councillor may edit and name versions of, and the moderator may restore
  const tag = Date.now().toString(36);
  const versionName = `Fassung nach Ausschuss, 12.03. (${tag})`;
  const markerA = `Ausschussfassung ${tag} mit Radwegen`;
  const markerB = `Spätere Änderung ${tag} ohne Radwege`;
  let councillorName;
  let namedSeq;

  before(async () => {
    server = await startServer({ jar });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(login = null, { language = null, reducedMotion = null } = {}) {
    const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : 'de-DE', viewport: { width: 1280, height: 900 }, reducedMotion: reducedMotion ?? 'no-preference' });
    if (language) await context.addInitScript((value) => localStorage.setItem('pledgepad.language', value), language);
    if (login) context.displayName = await signInContext(server, context, login);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    return page;
  }

  async function historyAnswer(page, name) {
    const response = await page.context().request.get(`${server.baseUrl}/api/documents/${encodeURIComponent(name)}/history`);
    return response.ok() ? response.json() : null;
  }

  async function openHistory(page) {
    await page.goto(`${server.baseUrl}/d/${encodeURIComponent(doc.name)}/verlauf`);
    try {
      await page.locator('.page-history[data-history-state]:not([data-history-state="loading"])').waitFor({ timeout: 60_000 });
    } catch (error) {
      console.error('history page still loading; server output (last 60 lines):\n' + server.output?.().split('\n').slice(-60).join('\n'));
      throw error;
    }
    assert.equal(await page.locator('.page-history').getAttribute('data-history-state'), 'ready', await page.locator('.history-body').innerText());
    await shownVersionLoaded(page);
  }

  /** Waits until the text of the version the slider points at is drawn (loads are debounced). */
  async function shownVersionLoaded(page) {
    await page.waitForFunction(() => {
      const slider = document.querySelector('.timeslider');
      const loaded = slider?.getAttribute('data-loaded') ?? '';
      return loaded !== '' && loaded.replace(/-authors$/, '') === slider.getAttribute('data-shown-seq');
    }, null, { timeout: SYNC_TIMEOUT });
  }

  async function typeParagraph(page, text) {
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await caretTo(page, 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text, { delay: 5 });
    await page.locator('.ProseMirror p', { hasText: text }).waitFor();
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });
  }

  it('a councillor names a version, writes on, and a moderator restores the named version through a confirmation', async () => {
    const councillor = await newPage('demo-councillor');
    const moderator = await newPage('demo-moderator');
    councillorName = councillor.context().displayName;
    const list = await (await councillor.context().request.get(`${server.baseUrl}/api/documents`)).json();
    // Documents in consultation first: there the moderator may restore (the server decides; see below).
    const order = ['consultation', 'draft', 'published', 'archived'];
    for (const candidate of [...list].sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))) {
      const mine = await historyAnswer(councillor, candidate.name);
      const theirs = await historyAnswer(moderator, candidate.name);
      if (mine?.may?.nameVersion && theirs?.may?.restore) {
        doc = candidate;
        break;
      }
    }
    assert.ok(doc, 'a demo document the councillor may edit and the moderator may restore');

    const editor = await councillor.context().newPage();
    await editor.goto(`${server.baseUrl}/d/${encodeURIComponent(doc.name)}`);
    await editor.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
    await typeParagraph(editor, markerA);

    // Naming: a visible, labelled field; an empty name is refused in words.
    await openHistory(councillor);
    assert.equal(await councillor.locator('.restore-button').count(), 0, 'a councillor may not restore: no button');
    await councillor.locator('.restore-not-allowed, .named-versions .muted').first().waitFor();
    await councillor.getByRole('button', { name: 'Fassung benennen' }).click();
    await councillor.getByText('Bitte einen Namen mit 1 bis 200 Zeichen angeben.').waitFor();
    await councillor.getByLabel('Name der Fassung').fill(versionName);
    await councillor.keyboard.press('Enter');
    await councillor.locator('.history-status', { hasText: `Fassung „${versionName}“ gespeichert` }).waitFor({ timeout: SYNC_TIMEOUT });
    const item = councillor.locator('.named-version', { hasText: versionName });
    await item.waitFor();
    namedSeq = Number(await item.getAttribute('data-seq'));
    assert.ok(namedSeq > 0, `the named version has a seq (${namedSeq})`);
    assert.ok((await item.innerText()).includes(councillorName), 'the named version shows who named it');
    assert.ok((await councillor.locator('.restore-not-allowed').innerText()).includes('Moderation'), 'the councillor reads who may restore');
    await councillor.screenshot({ path: resolve(screenshots, 'history-named.png'), fullPage: true });
    await assertAxeClean(councillor, 'history page after naming a version');

    // Writing on after the named version.
    await typeParagraph(editor, markerB);
    const namedText = await (await councillor.context().request.get(`${server.baseUrl}/api/documents/${encodeURIComponent(doc.name)}/versions/${namedSeq}?format=text`)).text();
    assert.ok(namedText.includes(markerA) && !namedText.includes(markerB), 'the named version holds the first text only');

    // The moderator restores it: the dialog is labelled, Escape cancels and gives the focus back.
    await openHistory(moderator);
    const restoreButton = moderator.locator('.named-version', { hasText: versionName }).getByRole('button', { name: 'Diese Fassung wiederherstellen' });
    await restoreButton.click();
    const dialog = moderator.getByRole('dialog', { name: `Version ${namedSeq} wiederherstellen?` });
    await dialog.waitFor();
    assert.equal(await moderator.evaluate(() => document.activeElement?.textContent), 'Abbrechen', 'the focus starts on the harmless choice');
    await moderator.keyboard.press('Tab');
    assert.equal(await moderator.evaluate(() => document.activeElement?.textContent), 'Wiederherstellen');
    await moderator.keyboard.press('Tab');
    assert.equal(await moderator.evaluate(() => document.activeElement?.textContent), 'Abbrechen', 'Tab stays inside the dialog');
    await moderator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await moderator.evaluate(() => document.activeElement?.textContent), 'Diese Fassung wiederherstellen', 'the focus returns to the button');
    assert.ok((await editor.locator('.ProseMirror').innerText()).includes(markerB), 'cancelling changed nothing');

    await restoreButton.click();
    await dialog.waitFor();
    assert.ok((await dialog.innerText()).includes(versionName), 'the dialog names the version');
    await moderator.screenshot({ path: resolve(screenshots, 'history-restore-dialog.png'), fullPage: false });
    await assertAxeClean(moderator, 'restore confirmation dialog');
    await dialog.getByRole('button', { name: 'Wiederherstellen', exact: true }).click();
    const done = moderator.locator('.history-status', { hasText: `Wiederhergestellt: Version ${namedSeq} ist jetzt der aktuelle Stand` });
    await done.waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await moderator.evaluate(() => document.activeElement?.classList.contains('history-status')), true, 'the result is focused and read out');
    const restoreRow = moderator.locator('.version-restore', { hasText: `Wiederherstellung von Version ${namedSeq}` }).first();
    await restoreRow.waitFor();
    // The timeslider now shows the newest version: the restore.
    assert.equal(await moderator.locator('.timeslider').getAttribute('data-shown-seq'), await restoreRow.getAttribute('data-seq'));
    await shownVersionLoaded(moderator);
    // The chain still verifies after the restore, and the page says so in words.
    const verified = moderator.locator('.verification[data-verification="ok"]');
    await verified.waitFor({ timeout: 60_000 });
    assert.ok((await verified.innerText()).startsWith('Verlauf geprüft: unverändert'));
    await moderator.screenshot({ path: resolve(screenshots, 'history-restored.png'), fullPage: true });
    await assertAxeClean(moderator, 'history page after the restore');

    // The councillor's open editor now holds exactly the named version.
    await editor.locator('.ProseMirror', { hasNotText: markerB }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(squeeze(await editor.locator('.ProseMirror').innerText()), squeeze(namedText));
    await editor.locator('[data-save-state="saved"]').waitFor({ timeout: SYNC_TIMEOUT });
    await councillor.context().close();
    await moderator.context().close();
  });

  it('the timeslider steps through the versions by keyboard and shows the older text; playback waits to be asked', async () => {
    assert.ok(doc && namedSeq, 'the first test named a version');
    const page = await newPage('demo-moderator', { reducedMotion: 'reduce' });
    await openHistory(page);
    const slider = page.getByRole('slider', { name: 'Version wählen' });
    const timeslider = page.locator('.timeslider');
    const newest = await timeslider.getAttribute('data-shown-seq');
    // Reduced motion and no request: nothing plays by itself.
    await page.waitForTimeout(1500);
    assert.equal(await timeslider.getAttribute('data-shown-seq'), newest);
    assert.equal(await page.getByRole('button', { name: 'Abspielen' }).getAttribute('aria-pressed'), 'false');

    await slider.focus();
    await page.keyboard.press('End');
    const valueText = await slider.getAttribute('aria-valuetext');
    assert.match(valueText, /^Version \d+, .+, von .+/, `the slider says version, time and author: ${valueText}`);
    // One step back from the restore is the text with the later change.
    await page.keyboard.press('ArrowLeft');
    await page.locator('.version-text', { hasText: markerB }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.notEqual(await timeslider.getAttribute('data-shown-seq'), newest);
    await page.screenshot({ path: resolve(screenshots, 'history-timeslider.png'), fullPage: false });
    await assertAxeClean(page, 'timeslider on an older version');
    await page.keyboard.press('Home');
    await shownVersionLoaded(page);
    const seqs = (await historyAnswer(page, doc.name)).revisions.map((r) => r.seq);
    assert.equal(Number(await timeslider.getAttribute('data-shown-seq')), Math.min(...seqs), 'Home shows the oldest revision');
    assert.equal(await page.locator('.timeslider-position').innerText(), `Schritt 1 von ${await slider.evaluate((el) => Number(el.max) + 1)}`);
    // "In der Zeitleiste zeigen" jumps to the named version.
    await page.locator('.named-version', { hasText: versionName }).getByRole('button', { name: 'In der Zeitleiste zeigen' }).click();
    await page.locator(`.timeslider[data-loaded="${namedSeq}"]`).waitFor({ timeout: SYNC_TIMEOUT });
    assert.ok((await page.locator('.version-text').innerText()).includes(markerA));
    assert.ok(!(await page.locator('.version-text').innerText()).includes(markerB));

    // Playback starts only when asked and moves on to newer versions.
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Abspielen' }).click();
    const start = await timeslider.getAttribute('data-shown-seq');
    await page.waitForFunction((seq) => document.querySelector('.timeslider')?.getAttribute('data-shown-seq') !== seq, start, { timeout: SYNC_TIMEOUT });
    await page.getByRole('button', { name: 'Anhalten' }).click();
    assert.equal(await page.getByRole('button', { name: 'Abspielen' }).getAttribute('aria-pressed'), 'false');
    await page.context().close();
  });

  it('"Wer hat was geschrieben?" colours passages by author, with names and a legend', async () => {
    assert.ok(doc, 'the first test found a document');
    const page = await newPage('demo-moderator');
    await openHistory(page);
    const toggle = page.getByRole('button', { name: 'Wer hat was geschrieben?' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.locator('.timeslider[data-loaded$="-authors"]').waitFor({ timeout: SYNC_TIMEOUT });
    const legend = page.getByRole('region', { name: 'Verfasser*innen' });
    await legend.waitFor();
    const names = await legend.locator('.legend-name').allTextContents();
    assert.ok(names.includes(councillorName), `the legend lists the councillor (${names})`);
    const span = page.locator('.author-span', { hasText: markerA.split(' ')[0] }).first();
    await span.waitFor();
    assert.equal(await span.getAttribute('data-author'), councillorName);
    assert.ok((await span.getAttribute('title')).startsWith(councillorName), 'each passage names its author');
    assert.equal(await span.locator('.visually-hidden').textContent(), `Von ${councillorName}: `);
    const decoration = await span.evaluate((el) => getComputedStyle(el).textDecorationLine);
    assert.equal(decoration, 'underline', 'not colour alone: passages are underlined in the author’s style');
    await page.screenshot({ path: resolve(screenshots, 'history-authorship.png'), fullPage: false });
    await assertAxeClean(page, 'authorship colours');
    await page.context().close();
  });

  it('the history downloads as a file that verifies without the server', async () => {
    assert.ok(doc, 'the first test found a document');
    const page = await newPage('demo-moderator');
    await openHistory(page);
    const link = page.getByRole('link', { name: 'Verlauf als prüfbare Datei herunterladen' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), `${doc.name}.pledgepad-history`);
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'pledgepad-export-')), download.suggestedFilename());
    await download.saveAs(file);
    assert.ok(statSync(file).size > 0, 'the file has content');
    if (existsSync(jar)) {
      // What anyone can do with the file: check every change and signature offline.
      const out = execFileSync('java', ['-jar', jar, 'verify', file], { encoding: 'utf8', timeout: 120_000 });
      assert.match(out, new RegExp(`^${doc.name}: `, 'm'), out);
      assert.doesNotMatch(out, /first bad seq/, out);
    }
    await page.context().close();
  });

  it('guests read the history in English too, without actions they may not take', async () => {
    assert.ok(doc, 'the first test found a document');
    const guest = await newPage(null, { language: 'en' });
    const answer = await historyAnswer(guest, doc.name);
    if (!answer) {
      // Guests may not read drafts; then the page must say so instead of offering anything.
      await guest.goto(`${server.baseUrl}/d/${encodeURIComponent(doc.name)}/verlauf`);
      await guest.locator('.page-history[data-history-state]:not([data-history-state="loading"])').waitFor({ timeout: 30_000 });
      assert.equal(await guest.locator('.restore-button').count(), 0);
    } else {
      await openHistory(guest);
      await guest.getByRole('button', { name: 'Who wrote what?' }).waitFor();
      await guest.getByRole('slider', { name: 'Choose a version' }).waitFor();
      assert.equal(await guest.locator('.restore-button').count(), 0, 'no restore for guests');
      assert.equal(await guest.locator('.name-version-form').count(), 0, 'no naming for guests');
      await guest.getByText('Only the editors of this document can name versions.').waitFor();
    }
    await assertAxeClean(guest, 'history page for a guest, in English');
    await guest.context().close();
  });
});
