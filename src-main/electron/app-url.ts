/**
 * What "our own page" means. Navigation guards, the IPC sender check and the
 * permission handler all ask the same question, so they share one answer:
 * either the built renderer file (file://…/out/renderer/index.html) or, in
 * development only, the electron-vite dev server on loopback.
 */
import { pathToFileURL } from 'node:url';

export interface AppUrl {
  /** The URL the window loads. */
  readonly entryUrl: string;
  /** True when `url` is our renderer page (any hash or query). */
  isAppUrl(url: string): boolean;
  /** True when `origin` (as Chromium reports it for permissions) is our page's origin. */
  isAppOrigin(origin: string): boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    // Unparseable URLs are never ours; the caller denies them.
    return null;
  }
}

/**
 * Accepts the dev server URL only when it is plain http on loopback, so an
 * environment variable can never point the app at remote content.
 */
export function parseDevServerUrl(raw: string | undefined): URL | null {
  if (raw === undefined || raw.trim() === '') return null;
  const url = parseUrl(raw.trim());
  if (url === null || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

/** The packaged (or built) app: one HTML file on disk. */
export function fileAppUrl(rendererHtmlPath: string): AppUrl {
  const entry = pathToFileURL(rendererHtmlPath);
  return {
    entryUrl: entry.href,
    isAppUrl(url) {
      const parsed = parseUrl(url);
      // Compare path only: the SPA may add a hash or query, but any other file is foreign.
      return parsed !== null && parsed.protocol === 'file:' && parsed.host === entry.host && parsed.pathname === entry.pathname;
    },
    isAppOrigin(origin) {
      // Chromium reports file pages as "file://" (or "file:///" from some APIs).
      return origin === 'file://' || origin === 'file:///';
    },
  };
}

/** Development: the electron-vite dev server; any path on that origin is the app (Vite serves modules from it). */
export function devServerAppUrl(devServer: URL): AppUrl {
  return {
    entryUrl: devServer.href,
    isAppUrl(url) {
      const parsed = parseUrl(url);
      return parsed !== null && parsed.origin === devServer.origin;
    },
    isAppOrigin(origin) {
      return origin === devServer.origin;
    },
  };
}

/**
 * Links the app may hand to the system browser: http(s) with a host and
 * without embedded credentials. Anything else (file:, javascript:, custom
 * protocols that launch local programs) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return false;
  return true;
}
