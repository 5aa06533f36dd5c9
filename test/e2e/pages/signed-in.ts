/**
 * A console signed in as the demo technician on the worker's
 * `deskWithServer`, in Spanish, with the initial sync done. The desk keeps
 * the session, so only the first test of a worker signs in through the form;
 * later ones find the console signed in (which is itself the "survives a
 * reload" behaviour).
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DeskWithServer } from '../fixtures.ts';
import { ConsoleShell } from './console-shell.ts';
import { LoginScreen } from './login-screen.ts';

export interface SignedInConsole {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly shell: ConsoleShell;
}

export interface ConsoleOptions {
  /** Installs Playwright's fake clock before the page loads, so a test can move time forward (timers). */
  readonly fakeClock?: boolean;
  /** With fakeClock: the page's clock starts this far from the real time, like a computer whose clock is wrong. */
  readonly clockOffsetMs?: number;
}

/** A fresh page (its own context, as axe needs) on the desk, not yet signed in or out. */
export async function openConsole(browser: Browser, desk: DeskWithServer, options: ConsoleOptions = {}): Promise<SignedInConsole> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (options.fakeClock) await page.clock.install(options.clockOffsetMs === undefined ? {} : { time: Date.now() + options.clockOffsetMs });
  await page.goto(desk.url);
  const shell = new ConsoleShell(page);
  await shell.waitReady();
  return { context, page, shell };
}

export async function signIn(page: Page): Promise<void> {
  const shell = page.locator('.shell');
  if ((await shell.getAttribute('data-session')) === 'signed-in') return;
  const login = new LoginScreen(page);
  await login.waitVisible();
  await login.submitWith(DEMO_USERS.technician, DEMO_PASSWORD);
  await expect(shell).toHaveAttribute('data-session', 'signed-in', { timeout: 30_000 });
}

/** Waits until the desk reports the first sync done (online, nothing pending). */
export async function waitSynced(page: Page, timeout = 180_000): Promise<void> {
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', { timeout });
}

export async function signedInConsole(browser: Browser, desk: DeskWithServer, options: ConsoleOptions = {}): Promise<SignedInConsole> {
  const opened = await openConsole(browser, desk, options);
  await opened.shell.ensureLanguage('es-PE');
  await opened.shell.goTo('queue');
  await signIn(opened.page);
  await waitSynced(opened.page);
  return opened;
}

/** Signs out through the account menu and in again as someone else (same server: the cache stays). */
export async function switchUser(page: Page, email: string): Promise<void> {
  const shell = page.locator('.shell');
  if ((await shell.getAttribute('data-session')) === 'signed-in') {
    await page.getByTestId('account').getByRole('button').click();
    await page.getByTestId('logout-dialog').getByRole('button', { name: /^(Cerrar sesión|Sign out)$/ }).click();
    await expect(shell).toHaveAttribute('data-session', 'signed-out');
  }
  const login = new LoginScreen(page);
  await login.waitVisible();
  await login.submitWith(email, DEMO_PASSWORD);
  await expect(shell).toHaveAttribute('data-session', 'signed-in', { timeout: 30_000 });
  await waitSynced(page);
}
