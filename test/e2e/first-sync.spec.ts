/**
 * The first sync of a new desk, as a technician sees it: a desk that has
 * never synced signs in against the worker's server of record (the demo
 * company), and the status bar shows a progress bar with records done out
 * of the estimated total, growing page after page, that goes away when the
 * sync is over.
 *
 * The desk reaches the server through a link the test holds between pages
 * (held-link.ts): the pages and the progress are the real ones, the test
 * only chooses when the next page travels, so it can look at the bar — and
 * capture it in both languages — however fast this machine syncs.
 */
import type { Locator } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, snap, test, DEMO_PASSWORD, DEMO_USERS } from './fixtures.ts';
import { startHeldLink } from './held-link.ts';
import { ConsoleShell } from './pages/console-shell.ts';
import { LoginScreen } from './pages/login-screen.ts';

test.setTimeout(300_000);

const SPANISH_PROGRESS = /^Sincronizando… ([\d.,\s]+) de ([\d.,\s]+) registros$/;
const ENGLISH_PROGRESS = /^Syncing… ([\d.,\s]+) of ([\d.,\s]+) records$/;

/** The two numbers of "Sincronizando… 2,000 de 15,234 registros", whatever the grouping separator. */
async function countsInText(state: Locator, pattern: RegExp): Promise<{ value: number; max: number }> {
  const match = pattern.exec((await state.textContent()) ?? '');
  if (!match) throw new Error(`The sync state does not read like ${String(pattern)}: ${(await state.textContent()) ?? ''}`);
  return { value: Number((match[1] ?? '').replace(/\D/g, '')), max: Number((match[2] ?? '').replace(/\D/g, '')) };
}

/** The bar's value and maximum, as the page holds them. */
async function progressOf(bar: Locator): Promise<{ value: number; max: number }> {
  // The node project has no DOM types: read the <progress> element's own properties by name.
  return bar.evaluate((el) => {
    const progress = el as unknown as { value: number; max: number };
    return { value: progress.value, max: progress.max };
  });
}

test('a new desk shows the initial sync progressing, then the bar goes away', async ({ browser, deskWithServer, startFreshDesk }) => {
  const link = await startHeldLink(deskWithServer.serverUrl);
  // A held page must not count as a dead server: the desk waits for it as long as the test does.
  const desk = await startFreshDesk({ serverUrl: link.url, syncTuning: { requestTimeoutMs: 240_000, backoff: { baseMs: 200, maxMs: 2_000 } } });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(desk.url);
    const shell = new ConsoleShell(page);
    await shell.waitReady();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es-PE');
    const bar = page.getByRole('progressbar', { name: 'Sincronización inicial' });

    // Only the first page of the change log travels for now.
    link.allowPulls(1);
    const login = new LoginScreen(page);
    await login.waitVisible();
    await expect(login.server).toHaveValue(link.url);
    await login.submitWith(DEMO_USERS.technician, DEMO_PASSWORD);
    await expect(page.locator('.shell')).toHaveAttribute('data-session', 'signed-in', { timeout: 30_000 });

    await link.waitForHeldPull();
    await expect(bar).toBeVisible({ timeout: 30_000 });
    const first = await progressOf(bar);
    expect(first.value).toBeGreaterThan(0);
    expect(first.max).toBeGreaterThan(first.value);
    await expect(shell.syncState).toHaveAttribute('data-state', 'syncing');
    await expect(shell.syncState).toHaveText(SPANISH_PROGRESS);
    expect(await countsInText(shell.syncState, SPANISH_PROGRESS)).toEqual(first);

    // One more page: the bar moves forward.
    link.allowPulls(2);
    await link.waitForHeldPull();
    await expect.poll(async () => (await progressOf(bar)).value, { timeout: 30_000 }).toBeGreaterThan(first.value);
    const second = await progressOf(bar);
    expect(second.value).toBeLessThanOrEqual(second.max);
    expect(await countsInText(shell.syncState, SPANISH_PROGRESS)).toEqual(second);
    // A sync that has not finished has no "last sync" to tell: the bar takes its place.
    await expect(page.getByTestId('last-sync')).toHaveCount(0);
    // The Cola does not call itself empty while its tickets are still on the way.
    const emptyQueue = page.getByTestId('queue-empty');
    await expect(emptyQueue).toHaveAttribute('data-reason', 'first-sync');
    await expect(emptyQueue).toContainText('Descargando los tickets');
    await expect(emptyQueue).not.toContainText('No hay tickets');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'first-sync-es-PE-progress');

    // The same moment in English (the sync waits at the link meanwhile).
    await shell.chooseLanguage('en');
    await shell.goTo('queue');
    const barEn = page.getByRole('progressbar', { name: 'Initial sync' });
    await expect(barEn).toBeVisible();
    expect(await progressOf(barEn)).toEqual(second);
    await expect(shell.syncState).toHaveText(ENGLISH_PROGRESS);
    expect(await countsInText(shell.syncState, ENGLISH_PROGRESS)).toEqual(second);
    await expect(emptyQueue).toContainText('Downloading the tickets');
    await snap(page, 'first-sync-en-progress');

    // Everything else goes through: the bar leaves the status bar once the desk is online.
    link.allowPulls(Number.POSITIVE_INFINITY);
    await expect(shell.syncState).toHaveAttribute('data-state', 'online', { timeout: 180_000 });
    await expect(barEn).toHaveCount(0);
    await expect(page.getByTestId('last-sync')).toContainText('Last sync: today');
    await expect(page.locator('[data-testid="queue-empty"][data-reason="first-sync"]')).toHaveCount(0);
    expect(link.pullsAnswered()).toBeGreaterThan(2);
    await snap(page, 'first-sync-en-done');
  } finally {
    await context.close();
    // The desk first, so it never sees its server vanish.
    await desk.close();
    await link.close();
  }
});
