/**
 * End-to-end tests: the real UI in Chromium, served by the loopback browser
 * bridge over the real desk core (test/e2e/fixtures.ts starts one bridge per
 * worker). `npm run test:e2e` (scripts/e2e.mjs) finds a browser and builds
 * the renderer first.
 *
 * Browser: PLAYWRIGHT_CHROMIUM when set; else a Playwright-managed Chromium
 * when one is installed; else the system's (Debian: `apt-get install -y
 * --no-install-recommends chromium`), since Playwright's own download is
 * not always possible here.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, defineConfig } from '@playwright/test';

const SYSTEM_CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function playwrightManagedChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    // Playwright throws when its browser registry knows no build for this platform: same as "not installed".
    return null;
  }
}

function systemChromium(): string | null {
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const name of SYSTEM_CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** undefined = let Playwright use its own managed browser. */
function chromiumExecutable(): string | undefined {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM;
  if (explicit !== undefined && explicit !== '') return explicit;
  if (playwrightManagedChromium() !== null) return undefined;
  return systemChromium() ?? undefined;
}

const executablePath = chromiumExecutable();
const isCi = process.env.CI !== undefined && process.env.CI !== '';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Electron-only specs need the Electron binary; they skip themselves when it is missing.
  workers: isCi ? 1 : 2,
  retries: isCi ? 1 : 0,
  forbidOnly: isCi,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    locale: 'es-PE',
    timezoneId: 'America/Lima',
    viewport: { width: 1366, height: 850 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
