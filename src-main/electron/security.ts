/**
 * The security baseline of DESIGN.md §2 for everything Electron renders:
 * no navigation away from the app, no new windows, no webviews, no
 * permissions except desktop notifications, and a strict CSP.
 *
 * Each guard is its own function so the unit tests can drive it with a fake
 * WebContents; `installSecurity` wires them to every web contents the app
 * ever creates, including ones we did not create on purpose.
 */
import { shell, type App, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl, type AppUrl } from './app-url.ts';

/** The only permission a page may get: technicians receive desktop notifications. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export type OpenExternal = (url: string) => Promise<void>;

export interface SecurityLog {
  warn(message: string): void;
}

function describe(url: string): string {
  // Keep log lines short and free of query strings that may carry tokens.
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(URL no válida)';
  }
}

/**
 * Hands a link to the system browser, after checking it is plain http(s).
 * The check lives here, next to the call, so a reviewer (and the scanner
 * note below) can see that no other kind of URL reaches the OS.
 */
export function openInSystemBrowser(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return Promise.reject(new Error(`Enlace no permitido: ${describe(url)}`));
  return shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- reviewed: only http(s) without credentials, checked on the line above
}

/** Denies every top-level navigation and redirect that leaves our page; webviews never attach. */
export function guardNavigation(contents: WebContents, appUrl: AppUrl, log: SecurityLog): void {
  contents.on('will-navigate', (event) => {
    if (appUrl.isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`Navegación bloqueada hacia ${describe(event.url)}`);
  });
  contents.on('will-redirect', (event) => {
    if (appUrl.isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`Redirección bloqueada hacia ${describe(event.url)}`);
  });
  // The app has no frames and the CSP (default-src 'none') already blocks them; this is the second lock.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // decided by 'will-navigate' above
    event.preventDefault();
    log.warn(`Marco bloqueado hacia ${describe(event.url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Se bloqueó un <webview>: la aplicación no los usa.');
  });
}

/**
 * window.open and target=_blank never create a window. An http(s) link goes
 * to the system browser instead, which is what a person clicking it expects.
 */
export function guardWindowOpen(contents: WebContents, openExternal: OpenExternal, log: SecurityLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternal(url).catch((error: unknown) => {
        log.warn(`No se pudo abrir ${describe(url)} en el navegador: ${error instanceof Error ? error.message : String(error)}`);
      });
    } else {
      log.warn(`Ventana bloqueada hacia ${describe(url)}`);
    }
    return { action: 'deny' };
  });
}

/** Denies every permission request and check, except notifications asked for by our own page. */
export function guardPermissions(session: Session, appUrl: AppUrl): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && appUrl.isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    if (!ALLOWED_PERMISSIONS.has(permission)) return false;
    if (details.requestingUrl !== undefined) return appUrl.isAppUrl(details.requestingUrl);
    return appUrl.isAppOrigin(requestingOrigin);
  });
}

/**
 * Adds our CSP to every http(s) response of the session (the dev server in
 * development); file:// pages rely on the renderer's <meta> tag, which this
 * mirrors (frame-ancestors only works as a header). The policy is written as
 * a literal inside the header object so Electronegativity can read and grade
 * it; the unit test parses it back directive by directive.
 */
export function applyContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const upstream: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the response carried so ours is the one in force, whatever its casing.
      if (name.toLowerCase() !== 'content-security-policy') upstream[name] = value;
    }
    callback({
      responseHeaders: {
        ...upstream,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

export interface SecurityOptions {
  appUrl: AppUrl;
  openExternal: OpenExternal;
  log: SecurityLog;
}

/** Must run before the first window exists, so no web contents escapes the guards. */
export function installWebContentsGuards(app: App, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, options.appUrl, options.log);
    guardWindowOpen(contents, options.openExternal, options.log);
  });
}

/** Session-wide rules; call once the app is ready. */
export function installSessionGuards(session: Session, options: { appUrl: AppUrl }): void {
  guardPermissions(session, options.appUrl);
  applyContentSecurityPolicy(session);
}
