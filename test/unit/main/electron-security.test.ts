import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { devServerAppUrl, fileAppUrl, isSafeExternalUrl, parseDevServerUrl } from '../../../src-main/electron/app-url.ts';
import {
  applyContentSecurityPolicy,
  guardNavigation,
  guardPermissions,
  guardWindowOpen,
  installWebContentsGuards,
  openInSystemBrowser,
} from '../../../src-main/electron/security.ts';
import { FakeApp, FakeSession, FakeWebContents, fakeEvent, fakes } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule);

const HTML = '/opt/ayni/out/renderer/index.html';
const appUrl = fileAppUrl(HTML);
const APP_URL = appUrl.entryUrl;
const log = { warn: vi.fn() };

// The guards take Electron types; the fakes implement the members they use.
const asContents = (fake: FakeWebContents) => fake as unknown as WebContents;
const asSession = (fake: FakeSession) => fake as unknown as Session;

beforeEach(() => {
  log.warn.mockClear();
});

describe('app URL', () => {
  it('recognises our page with any hash or query, and nothing else', () => {
    expect(appUrl.isAppUrl(APP_URL)).toBe(true);
    expect(appUrl.isAppUrl(`${APP_URL}#/tickets/42`)).toBe(true);
    expect(appUrl.isAppUrl(`${APP_URL}?x=1`)).toBe(true);
    expect(appUrl.isAppUrl('file:///etc/passwd')).toBe(false);
    expect(appUrl.isAppUrl('file:///opt/ayni/out/renderer/other.html')).toBe(false);
    expect(appUrl.isAppUrl('https://example.com/opt/ayni/out/renderer/index.html')).toBe(false);
    expect(appUrl.isAppUrl('not a url')).toBe(false);
  });

  it('accepts a dev server only on loopback over http', () => {
    expect(parseDevServerUrl('http://localhost:5173')?.origin).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://127.0.0.1:5173/')?.origin).toBe('http://127.0.0.1:5173');
    expect(parseDevServerUrl('http://evil.example:5173')).toBeNull();
    expect(parseDevServerUrl('https://localhost:5173')).toBeNull();
    expect(parseDevServerUrl('http://user:pw@localhost:5173')).toBeNull();
    expect(parseDevServerUrl('')).toBeNull();
    expect(parseDevServerUrl(undefined)).toBeNull();
  });

  it('treats every path on the dev server origin as the app, and other ports as foreign', () => {
    const dev = devServerAppUrl(new URL('http://localhost:5173/'));
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppOrigin('http://localhost:5173')).toBe(true);
  });

  it('lets only plain http(s) links reach the system browser', () => {
    expect(isSafeExternalUrl('https://soporte.ayni.pe/ayuda')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'https://u:p@example.com', 'nonsense']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('navigation guards', () => {
  it('blocks navigation and redirects away from the app, allows our own page', () => {
    const contents = new FakeWebContents();
    guardNavigation(asContents(contents), appUrl, log);

    const away = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);

    const home = fakeEvent({ url: `${APP_URL}#/cola` });
    contents.emit('will-navigate', home, home.url);
    expect(home.defaultPrevented).toBe(false);

    const redirect = fakeEvent({ url: 'http://127.0.0.1:9/phish' });
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.defaultPrevented).toBe(true);

    const fileElsewhere = fakeEvent({ url: 'file:///home/tecnico/Descargas/x.html' });
    contents.emit('will-navigate', fileElsewhere, fileElsewhere.url);
    expect(fileElsewhere.defaultPrevented).toBe(true);
    expect(log.warn).toHaveBeenCalledTimes(3);
  });

  it('blocks every sub-frame navigation and every webview', () => {
    const contents = new FakeWebContents();
    guardNavigation(asContents(contents), appUrl, log);

    const frame = fakeEvent({ url: APP_URL, isMainFrame: false });
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);

    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies every window.open and sends only safe links to the system browser', async () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async (_url: string) => undefined);
    guardWindowOpen(asContents(contents), openExternal, log);
    const handler = contents.windowOpenHandler;
    if (handler === null) throw new Error('no window open handler was installed');

    expect(handler({ url: 'https://www.sunat.gob.pe/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: APP_URL })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.sunat.gob.pe/']]);
  });

  it('logs, instead of crashing, when the system browser cannot open a link', async () => {
    const contents = new FakeWebContents();
    let reject: (error: Error) => void = () => undefined;
    const openExternal = vi.fn(() => new Promise<void>((_resolve, r) => (reject = r)));
    guardWindowOpen(asContents(contents), openExternal, log);
    contents.windowOpenHandler?.({ url: 'https://example.com/' });
    reject(new Error('no browser'));
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no browser')));
  });

  it('hands only safe links to the OS, whoever calls it', async () => {
    fakes.openExternal.mockClear();
    await expect(openInSystemBrowser('file:///etc/passwd')).rejects.toThrow('Enlace no permitido');
    await expect(openInSystemBrowser('javascript:alert(1)')).rejects.toThrow('Enlace no permitido');
    await openInSystemBrowser('https://www.gob.pe/');
    expect(fakes.openExternal.mock.calls).toEqual([['https://www.gob.pe/']]);
  });

  it('guards every web contents the app creates', () => {
    const app = new FakeApp();
    installWebContentsGuards(app as unknown as App, { appUrl, openExternal: vi.fn(async () => undefined), log });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);

    const away = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  function decide(session: FakeSession, permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    session.permissionRequestHandler?.(null, permission, (value) => (granted = value), { requestingUrl });
    if (granted === undefined) throw new Error('the request handler did not answer');
    return granted;
  }

  it('denies every permission request except notifications from our page', () => {
    const session = new FakeSession();
    guardPermissions(asSession(session), appUrl);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'display-capture', 'hid', 'unknown']) {
      expect(decide(session, permission, APP_URL), permission).toBe(false);
    }
    expect(decide(session, 'notifications', APP_URL)).toBe(true);
    expect(decide(session, 'notifications', 'https://evil.example/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const session = new FakeSession();
    guardPermissions(asSession(session), appUrl);
    const check = session.permissionCheckHandler;
    if (check === null) throw new Error('no permission check handler was installed');
    expect(check(null, 'media', 'file://', { requestingUrl: APP_URL, isMainFrame: true })).toBe(false);
    expect(check(null, 'geolocation', 'file://', { isMainFrame: true })).toBe(false);
    expect(check(null, 'notifications', 'file://', { requestingUrl: APP_URL, isMainFrame: true })).toBe(true);
    expect(check(null, 'notifications', 'https://evil.example', { requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(check(null, 'notifications', 'file://', { isMainFrame: true })).toBe(true);
    expect(check(null, 'notifications', 'https://evil.example', { isMainFrame: true })).toBe(false);
  });
});

describe('content security policy', () => {
  /** Runs the session's header hook on one response and returns the headers it lets through. */
  function respond(responseHeaders?: Record<string, string[]>): Record<string, string[] | string> {
    const session = new FakeSession();
    applyContentSecurityPolicy(asSession(session));
    let headers: Record<string, string[] | string> | undefined;
    session.headersListener?.({ url: 'http://localhost:5173/', ...(responseHeaders === undefined ? {} : { responseHeaders }) }, (response) => {
      headers = response.responseHeaders;
    });
    if (headers === undefined) throw new Error('the header hook did not answer');
    return headers;
  }

  function directives(policy: unknown): Record<string, string> {
    if (!Array.isArray(policy) || policy.length !== 1 || typeof policy[0] !== 'string') throw new Error(`expected one policy, got ${String(policy)}`);
    return Object.fromEntries(
      policy[0].split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
  }

  it('is the strict policy the renderer declares, plus frame-ancestors', () => {
    expect(directives(respond()['Content-Security-Policy'])).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('replaces any policy a response carries and keeps the other headers', () => {
    const headers = respond({ 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] });
    expect(Object.keys(headers).sort()).toEqual(['Content-Security-Policy', 'Content-Type']);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(directives(headers['Content-Security-Policy'])['default-src']).toBe("'none'");
  });
});
