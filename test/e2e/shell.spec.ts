/**
 * The console shell end to end, in Chromium over the browser bridge: start-up
 * state from the desk, navigation by mouse and keyboard, accessibility and a
 * screenshot of every screen in both languages, the language switch surviving
 * a reload, and the page without an access key. This desk has no server and
 * no session: the screens that need one (Cola, Requiere atención) show the
 * sign-in form, the others work as they are.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, snap, test } from './fixtures.ts';
import { ConsoleShell, ROUTE_IDS, SCREEN_TITLES, type UiLocale } from './pages/console-shell.ts';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The Spanish texts the status bar may show for the desk's sync state. */
const SYNC_STATE_TEXT_ES: Readonly<Record<string, RegExp>> = {
  idle: /^En espera$/,
  syncing: /^Sincronizando…/,
  online: /^En línea$/,
  offline: /^Sin conexión$/,
  error: /^Error de sincronización/,
  signedOut: /^Sin sesión$/,
};

test.beforeEach(async ({ page }) => {
  await new ConsoleShell(page).ensureLanguage('es-PE');
});

test('opens in Spanish with the status bar filled from the desk', async ({ page }) => {
  const shell = new ConsoleShell(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-PE');
  await expect(shell.deskConnection).toHaveText('Motor local conectado');
  await expect(shell.appVersion).toHaveText(`Ayni ${packageVersion} · Navegador (desarrollo y pruebas)`);

  // Whatever the desk reports, the bar shows it in Spanish, with the pending edits next to it.
  await expect(shell.syncState).not.toHaveAttribute('data-state', 'unknown');
  const state = await shell.syncState.getAttribute('data-state');
  expect(Object.keys(SYNC_STATE_TEXT_ES)).toContain(state);
  await expect(shell.syncState).toHaveText(SYNC_STATE_TEXT_ES[state ?? ''] ?? /^$/);
  await expect(shell.pendingEdits).toHaveText(/^(Sin cambios pendientes|1 cambio pendiente|\d+ cambios pendientes)$/);
});

test('the access key leaves the address bar and a reload still connects', async ({ page }) => {
  const shell = new ConsoleShell(page);
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await shell.waitReady();
  await expect(shell.deskConnection).toHaveText('Motor local conectado');
  expect(page.url()).not.toContain('token=');
});

/** The second-level heading each screen shows on a desk without a session. */
const SCREEN_HEADINGS: Readonly<Record<UiLocale, Readonly<Record<'queue' | 'attention' | 'dispatch' | 'hours', string>>>> = {
  'es-PE': {
    queue: 'Iniciar sesión',
    attention: 'Iniciar sesión',
    dispatch: 'El tablero de despacho llegará con las visitas en sitio.',
    hours: 'El consumo de horas llegará con los planes de los clientes.',
  },
  en: {
    queue: 'Sign in',
    attention: 'Sign in',
    dispatch: 'The dispatch board arrives with on-site visits.',
    hours: 'Hour usage arrives with customer plans.',
  },
};

const SIGN_IN: Readonly<Record<UiLocale, string>> = { 'es-PE': 'Iniciar sesión', en: 'Sign in' };

for (const locale of ['es-PE', 'en'] as const) {
  for (const route of ROUTE_IDS) {
    test(`${SCREEN_TITLES[locale][route]} (${locale}) is reachable from the navigation, accessible and captured`, async ({ page }) => {
      const shell = new ConsoleShell(page);
      if (locale !== 'es-PE') await shell.chooseLanguage(locale);
      try {
        await shell.goTo(route);
        // Without a session the Cola and Requiere atención show the sign-in form: the top bar and the window name it, not the screen behind it.
        const signIn = route === 'queue' || route === 'attention';
        const title = signIn ? SIGN_IN[locale] : SCREEN_TITLES[locale][route];
        await expect(shell.title).toHaveText(title);
        if (signIn) await expect(page.getByRole('banner')).not.toContainText(SCREEN_TITLES[locale][route]);
        if (signIn) {
          // The sign-in form is not the Cola: no link claims to be the current page, and they all still lead somewhere.
          await expect(page.locator('.sidebar [aria-current]')).toHaveCount(0);
          await expect(shell.navLink(route)).toHaveAttribute('href', `#/${route}`);
          // The pointer leaves the link it clicked, so the screenshot shows the bar at rest rather than its hover.
          await page.mouse.move(900, 760);
        } else {
          await expect(shell.navLink(route)).toHaveAttribute('aria-current', 'page');
        }
        await expect(page).toHaveTitle(`${title} · Ayni`);
        if (route === 'queue' || route === 'attention' || route === 'dispatch' || route === 'hours') {
          await expect(page.getByRole('heading', { level: 2 })).toHaveText(SCREEN_HEADINGS[locale][route]);
        }
        await expectNoSeriousA11yViolations(page);
        await snap(page, `shell-${locale}-${route.replace('/', '-')}`);
      } finally {
        if (locale !== 'es-PE') await shell.chooseLanguage('es-PE');
      }
    });
  }
}

test('keyboard: g then a letter moves between screens; ? lists the shortcuts', async ({ page }) => {
  const shell = new ConsoleShell(page);
  await shell.waitForScreen('queue');
  // The sign-in form takes the focus on arrival; start from a screen that leaves it where the page puts it.
  await shell.goTo('settings/general');
  await page.reload();
  await shell.waitForScreen('settings/general');

  // Start keyboard navigation from the top of the document (a string: this file is type-checked without DOM types).
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Saltar al contenido' })).toBeFocused();

  await shell.pressSequence('g', 'd');
  await shell.waitForScreen('dispatch');
  await expect(shell.title).toHaveText('Despacho');
  await shell.pressSequence('g', 'k');
  await shell.waitForScreen('settings/calendar');
  await expect(shell.title).toHaveText('Calendario');
  await shell.pressSequence('g', 'h');
  await shell.waitForScreen('hours');
  await shell.pressSequence('g', 'a');
  await shell.waitForScreen('settings/general');
  await shell.pressSequence('g', 'r');
  await shell.waitForScreen('attention');
  await expect(shell.title).toHaveText('Iniciar sesión');
  await shell.pressSequence('g', 'c');
  await shell.waitForScreen('queue');

  await page.keyboard.press('?');
  await expect(shell.shortcutsDialog).toBeVisible();
  await expect(shell.shortcutsDialog.getByRole('heading', { name: 'Atajos de teclado' })).toBeVisible();
  await expect(shell.shortcutsDialog.getByRole('button', { name: 'Cerrar' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await snap(page, 'shell-es-PE-shortcuts');
  await page.keyboard.press('Escape');
  await expect(shell.shortcutsDialog).toBeHidden();

  // Typing in a field is never taken as a shortcut.
  await shell.goTo('settings/calendar');
  const search = page.getByTestId('district-lookup').getByRole('searchbox');
  await search.fill('');
  await search.press('g');
  await search.press('c');
  await expect(search).toHaveValue('gc');
  await expect(page.locator('.shell')).toHaveAttribute('data-route', 'settings/calendar');
});

test('switching to English changes the UI text and survives a reload', async ({ page }) => {
  const shell = new ConsoleShell(page);
  await shell.chooseLanguage('en');
  try {
    await expect(shell.navLink('queue')).toContainText('Queue');
    await expect(shell.deskConnection).toHaveText('Local engine connected');
    await expect(page.getByText('Done: the console is in English.')).toBeVisible();

    await page.reload();
    await shell.waitReady();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(shell.title).toHaveText('General & language');
    await expect(shell.navLink('dispatch')).toContainText('Dispatch');
    await expect(page.locator('input[name="locale"][value="en"]')).toBeChecked();
    await expect(page).toHaveTitle('General & language · Ayni');
  } finally {
    await shell.chooseLanguage('es-PE');
  }
  await expect(shell.navLink('queue')).toContainText('Cola');
  await expect(page).toHaveTitle('General e idioma · Ayni');
});

test('without the access key the page explains how to open the console', async ({ browser, desk }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${desk.origin}/`);
    await expect(page.locator('[data-app-state="missing-token"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Falta la clave de acceso al motor local' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The local engine access key is missing' })).toBeVisible();
    await expect(page.locator('code').first()).toHaveText('npm run web');
    await expectNoSeriousA11yViolations(page);
    await snap(page, 'shell-missing-token');
  } finally {
    await context.close();
  }
});
