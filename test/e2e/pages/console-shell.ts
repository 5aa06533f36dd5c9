/**
 * Page model of the console frame: navigation, top bar, status bar, keyboard
 * shortcuts, and the language setting. Waits on app state attributes
 * (`data-app-state`, `data-route`, `data-state`), never on time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type UiLocale = 'es-PE' | 'en';
export type RouteId = 'queue' | 'attention' | 'dispatch' | 'hours' | 'settings/general' | 'settings/calendar';
export const ROUTE_IDS: readonly RouteId[] = ['queue', 'attention', 'dispatch', 'hours', 'settings/general', 'settings/calendar'];

/** What a person reads in the top bar of each screen, per language. */
export const SCREEN_TITLES: Readonly<Record<UiLocale, Readonly<Record<RouteId, string>>>> = {
  'es-PE': { queue: 'Cola', attention: 'Requiere atención', dispatch: 'Despacho', hours: 'Horas', 'settings/general': 'General e idioma', 'settings/calendar': 'Calendario' },
  en: { queue: 'Queue', attention: 'Needs attention', dispatch: 'Dispatch', hours: 'Hours', 'settings/general': 'General & language', 'settings/calendar': 'Calendar' },
};

export class ConsoleShell {
  readonly page: Page;
  readonly title: Locator;
  readonly statusBar: Locator;
  readonly syncState: Locator;
  readonly pendingEdits: Locator;
  readonly deskConnection: Locator;
  readonly appVersion: Locator;
  readonly shortcutsDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.title = page.getByRole('heading', { level: 1 });
    this.statusBar = page.getByRole('contentinfo');
    this.syncState = page.getByTestId('sync-state');
    this.pendingEdits = page.getByTestId('pending-edits');
    this.deskConnection = page.getByTestId('desk-connection');
    this.appVersion = page.getByTestId('app-version');
    this.shortcutsDialog = page.getByRole('dialog');
  }

  /** The console has read the desk's settings and shows the shell. */
  async waitReady(): Promise<void> {
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  navLink(route: RouteId): Locator {
    return this.page.locator(`nav a[data-route="${route}"]`);
  }

  /** The screen is `route` and has finished loading what it shows. */
  async waitForScreen(route: RouteId): Promise<void> {
    await expect(this.page.locator('.shell')).toHaveAttribute('data-route', route);
    await expect(this.page.locator('main [data-page]')).toHaveAttribute('data-state', 'ready');
  }

  async goTo(route: RouteId): Promise<void> {
    await this.navLink(route).click();
    await this.waitForScreen(route);
  }

  /** Presses keys one after the other, as a person types a shortcut sequence. */
  async pressSequence(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async locale(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  /** Ajustes › General e idioma: picks a language and waits until the UI speaks it. */
  async chooseLanguage(locale: UiLocale): Promise<void> {
    await this.goTo('settings/general');
    await this.page.locator(`input[name="locale"][value="${locale}"]`).check();
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
    await expect(this.title).toHaveText(SCREEN_TITLES[locale]['settings/general']);
  }

  /** The desk is shared by the tests of a worker: put the language a test expects in place first. */
  async ensureLanguage(locale: UiLocale): Promise<void> {
    await this.waitReady();
    if ((await this.locale()) !== locale) await this.chooseLanguage(locale);
  }
}
