#!/usr/bin/env node
/**
 * `npm run soak` — the desk-core fault test (test/soak/driver.ts): the real
 * server and desk processes on loopback, random kill -9s and dropped
 * connections, checks after every trial, then two planted bugs that must be
 * caught. Arguments pass through, e.g. `npm run soak -- --trials 30` (CI).
 * Needs Node 22 (type stripping); run through npm so the pinned Node is used.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`soak: Node ${process.versions.node} is too old; run it with the project's Node 22: npm run soak (or npm exec -- node scripts/soak.mjs).`);
  process.exit(3);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'test/soak/driver.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 3 : 130)));
