/**
 * The one console window. Its webPreferences are the security baseline of
 * DESIGN.md §2; they are spelled out (not left to defaults) so a reader, a
 * test and Electronegativity can all see them.
 */
import { BrowserWindow, type Session } from 'electron';
import type { AppUrl } from './app-url.ts';

export const WINDOW_TITLE = 'Ayni';
export const MIN_WIDTH = 1100;
export const MIN_HEIGHT = 700;

/** Spanish for Peru: Latin American Spanish first, then generic Spanish, whichever this build of Chromium ships. */
const SPELLCHECK_LANGUAGES = ['es-419', 'es'];

export interface MainWindowOptions {
  /** Absolute path of the built preload, out/preload/index.cjs. */
  preloadPath: string;
  /** Absolute path of the built renderer page; loaded with loadFile unless a dev server is given. */
  rendererHtmlPath: string;
  appUrl: AppUrl;
  /** Loopback dev server (already validated), development only. */
  devServerUrl: URL | null;
  iconPath?: string;
}

/** Chromium throws on an unknown language code, so ask only for ones it lists (none on macOS, which uses the OS checker). */
export function configureSpellcheck(session: Session): string[] {
  const available = new Set(session.availableSpellCheckerLanguages);
  const languages = SPELLCHECK_LANGUAGES.filter((code) => available.has(code));
  if (languages.length > 0) session.setSpellCheckerLanguages(languages);
  return languages;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1360,
    height: 860,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    // Written out in place (not built by a helper) so Electronegativity's static checks can read them.
    webPreferences: {
      // The scanner asks for every preload to be reviewed. Reviewed: it exposes only window.desk {call, on} (src-main/preload/index.ts, tested in electron-preload.test.ts).
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK -- reviewed, see the line above
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // Middle-click (auxclick) on a link opens a window; the window-open handler denies it anyway, this stops it earlier.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  // Showing only when painted avoids a white flash and a half-drawn window.
  window.once('ready-to-show', () => window.show());
  configureSpellcheck(window.webContents.session);

  const loading =
    options.devServerUrl === null ? window.loadFile(options.rendererHtmlPath) : window.loadURL(options.devServerUrl.href);
  loading.catch((error: unknown) => {
    // The window stays open so the person sees something; the log says why the page is missing.
    console.error(`[ayni] No se pudo cargar la interfaz (${options.appUrl.entryUrl}):`, error);
  });
  return window;
}

/** Brings the window to the front, e.g. when a second instance was launched. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
