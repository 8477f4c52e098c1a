// Runs `npm ci` only when node_modules does not match package-lock.json.
// npm itself records the installed tree in node_modules/.package-lock.json; we keep our own stamp
// (a hash of package-lock.json) next to it, so that a Maven build after an unchanged lock costs nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.pledgepad-lock-sha256');

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';

if (current === lockHash) {
  console.log('web-client: node_modules matches package-lock.json, skipping npm ci');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`web-client: npm ci failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, lockHash + '\n');
}
