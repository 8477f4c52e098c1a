// What the browser end-to-end files share besides the server: the prerequisites rule (under
// CI=true a missing Chromium or jar fails instead of skipping), Chromium's launch flags, axe-core
// and signing a browser context in through the REST API.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { DEFAULT_JAR } from './server.mjs';

const require = createRequire(import.meta.url);
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const jar = process.env.PLEDGEPAD_JAR ?? DEFAULT_JAR;

/** false when everything is there; otherwise the skip reason (or, under CI, a failing test). */
export function prerequisites() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}; install with: apt-get install -y chromium)`);
  if (!process.env.PLEDGEPAD_URL && !process.env.PLEDGEPAD_SERVER_COMMAND && !existsSync(jar)) missing.push(`server jar (${jar}; build with: mvn -q -B -DskipTests install)`);
  if (missing.length > 0 && process.env.CI === 'true') {
    describe('end-to-end prerequisites', () => {
      it('has Chromium and the server jar', () => assert.fail(`missing: ${missing.join('; ')}`));
    });
  }
  return missing.length > 0 && process.env.CI !== 'true' ? `missing: ${missing.join('; ')}` : false;
}

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAxeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n');
}

export async function assertAxeClean(page, what) {
  const violations = await seriousAxeViolations(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

/**
 * The password a demo account has now: the one the server printed (a one-time password) until
 * signInContext replaced it.
 */
export function demoPassword(server, login) {
  return server.changedPasswords?.[login] ?? server.demoAccounts[login];
}

/**
 * What signInContext sets in place of a one-time password: derived from it, so that a run against
 * an already running server (PLEDGEPAD_URL) can be given the changed passwords in
 * PLEDGEPAD_DEMO_ACCOUNTS.
 */
export function replacementPassword(oneTime) {
  return `${oneTime}-eigenes`;
}

/**
 * Signs a browser context in with a demo account, as a person does: the first time with the
 * printed one-time password, which it replaces at once (until then the server lets the session
 * do nothing else); later with the new one. Returns the display name. Sign-ins run one after the
 * other: a change ends the account's other sessions.
 */
export function signInContext(server, context, login) {
  const turn = (server.signInTurn ?? Promise.resolve()).then(() => signInNow(server, context, login));
  server.signInTurn = turn.catch(() => undefined);
  return turn;
}

async function signInNow(server, context, login) {
  const password = demoPassword(server, login);
  assert.ok(password, `the server printed a password for ${login} (demo accounts: ${Object.keys(server.demoAccounts).join(', ') || 'none'})`);
  const response = await context.request.post(`${server.baseUrl}/api/session`, { data: { login, password } });
  assert.equal(response.status(), 200, `sign-in of ${login}: HTTP ${response.status()}`);
  const me = await response.json();
  if (me.mustChangePassword) {
    const next = replacementPassword(password);
    const changed = await context.request.post(`${server.baseUrl}/api/session/password`, {
      data: { oldPassword: password, newPassword: next },
      headers: { 'X-CSRF-Token': me.csrfToken },
    });
    assert.equal(changed.status(), 204, `password change of ${login}: HTTP ${changed.status()}`);
    server.changedPasswords = { ...server.changedPasswords, [login]: next };
  }
  return me.user.displayName;
}

/** A page in a fresh browser context (one person), signed in as `login` when given. */
export async function personPage(browser, server, login = null, locale = 'de-DE') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  if (login) context.displayName = await signInContext(server, context, login);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return page;
}

/** Opens a document and waits until the connection settled: saved (writable), read-only or denied. */
export async function openSettled(server, page, doc) {
  await page.goto(`${server.baseUrl}/d/${encodeURIComponent(doc.name)}`);
  await page.locator('h1.doc-title', { hasText: doc.title }).waitFor();
  await page.locator('.page-editor:is([data-save-state="saved"], [data-save-state="readonly"], [data-save-state="denied"])').waitFor({ timeout: 30_000 });
  return page.locator('.page-editor').getAttribute('data-save-state');
}

/**
 * Selects the last word of six letters or more in the given paragraph with the browser's
 * selection (as a mouse would; this works in a read-only text too) and returns it.
 */
export async function selectWord(paragraph) {
  const word = await paragraph.evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let found = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\p{L}{6,}/gu)) found = { node, start: match.index, text: match[0] };
    }
    if (!found) return null;
    const range = document.createRange();
    range.setStart(found.node, found.start);
    range.setEnd(found.node, found.start + found.text.length);
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return found.text;
  });
  assert.ok(word, 'the paragraph has a word to select');
  return word;
}

/**
 * Puts the caret at the start or end of the editor. ProseMirror settles a click's selection
 * after the mouse-up; a Control+End pressed before that is undone and the text typed next lands
 * where the mouse was (seen in CI as a marker typed into the first paragraph). So: click, wait
 * until the editor holds a collapsed selection, then move with the keyboard.
 */
export async function caretTo(page, where) {
  const editor = page.locator('.ProseMirror');
  await editor.click();
  await page.waitForFunction(() => {
    const sel = document.getSelection();
    const root = document.querySelector('.ProseMirror');
    return !!sel && sel.rangeCount > 0 && !!root && root.contains(sel.anchorNode) && document.activeElement === root;
  });
  await page.waitForTimeout(100);
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
}
