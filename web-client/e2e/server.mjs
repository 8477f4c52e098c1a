// Starts the real Pledgepad server (server/target/pledgepad.jar) on a port the system picks
// (PORT=0; the port is read from its "listening on" line, so no other process can take it between
// a probe and the bind) with a fresh temporary data directory, and stops it again. PLEDGEPAD_URL points the tests at a server that
// is already running instead (then nothing is started); PLEDGEPAD_SERVER_COMMAND starts another
// server command instead of the jar.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_JAR = resolve(here, '..', '..', 'server', 'target', 'pledgepad.jar');

/**
 * The demo accounts the server prints once on its first start with an empty store
 * ("  COUNCILLOR   demo-councillor  <one-time password>"): { 'demo-councillor': password, … }.
 */
export function parseDemoAccounts(text) {
  const accounts = {};
  for (const line of text.split('\n')) {
    const match = /^\s+(GUEST|CITIZEN|COUNCILLOR|MODERATOR|ADMIN)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    if (match) accounts[match[2]] = match[3];
  }
  return accounts;
}

/** The port from ServerVerticle's "Pledgepad listening on HOST:PORT (… store)" line, or null. */
export function parseListeningPort(text) {
  const match = /Pledgepad listening on [^\s:]+:(\d+)\b/.exec(text);
  return match ? Number(match[1]) : null;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForPort(child, text, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it listened:\n${output()}`);
    const port = parseListeningPort(text());
    if (port) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not report a listening port within ${timeoutMs} ms:\n${output()}`);
}

async function waitForHttp(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it answered:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error.cause?.code ?? error.message);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms (${lastError}):\n${output()}`);
}

/**
 * Returns { baseUrl, stop(), kill(), restart() }. kill() ends the server process but keeps its
 * data directory and port; restart() starts it again on both (to test reconnecting).
 */
export async function startServer({ jar = process.env.PLEDGEPAD_JAR ?? DEFAULT_JAR, timeoutMs = 90_000 } = {}) {
  if (process.env.PLEDGEPAD_URL) {
    const baseUrl = process.env.PLEDGEPAD_URL.replace(/\/$/, '');
    await waitForHttp(`${baseUrl}/api/documents`, null, () => '', timeoutMs);
    // Against a running server the demo passwords come from PLEDGEPAD_DEMO_ACCOUNTS ("login=password,…").
    const demoAccounts = Object.fromEntries((process.env.PLEDGEPAD_DEMO_ACCOUNTS ?? '').split(',').filter(Boolean).map((pair) => pair.split('=')));
    return { baseUrl, demoAccounts, restartable: false, stop: async () => {} };
  }
  // PLEDGEPAD_SERVER_COMMAND replaces `java -jar <jar>` (a shell command that honours PORT and DATA_DIR).
  const command = process.env.PLEDGEPAD_SERVER_COMMAND;
  if (!command && !existsSync(jar)) throw new Error(`server jar not found: ${jar} (build it with: mvn -q -B -DskipTests install)`);
  // Our jar binds port 0 and reports the port; another command gets a probed free port (it may
  // not print our listening line). A restart reuses the port the first start got.
  let port = command ? await freePort() : 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'pledgepad-e2e-data-'));
  let baseUrl = '';
  const lines = [];
  const output = () => lines.join('\n');
  const demoAccounts = {};
  let early = ''; // the start of the output, where the demo accounts are printed
  let child = null;

  async function launch() {
    child = spawn(command ? 'sh' : 'java', command ? ['-c', `exec ${command}`] : ['-jar', jar], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      if (early.length < 100_000) early += chunk.toString();
      lines.push(...chunk.toString().split('\n'));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    if (port === 0) port = await waitForPort(child, () => early, output, timeoutMs);
    baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/api/documents`, child, output, timeoutMs);
    Object.assign(demoAccounts, parseDemoAccounts(early));
  }

  async function kill() {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }

  try {
    await launch();
  } catch (error) {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    output,
    demoAccounts,
    restartable: true,
    kill,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
