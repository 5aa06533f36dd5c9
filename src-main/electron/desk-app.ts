/**
 * The life of the Electron shell: one instance, one window, one desk-core
 * worker. Kept thin on purpose — the desk core does the work in its own
 * thread, so nothing here can stall the main event loop.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { startDeskCoreWorker, type DeskCoreHandle } from '../core/worker-host.ts';
import { devServerAppUrl, fileAppUrl, parseDevServerUrl } from './app-url.ts';
import { registerDeskIpc } from './ipc.ts';
import { installAppMenu } from './menu.ts';
import { installSessionGuards, installWebContentsGuards, openInSystemBrowser } from './security.ts';
import { createMainWindow, focusWindow } from './window.ts';
import { createSafeStorageTokenStore, sessionFilePath } from './token-store.ts';

export interface DeskAppOptions {
  /** Built path of src-main/core/worker.ts (electron-vite `?modulePath`). */
  workerPath: string;
  /** Directory of the built main bundle, out/main; the preload and renderer sit next to it. */
  mainDir: string;
  /** ELECTRON_RENDERER_URL as electron-vite dev sets it; ignored in packaged builds. */
  devServerUrl: string | undefined;
  /** AYNI_USER_DATA_DIR: a separate data directory for end-to-end tests and side-by-side runs; ignored in packaged builds. */
  userDataDir?: string | undefined;
  /** The server of record for a desk without a session; default: AYNI_SERVER_URL (`npm start` sets it to the embedded server). */
  serverUrl?: string | undefined;
}

/** An http(s) origin, or null (with a warning) for anything else: the desk then asks for a server at login. */
export function parseServerUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // Reported below, like any other unusable value.
  }
  console.warn(`[ayni] AYNI_SERVER_URL no es una URL http(s) válida (${value}); se ignora.`);
  return null;
}

export interface BuiltPaths {
  preloadPath: string;
  rendererHtmlPath: string;
  iconPath: string | undefined;
}

export function builtPaths(mainDir: string): BuiltPaths {
  const iconPath = join(mainDir, '..', '..', 'resources', 'icon.png');
  return {
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererHtmlPath: join(mainDir, '..', 'renderer', 'index.html'),
    iconPath: existsSync(iconPath) ? iconPath : undefined,
  };
}

/**
 * Starts the app. Returns false when another instance already runs: that
 * one gets focused (its 'second-instance' handler) and this one quits.
 */
export function runDeskApp(options: DeskAppOptions): boolean {
  // Before the lock: the lock lives in userData, so a test run with its own directory never collides with a running console.
  if (!app.isPackaged && options.userDataDir !== undefined && isAbsolute(options.userDataDir)) {
    app.setPath('userData', options.userDataDir);
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // Belt and braces with webPreferences.sandbox: every renderer, even one we did not create, is sandboxed.
  app.enableSandbox();

  const isDev = !app.isPackaged;
  const devServer = isDev ? parseDevServerUrl(options.devServerUrl) : null;
  const paths = builtPaths(options.mainDir);
  const appUrl = devServer === null ? fileAppUrl(paths.rendererHtmlPath) : devServerAppUrl(devServer);

  let mainWindow: BrowserWindow | null = null;
  let core: DeskCoreHandle | null = null;
  let disposeIpc: (() => void) | null = null;

  // Before any window exists, so no web contents escapes the navigation and window.open guards.
  installWebContentsGuards(app, { appUrl, openExternal: openInSystemBrowser, log: console });

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({ ...paths, appUrl, devServerUrl: devServer });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };

  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
    else if (app.isReady()) openWindow();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock until Cmd+Q; everywhere else closing the window ends the app.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openWindow();
  });

  // Quit waits for the worker to close the SQLite cache cleanly (WAL checkpoint, queued edits on disk).
  let shutdown: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    disposeIpc?.();
    const closing = core === null ? Promise.resolve() : core.close();
    closing
      .catch((error: unknown) => console.error('[ayni] El núcleo no se cerró limpiamente:', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      installSessionGuards(session.defaultSession, { appUrl });
      const userData = app.getPath('userData');
      core = startDeskCoreWorker({
        workerPath: options.workerPath,
        dataDir: userData,
        mode: 'electron',
        appVersion: app.getVersion(),
        serverUrl: parseServerUrl(options.serverUrl ?? process.env['AYNI_SERVER_URL']),
        // The worker cannot reach safeStorage; the host keeps the token for it.
        tokens: createSafeStorageTokenStore({ filePath: sessionFilePath(userData) }),
      });
      disposeIpc = registerDeskIpc({ core, appUrl, getWindow: () => mainWindow });
      installAppMenu({ appName: app.getName(), isMac: process.platform === 'darwin', isDev });
      openWindow();
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error('[ayni] No se pudo iniciar la aplicación:', error);
      dialog.showErrorBox('Ayni no pudo iniciar', `No se pudo iniciar la consola.\n\n${message}`);
      app.exit(1);
    });

  return true;
}
