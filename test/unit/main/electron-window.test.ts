import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session } from 'electron';
import { devServerAppUrl, fileAppUrl } from '../../../src-main/electron/app-url.ts';
import { buildMenuTemplate } from '../../../src-main/electron/menu.ts';
import { configureSpellcheck, createMainWindow, focusWindow, MIN_HEIGHT, MIN_WIDTH } from '../../../src-main/electron/window.ts';
import { FakeBrowserWindow, FakeSession, resetElectronFakes } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule);

const HTML = '/opt/ayni/out/renderer/index.html';
const PRELOAD = '/opt/ayni/out/preload/index.cjs';

function openWindow(devServerUrl: URL | null = null): FakeBrowserWindow {
  const appUrl = devServerUrl === null ? fileAppUrl(HTML) : devServerAppUrl(devServerUrl);
  createMainWindow({ preloadPath: PRELOAD, rendererHtmlPath: HTML, appUrl, devServerUrl });
  const window = FakeBrowserWindow.created.at(-1);
  if (window === undefined) throw new Error('no BrowserWindow was created');
  return window;
}

beforeEach(() => {
  resetElectronFakes();
});

describe('main window', () => {
  it('uses the security baseline webPreferences', () => {
    const window = openWindow();
    expect(window.options['webPreferences']).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('is titled Ayni, has a usable minimum size and stays hidden until painted', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({ title: 'Ayni', minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT, show: false });
    expect(MIN_WIDTH).toBeGreaterThanOrEqual(1100);
    expect(MIN_HEIGHT).toBeGreaterThanOrEqual(700);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads the built renderer from disk, or the dev server in development', () => {
    const built = openWindow();
    expect(built.loadFile).toHaveBeenCalledWith(HTML);
    expect(built.loadURL).not.toHaveBeenCalled();

    const dev = openWindow(new URL('http://localhost:5173/'));
    expect(dev.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(dev.loadFile).not.toHaveBeenCalled();
  });

  it('spellchecks in Spanish with the languages Chromium ships, and asks for none it lacks', () => {
    const session = new FakeSession();
    expect(configureSpellcheck(session as unknown as Session)).toEqual(['es-419', 'es']);
    expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith(['es-419', 'es']);

    const mac = new FakeSession();
    mac.availableSpellCheckerLanguages = [];
    expect(configureSpellcheck(mac as unknown as Session)).toEqual([]);
    expect(mac.setSpellCheckerLanguages).not.toHaveBeenCalled();
  });

  it('focus restores a minimized window and brings it forward', () => {
    const window = openWindow();
    window.minimized = true;
    focusWindow(window as unknown as BrowserWindow);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('application menu', () => {
  const labels = (items: ReturnType<typeof buildMenuTemplate>) => items.map((item) => item.label);
  const roles = (items: ReturnType<typeof buildMenuTemplate>): string[] =>
    items.flatMap((item) => [...(item.role === undefined ? [] : [item.role]), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

  it('is in Spanish, with the macOS app menu only on macOS', () => {
    expect(labels(buildMenuTemplate({ appName: 'Ayni', isMac: false, isDev: false }))).toEqual(['Archivo', 'Editar', 'Ver', 'Ventana', 'Ayuda']);
    expect(labels(buildMenuTemplate({ appName: 'Ayni', isMac: true, isDev: false }))).toEqual(['Ayni', 'Archivo', 'Editar', 'Ver', 'Ventana', 'Ayuda']);
  });

  it('offers editing, zoom, full screen and quit with Cmd/Ctrl+Q on every platform', () => {
    for (const isMac of [false, true]) {
      const template = buildMenuTemplate({ appName: 'Ayni', isMac, isDev: false });
      expect(roles(template)).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit']),
      );
      const quit = template.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : [])).find((item) => item.role === 'quit');
      expect(quit?.accelerator).toBe('CmdOrCtrl+Q');
    }
  });

  it('has reload and developer tools only in development', () => {
    const production = roles(buildMenuTemplate({ appName: 'Ayni', isMac: false, isDev: false }));
    expect(production).not.toContain('reload');
    expect(production).not.toContain('forceReload');
    expect(production).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ appName: 'Ayni', isMac: false, isDev: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
