/**
 * The browser bridge client against a fake WebSocket: correlation of ids,
 * validation of everything the host sends, bounded waiting while offline,
 * reconnects with backoff, and calls that never throw.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BAD_RESPONSE, createBridgeClient, DESK_UNAVAILABLE, type BridgeClient, type BridgeSocket } from '../../../src-renderer/src/desk/bridge-client.ts';
import { tokenFromHash } from '../../../src-renderer/src/desk/token.ts';

class FakeSocket implements BridgeSocket {
  readyState = 0;
  readonly sent: Array<{ id: number; name: string; input: unknown; type: string }> = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close(): void {
    this.closed = true;
  }
  // Test controls: what the network would do.
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
  answer(index: number, result: unknown): void {
    const request = this.sent[index];
    if (!request) throw new Error(`no request #${index}`);
    this.receive({ type: 'result', id: request.id, result });
  }
}

const SETTINGS = { ok: true, value: { locale: 'es-PE' } };
const SYNC = { state: 'online', pendingEdits: 2, lastSyncAt: '2026-07-28T14:00:00.000Z' };

let sockets: FakeSocket[];
let reports: string[];
let client: BridgeClient;

function latest(): FakeSocket {
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no socket yet');
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  reports = [];
  client = createBridgeClient({
    url: 'ws://127.0.0.1:1234/desk?token=abc',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    offlineWaitMs: 1_000,
    reconnectBaseMs: 100,
    reconnectMaxMs: 400,
    report: (message) => reports.push(message),
  });
});

afterEach(() => {
  client.dispose();
  vi.useRealTimers();
});

describe('calls', () => {
  it('waits for the socket, then sends and resolves with the validated value', async () => {
    expect(client.connectionState()).toBe('connecting');
    expect(latest().url).toBe('ws://127.0.0.1:1234/desk?token=abc');
    const pending = client.call('settings.get', {});
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'call', id: 1, name: 'settings.get', input: {} }]);
    latest().answer(0, SETTINGS);
    await expect(pending).resolves.toEqual(SETTINGS);
  });

  it('matches answers to calls by id, in any order', async () => {
    latest().open();
    const settings = client.call('settings.get', {});
    const sync = client.call('sync.status', {});
    latest().answer(1, { ok: true, value: SYNC });
    latest().answer(0, SETTINGS);
    await expect(sync).resolves.toEqual({ ok: true, value: SYNC });
    await expect(settings).resolves.toEqual(SETTINGS);
  });

  it('passes the desk’s errors through as data', async () => {
    latest().open();
    const call = client.call('calendar.month', { year: 2026, month: 7 });
    latest().answer(0, { ok: false, error: { code: 'VALIDATION', message: 'Datos no válidos' } });
    await expect(call).resolves.toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Datos no válidos' } });
  });

  it('refuses a value of the wrong shape instead of handing it to the UI', async () => {
    latest().open();
    const call = client.call('settings.get', {});
    latest().answer(0, { ok: true, value: { locale: 'fr' } });
    const result = await call;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(BAD_RESPONSE);
    expect(reports.some((r) => r.includes('settings.get'))).toBe(true);
  });

  it('ignores and reports junk: not JSON, unknown shapes, unknown ids', async () => {
    latest().open();
    const call = client.call('settings.get', {});
    latest().receive('not json {');
    latest().receive({ type: 'surprise' });
    latest().receive({ type: 'result', id: 999, result: SETTINGS });
    expect(reports).toHaveLength(3);
    latest().answer(0, SETTINGS);
    await expect(call).resolves.toEqual(SETTINGS);
  });
});

describe('while disconnected', () => {
  it('a call waits a bounded time, then resolves DESK_UNAVAILABLE', async () => {
    const call = client.call('settings.get', {});
    vi.advanceTimersByTime(999);
    let settled = false;
    void call.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    const result = await call;
    expect(result).toMatchObject({ ok: false, error: { code: DESK_UNAVAILABLE } });
    if (!result.ok) expect(result.error.message).toMatch(/^Se perdió la conexión con el motor local/);
    // Given up calls are not sent later.
    latest().open();
    expect(latest().sent).toEqual([]);
  });

  it('a call in flight when the socket drops resolves DESK_UNAVAILABLE at once and is not resent', async () => {
    latest().open();
    const call = client.call('settings.get', {});
    latest().drop();
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: DESK_UNAVAILABLE } });
    vi.advanceTimersByTime(100);
    latest().open();
    expect(latest().sent).toEqual([]);
  });

  it('reconnects with growing delays up to the maximum, and resets after a success', () => {
    const states: string[] = [];
    client.onConnectionChange((state) => states.push(state));
    latest().drop();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    latest().drop();
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    latest().drop();
    vi.advanceTimersByTime(400);
    expect(sockets).toHaveLength(4);
    latest().drop();
    vi.advanceTimersByTime(400); // capped at reconnectMaxMs
    expect(sockets).toHaveLength(5);
    latest().open();
    expect(client.connectionState()).toBe('open');
    latest().drop();
    vi.advanceTimersByTime(100); // back to the first delay after a successful open
    expect(sockets).toHaveLength(6);
    expect(states.slice(0, 3)).toEqual(['closed', 'connecting', 'closed']);
    expect(states).toContain('open');
  });

  it('sends calls queued during a reconnect once the new socket opens', async () => {
    latest().open();
    latest().drop();
    const call = client.call('sync.status', {});
    vi.advanceTimersByTime(100);
    latest().open();
    expect(latest().sent.map((r) => r.name)).toEqual(['sync.status']);
    latest().answer(0, { ok: true, value: SYNC });
    await expect(call).resolves.toEqual({ ok: true, value: SYNC });
  });
});

describe('events', () => {
  it('delivers validated payloads to subscribers until they unsubscribe', () => {
    latest().open();
    const seen: unknown[] = [];
    const unsubscribe = client.on('sync.status', (status) => seen.push(status.state));
    latest().receive({ type: 'event', event: 'sync.status', payload: SYNC });
    latest().receive({ type: 'event', event: 'sync.status', payload: { state: 'teleporting' } });
    unsubscribe();
    latest().receive({ type: 'event', event: 'sync.status', payload: SYNC });
    expect(seen).toEqual(['online']);
    expect(reports).toHaveLength(1);
  });

  it('one failing listener does not stop the others', () => {
    latest().open();
    const seen: string[] = [];
    client.on('settings.changed', () => {
      throw new Error('boom');
    });
    client.on('settings.changed', (settings) => seen.push(settings.locale));
    latest().receive({ type: 'event', event: 'settings.changed', payload: { locale: 'en' } });
    expect(seen).toEqual(['en']);
    expect(reports.some((r) => r.includes('settings.changed'))).toBe(true);
  });
});

describe('dispose', () => {
  it('closes the socket, settles everything pending and stops reconnecting', async () => {
    latest().open();
    const inFlight = client.call('settings.get', {});
    client.dispose();
    expect(sockets[0]?.closed).toBe(true);
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: DESK_UNAVAILABLE } });
    await expect(client.call('settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: DESK_UNAVAILABLE } });
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(client.connectionState()).toBe('closed');
  });
});

describe('tokenFromHash', () => {
  it('reads the token from the fragment and ignores routes', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#token=a%2Bb&x=1')).toBe('a+b');
    expect(tokenFromHash('#/settings/calendar')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });
});
