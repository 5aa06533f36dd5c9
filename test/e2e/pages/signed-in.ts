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

/** A fresh page (its own context, as axe needs) on the desk, not yet signed in or out. */
export async function openConsole(browser: Browser, desk: DeskWithServer): Promise<SignedInConsole> {
  const context = await browser.newContext();
  const page = await context.newPage();
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

export async function signedInConsole(browser: Browser, desk: DeskWithServer): Promise<SignedInConsole> {
  const opened = await openConsole(browser, desk);
  await opened.shell.ensureLanguage('es-PE');
  await opened.shell.goTo('queue');
  await signIn(opened.page);
  await waitSynced(opened.page);
  return opened;
}
