// `npm run test:e2e [-- <playwright test args>]`: the end-to-end tests.
//
// Finds a Chromium (PLAYWRIGHT_CHROMIUM, a Playwright-managed one, or the
// system's), builds the renderer when it is stale, then runs
// `playwright test` with this Node 22, forwarding the arguments. With no
// browser at all it prints one line saying how to install one and fails.
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';
import { ROOT, ensureRendererBuilt, requireNode22 } from './web.mjs';

const SYSTEM_CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The same order as playwright.config.ts: explicit, then Playwright's own, then the system's. */
function findChromium() {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM;
  if (explicit) return existsSync(explicit) ? explicit : null;
  try {
    const managed = chromium.executablePath();
    if (existsSync(managed)) return managed;
  } catch {
    // No Playwright build for this platform: look for a system browser instead.
  }
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const name of SYSTEM_CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

requireNode22();
if (findChromium() === null) {
  console.error(
    'No hay Chromium para las pruebas e2e: instálalo con `apt-get install -y --no-install-recommends chromium` (o indica uno con PLAYWRIGHT_CHROMIUM=/ruta/al/navegador).',
  );
  process.exit(1);
}
ensureRendererBuilt();

const playwright = realpathSync(join(ROOT, 'node_modules', '.bin', 'playwright'));
const child = spawn(process.execPath, [playwright, 'test', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
