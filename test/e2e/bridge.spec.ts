/**
 * The browser bridge's guard rails, tested from the outside: a real Chromium
 * and a plain WebSocket client against a bridge started by the `desk` fixture.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import WebSocket from 'ws';
import { BRIDGE_PATH } from '../../src-shared/ipc/bridge-protocol.ts';
import { expect, test, type DeskUnderTest } from './fixtures.ts';

function socketUrl(desk: DeskUnderTest, token = desk.token): string {
  return `ws://127.0.0.1:${desk.port}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
}

/** Opens a socket from Node with the given headers; resolves with the socket, or the HTTP status that refused it. */
function open(url: string, origin?: string): Promise<{ socket: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once('error', (error) => reject(error));
  });
}

async function openOk(desk: DeskUnderTest): Promise<WebSocket> {
  const opened = await open(socketUrl(desk), desk.origin);
  if (!('socket' in opened)) throw new Error(`bridge refused the right token and origin: ${opened.refused}`);
  return opened.socket;
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))));
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code: number) => resolve(code)));
}

/** What a page gets when it opens a socket: the first message after sending `send`, or the close code. */
async function browserSocket(page: import('@playwright/test').Page, url: string, send?: unknown) {
  return page.evaluate(
    ({ url, send }) =>
      new Promise<{ opened: boolean; closeCode?: number; reply?: unknown }>((resolve) => {
        let opened = false;
        const ws = new WebSocket(url);
        ws.onopen = () => {
          opened = true;
          if (send !== undefined) ws.send(JSON.stringify(send));
          else ws.close(1000);
        };
        ws.onmessage = (event) => {
          const reply: unknown = JSON.parse(String(event.data));
          if ((reply as { type?: string }).type === 'result') {
            ws.close(1000);
            resolve({ opened, reply });
          }
        };
        ws.onclose = (event) => resolve({ opened, closeCode: event.code });
      }),
    { url, send },
  );
}

test.describe('browser bridge', () => {
  test('a page from the bridge origin with the token can call app.info', async ({ page, desk }) => {
    const result = await browserSocket(page, socketUrl(desk), { type: 'call', id: 1, name: 'app.info', input: {} });
    expect(result.opened).toBe(true);
    expect(result.reply).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { mode: 'web' } } });
  });

  test('a wrong or missing token is refused before the upgrade', async ({ page, desk }) => {
    const wrong = await browserSocket(page, socketUrl(desk, `${desk.token.slice(0, -2)}xx`));
    expect(wrong).toEqual({ opened: false, closeCode: 1006 });

    expect(await open(socketUrl(desk, 'not-the-token-but-long-enough'), desk.origin)).toEqual({ refused: 403 });
    expect(await open(`ws://127.0.0.1:${desk.port}${BRIDGE_PATH}`, desk.origin)).toEqual({ refused: 403 });
  });

  test('another origin, or none, is refused even with the right token', async ({ browser, desk }) => {
    const context = await browser.newContext();
    const stranger = await context.newPage();
    await stranger.setContent('<title>otra página</title>'); // about:blank: origin "null"
    expect(await browserSocket(stranger, socketUrl(desk))).toEqual({ opened: false, closeCode: 1006 });
    await context.close();

    expect(await open(socketUrl(desk), 'http://evil.example')).toEqual({ refused: 403 });
    expect(await open(socketUrl(desk), `http://localhost:${desk.port}`)).toEqual({ refused: 403 });
    expect(await open(socketUrl(desk))).toEqual({ refused: 403 });
  });

  test('a well-formed call gets its result; a malformed one gets VALIDATION', async ({ desk }) => {
    const socket = await openOk(desk);
    socket.send(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: {} }));
    expect(await nextMessage(socket)).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { mode: 'web' } } });

    socket.send(JSON.stringify({ type: 'call', id: 2, name: 'tickets.dropAll', input: {} }));
    expect(await nextMessage(socket)).toMatchObject({ type: 'result', id: 2, result: { ok: false, error: { code: 'VALIDATION' } } });

    socket.send(JSON.stringify({ type: 'call', id: 3, name: 'calendar.month', input: { year: 2026, month: 13 } }));
    expect(await nextMessage(socket)).toMatchObject({ type: 'result', id: 3, result: { ok: false, error: { code: 'VALIDATION' } } });

    socket.send(JSON.stringify({ type: 'call', id: 4, name: 'app.info', input: {}, extra: true }));
    expect(await nextMessage(socket)).toMatchObject({ type: 'result', id: 4, result: { ok: false, error: { code: 'VALIDATION' } } });
    socket.close();
  });

  test('a message without a readable id, or not JSON, closes the socket with 1003', async ({ desk }) => {
    const noId = await openOk(desk);
    const noIdClosed = closed(noId);
    noId.send(JSON.stringify({ type: 'call', name: 'app.info', input: {} }));
    expect(await noIdClosed).toBe(1003);

    const notJson = await openOk(desk);
    const notJsonClosed = closed(notJson);
    notJson.send('{"type": "call", ');
    expect(await notJsonClosed).toBe(1003);
  });

  test('push events reach connected pages', async ({ desk }) => {
    const socket = await openOk(desk);
    const events: unknown[] = [];
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { type: string };
      if (message.type === 'event') events.push(message);
    });
    socket.send(JSON.stringify({ type: 'call', id: 1, name: 'settings.update', input: { locale: 'en' } }));
    await expect.poll(() => events).toContainEqual({ type: 'event', event: 'settings.changed', payload: { locale: 'en' } });
    // Put the shared desk back as the other tests expect it.
    socket.send(JSON.stringify({ type: 'call', id: 2, name: 'settings.update', input: { locale: 'es-PE' } }));
    await expect.poll(() => events).toContainEqual({ type: 'event', event: 'settings.changed', payload: { locale: 'es-PE' } });
    socket.close();
  });

  test('the server listens on 127.0.0.1 only', async ({ desk }) => {
    const reach = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host, port: desk.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    expect(await reach('127.0.0.1')).toBe('connected');
    // Linux routes all of 127/8 to loopback: only a socket bound to 127.0.0.1 itself (not 0.0.0.0) refuses 127.0.0.2.
    expect(await reach('127.0.0.2')).toBe('ECONNREFUSED');
    expect(await reach('::1')).not.toBe('connected');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i!.address);
    for (const address of external) expect(await reach(address), address).not.toBe('connected');
  });

  test('the page is served with the bridge CSP and nosniff', async ({ page, desk }) => {
    const response = await page.request.get(`${desk.origin}/`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${desk.port}`);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
