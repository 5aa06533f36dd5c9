/**
 * Playwright fixtures for the browser build of Ayni.
 *
 * - `desk` (one per worker): a browser bridge started in-process on a random
 *   loopback port over a fresh temporary data directory, with one company
 *   closure in its calendar (COMPANY_CLOSURE). Tests in one worker share it,
 *   so a test that changes settings should put them back.
 * - `page`: a page of its own context (AxeBuilder needs one made by
 *   browser.newContext()), already navigated to the desk URL.
 * - `expectNoSeriousA11yViolations(page)` and `snap(page, name)`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { CalendarOverride } from '../../src-shared/calendar/types.ts';
import { startBridge } from '../../src-main/bridge/server.ts';

/** The one company decision every test desk starts with. */
export const COMPANY_CLOSURE: CalendarOverride = {
  date: '2026-12-24',
  kind: 'closure',
  name: 'Día no laborable (adoptado por la empresa)',
};

export interface DeskUnderTest {
  /** `http://127.0.0.1:PORT/#token=…` */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  readonly dataDir: string;
  readonly token: string;
}

interface WorkerFixtures {
  desk: DeskUnderTest;
}

export const test = base.extend<object, WorkerFixtures>({
  desk: [
    async ({}, use, workerInfo) => {
      const dataDir = await mkdtemp(join(tmpdir(), `ayni-e2e-w${workerInfo.workerIndex}-`));
      await writeFile(join(dataDir, 'calendar-overrides.json'), `${JSON.stringify([COMPANY_CLOSURE], null, 2)}\n`, 'utf8');
      const bridge = await startBridge({ port: 0, dataDir });
      await use({ url: bridge.url, origin: `http://127.0.0.1:${bridge.port}`, port: bridge.port, dataDir, token: bridge.token });
      await bridge.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  page: async ({ browser, desk }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(desk.url);
    await use(page);
    await context.close();
  },
});

export { expect };

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … y ${v.nodes.length - 5} más` : '';
      return `[${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now; fails listing every serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) console.log(`Accesibilidad: ${serious.length} problema(s) graves en ${page.url()}\n${describeViolations(serious)}`);
  expect(serious, describeViolations(serious)).toEqual([]);
}

/** Full-page screenshot kept at test-results/screens/<name>.png and attached to the report. */
export async function snap(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  const info = base.info();
  const dir = join(info.project.outputDir, 'screens');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${safe}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(safe, { path, contentType: 'image/png' });
  return path;
}
