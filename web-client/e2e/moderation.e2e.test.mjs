// End-to-end: deciding about annotations in the browser, against the real server jar and the
// system Chromium. A councillor rejects a citizen's suggestion with a reason; a moderator's
// /moderation page shows a new report without being reloaded; a moderator hides a reported
// comment and restores it, the decision history keeps both decisions with moderator and time,
// and the author's sidebar says so; a selection across two paragraphs is refused with an
// explanation. axe-core finds no serious or critical violation on any page. Screenshots go to
// docs/screenshots/.
//
// Run: npm run test:e2e   (needs server/target/pledgepad.jar and /usr/bin/chromium)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { LAUNCH_ARGS, assertAxeClean, chromiumPath, jar, openSettled, personPage, prerequisites, selectWord } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = resolve(here, '..', '..', 'docs', 'screenshots');
/** How long a change may take to reach the other browser (generous: CI shares two cores with builds). */
const SYNC_TIMEOUT = 20_000;
const assertNoSeriousViolations = (page) => assertAxeClean(page, page.url());

const skip = prerequisites();

describe('Moderation and decisions in the browser', { skip, timeout: 300_000 }, () => {
  let server;
  let browser;
  let demo; // the document in consultation: citizens comment, councillors decide

  before(async () => {
    server = await startServer({ jar });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: LAUNCH_ARGS });
    mkdirSync(screenshots, { recursive: true });
    const list = await (await fetch(`${server.baseUrl}/api/documents`)).json();
    demo = list.find((d) => d.kind === 'coalition-agreement') ?? list[0];
    assert.ok(demo, 'the server lists a demo document');
    const probe = await fetch(`${server.baseUrl}/api/documents/${encodeURIComponent(demo.name)}/annotations`);
    assert.equal(probe.status, 200, 'the annotations endpoint answers');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const page = (login) => personPage(browser, server, login);
  const open = (p) => openSettled(server, p, demo);
  const unique = (prefix) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

  /** The index of the n-th paragraph (0-based among those) with a word of six letters or more. */
  async function wordParagraph(p, n) {
    const paragraphs = p.locator('.ProseMirror p');
    let seen = 0;
    for (let i = 0; i < (await paragraphs.count()); i++) {
      if (/\p{L}{6,}/u.test(await paragraphs.nth(i).innerText()) && seen++ === n) return paragraphs.nth(i);
    }
    assert.fail(`the demo text has ${n + 1} paragraphs with a long word`);
  }

  /** The citizen comments a word of the first paragraph; returns the thread element id. */
  async function comment(citizen, body) {
    await selectWord(await wordParagraph(citizen, 0));
    await citizen.keyboard.press('Control+Alt+m');
    await citizen.locator('form.composer:not([hidden])').waitFor();
    await citizen.keyboard.type(body);
    await citizen.getByRole('button', { name: 'Senden' }).click();
    await citizen.locator('form.composer').waitFor({ state: 'hidden', timeout: SYNC_TIMEOUT });
  }

  /** Someone else reports the post with `body` from their sidebar. */
  async function report(reporter, body, reason) {
    const post = reporter.locator('section.annotations .thread li.post', { hasText: body });
    await post.waitFor({ timeout: SYNC_TIMEOUT });
    await post.getByRole('button', { name: 'Melden' }).click();
    await post.getByLabel('Grund der Meldung').fill(reason);
    await post.locator('form.inline-form button[type="submit"]').click();
    await post.getByRole('status').filter({ hasText: 'Gemeldet.' }).waitFor({ timeout: SYNC_TIMEOUT });
  }

  async function openModeration(moderator) {
    const requests = [];
    moderator.on('request', (r) => r.url().includes('/api/') && requests.push(r));
    await moderator.goto(`${server.baseUrl}/moderation`);
    // One queue request per document; each loads that document's session on the server.
    try {
      await moderator.locator('.page-moderation[data-moderation-state="ready"]').waitFor({ timeout: 120_000 });
    } catch (error) {
      // Say what the page showed and which API requests never got an answer.
      const state = await moderator.locator('.page-moderation').getAttribute('data-moderation-state').catch(() => null);
      const open = [];
      for (const r of requests) if (!(await r.response().catch(() => null))) open.push(`${r.method()} ${r.url()}`);
      assert.fail(`/moderation not ready (state ${state}; unanswered: ${open.join(', ') || 'none'}): ${error.message}\n${server.output?.() ?? ''}`);
    }
  }

  /**
   * On /moderation: gives the reason and presses the button of the entry with `body` in the part
   * `from` (queue-report, queue-hidden, …); returns the entry once it moved to the part `to`.
   */
  async function decide(moderator, body, from, to, label, reason, button) {
    const entry = moderator.locator(`.queue-${from}`, { hasText: body });
    await entry.getByLabel(label).fill(reason);
    await entry.getByRole('button', { name: button }).click();
    const moved = moderator.locator(`.queue-${to}`, { hasText: body });
    await moved.waitFor({ timeout: SYNC_TIMEOUT });
    await entry.waitFor({ state: 'detached', timeout: SYNC_TIMEOUT });
    return moved;
  }

  it('a councillor rejects a citizen\'s suggestion with a reason; both see the rejection and the text stays', async () => {
    const councillor = await page('demo-councillor');
    const citizen = await page('demo-citizen');
    await open(councillor);
    await open(citizen);

    const word = await selectWord(await wordParagraph(citizen, 2));
    await citizen.getByRole('button', { name: 'Änderung vorschlagen' }).click();
    await citizen.locator('form.composer:not([hidden])').waitFor();
    const replacement = unique('Abgelehnte Formulierung');
    await citizen.getByLabel('Neuer Wortlaut').fill(replacement);
    await citizen.getByLabel('Begründung').fill('Vorschlag zur Ablehnung.');
    await citizen.getByRole('button', { name: 'Senden' }).click();
    await citizen.locator('form.composer').waitFor({ state: 'hidden', timeout: SYNC_TIMEOUT });

    const thread = councillor.locator('section.annotations .thread-suggestion', { hasText: replacement });
    await thread.waitFor({ timeout: SYNC_TIMEOUT });
    await thread.getByRole('button', { name: 'Ablehnen' }).click();
    const form = thread.locator('form.reject-form');
    await form.waitFor();
    // A rejection needs a reason: an empty one is refused in German, next to the field.
    await form.getByRole('button', { name: 'Ablehnen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Bitte einen Grund angeben.' }).waitFor();
    assert.equal(await form.getByLabel('Grund der Ablehnung').getAttribute('aria-invalid'), 'true');
    await assertNoSeriousViolations(councillor);
    const reason = unique('Widerspricht dem Beschluss');
    await form.getByLabel('Grund der Ablehnung').fill(reason);
    await form.getByRole('button', { name: 'Ablehnen' }).click();

    for (const p of [councillor, citizen]) {
      const seen = p.locator('section.annotations .thread-suggestion', { hasText: replacement });
      await seen.locator('.suggestion-state', { hasText: 'Vorschlag: abgelehnt' }).waitFor({ timeout: SYNC_TIMEOUT });
      await seen.locator('.suggestion-reason', { hasText: reason }).waitFor({ timeout: SYNC_TIMEOUT });
      assert.equal(await seen.getByRole('button', { name: 'Annehmen' }).count(), 0, 'a decided suggestion cannot be accepted');
      await assertNoSeriousViolations(p);
    }
    // Rejecting leaves the text as it was.
    assert.equal(await citizen.locator('.ProseMirror', { hasText: replacement }).count(), 0);
    assert.ok((await citizen.locator('.ProseMirror').innerText()).includes(word), 'the selected word is still in the text');
    await councillor.screenshot({ path: resolve(screenshots, 'suggestion-rejected.png') });
    for (const p of [councillor, citizen]) await p.context().close();
  });

  it('the moderation queue shows a new report live, without reloading the page', async () => {
    const moderator = await page('demo-moderator');
    await openModeration(moderator);
    await moderator.evaluate(() => {
      window.__sameDocument = true; // gone if the page were reloaded
    });
    const citizen = await page('demo-citizen');
    const councillor = await page('demo-councillor');
    await open(citizen);
    await open(councillor);
    const body = unique('Live gemeldeter Beitrag');
    await comment(citizen, body);
    const reason = unique('Live-Meldung');
    await report(councillor, body, reason);

    const entry = moderator.locator('.queue-report', { hasText: body });
    await entry.waitFor({ timeout: SYNC_TIMEOUT });
    assert.ok((await entry.innerText()).includes(reason), 'the new entry shows the reason of the report');
    assert.equal(await moderator.evaluate(() => window.__sameDocument === true), true, 'the page was not reloaded');
    await moderator.getByRole('status').filter({ hasText: 'Moderationsliste aktualisiert.' }).waitFor({ timeout: SYNC_TIMEOUT });
    await moderator.screenshot({ path: resolve(screenshots, 'moderation-live.png'), fullPage: true });
    await assertNoSeriousViolations(moderator);
    for (const p of [moderator, citizen, councillor]) await p.context().close();
  });

  it('a moderator hides a reported comment and restores it: both decisions stay in its history and the author is told', async () => {
    const citizen = await page('demo-citizen');
    const councillor = await page('demo-councillor');
    const moderator = await page('demo-moderator');
    await open(citizen);
    await open(councillor);
    const body = unique('Zunächst ausgeblendeter Beitrag');
    await comment(citizen, body);
    await report(councillor, body, unique('Beleidigend'));
    await openModeration(moderator);

    await moderator.locator('.queue-report', { hasText: body }).waitFor({ timeout: SYNC_TIMEOUT });
    const hideReason = unique('Verstoß gegen die Netiquette');
    // The post moves from the reports to the hidden posts, with the decision and who made it.
    const hidden = await decide(moderator, body, 'report', 'hidden', 'Grund für das Ausblenden', hideReason, 'Ausblenden');
    const hideLine = hidden.locator('.decisions li[data-action="hide"]');
    assert.match(await hideLine.innerText(), new RegExp(`^Ausgeblendet von demo-moderator am .+${hideReason}`));
    await assertNoSeriousViolations(moderator);

    // The author sees it hidden, with the reason, without reloading; others no longer read it.
    const own = citizen.locator('section.annotations li.post', { hasText: body });
    await own.locator('.post-state', { hasText: 'ausgeblendet' }).waitFor({ timeout: SYNC_TIMEOUT });
    await own.getByText(hideReason).waitFor({ timeout: SYNC_TIMEOUT });
    await councillor.locator('section.annotations li.post', { hasText: body }).waitFor({ state: 'detached', timeout: SYNC_TIMEOUT });

    // Restored from /moderation ("Wiederherstellen"), with an optional reason.
    const restoreReason = unique('Nach Prüfung zulässig');
    const restored = await decide(moderator, body, 'hidden', 'restored', 'Grund für die Wiederherstellung (freiwillig)', restoreReason, 'Wiederherstellen');
    // The history keeps both decisions, in order, each with moderator and time.
    const decisions = await restored.locator('.decisions li').evaluateAll((items) => items.map((li) => [li.dataset.action, li.textContent]));
    assert.deepEqual(decisions.map(([action]) => action), ['hide', 'restore']);
    assert.match(decisions[0][1], /^Ausgeblendet von demo-moderator am \d/);
    assert.match(decisions[1][1], new RegExp(`^Wiederhergestellt von demo-moderator am \\d.+${restoreReason}`));
    await moderator.screenshot({ path: resolve(screenshots, 'moderation-restored.png'), fullPage: true });
    await assertNoSeriousViolations(moderator);

    // The author is told in their sidebar; everybody reads the post again.
    await own.locator('.post-restored', { hasText: 'Von der Moderation wiederhergestellt am' }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await own.locator('.post-state', { hasText: 'ausgeblendet' }).count(), 0);
    await councillor.locator('section.annotations li.post', { hasText: body }).waitFor({ timeout: SYNC_TIMEOUT });
    assert.equal(await councillor.locator('section.annotations li.post .post-restored').count(), 0, 'only the author and moderators get the note');
    await citizen.screenshot({ path: resolve(screenshots, 'comment-restored.png') });
    await assertNoSeriousViolations(citizen);
    for (const p of [moderator, councillor, citizen]) await p.context().close();
  });

  it('a selection across two paragraphs is refused with an explanation, not cut silently', async () => {
    const citizen = await page('demo-citizen');
    await open(citizen);
    const first = await wordParagraph(citizen, 0);
    const second = await wordParagraph(citizen, 1);
    await citizen.evaluate(([a, b]) => {
      const range = document.createRange();
      range.setStart(a.firstChild ?? a, 0);
      range.setEnd(b.firstChild ?? b, Math.min(3, (b.firstChild?.textContent ?? '').length));
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
    }, [await first.elementHandle(), await second.elementHandle()]);
    await citizen.getByRole('button', { name: 'Kommentieren' }).click();
    await citizen.locator('.annotation-message', { hasText: 'Die Auswahl reicht über mehr als einen Absatz' }).waitFor();
    assert.equal(await citizen.locator('form.composer:not([hidden])').count(), 0, 'no composer for a passage the server would refuse');
    await assertNoSeriousViolations(citizen);
    await citizen.context().close();
  });
});
