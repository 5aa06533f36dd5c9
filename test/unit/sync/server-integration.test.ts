/**
 * The sync engine against the real server of record (src-server, PGlite in
 * memory): login, initial sync, a create that gets its number from the
 * server, a rejection with the server's own code and message, pokes over
 * the real SSE stream, and a session ended on the server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src-server/server.ts';
import { DEFAULT_NOW, EMAILS, IDS, insertFixtures, PASSWORD } from '../../server/support/fixtures.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { SyncEngine } from '../../../src-main/core/sync/engine.ts';
import { memoryTokenStore } from '../../../src-main/core/sync/token-store.ts';
import { memoryLogger, mustOk, mustOpen, tempDir } from '../cache/helpers.ts';
import { ManualScheduler } from './manual-scheduler.ts';
import { statusWhere } from './harness.ts';

let server: RunningServer;
let cache: CacheStore;
let engine: SyncEngine;
let cleanup: () => void;
const tokens = memoryTokenStore();
const scheduler = new ManualScheduler();
const now = () => DEFAULT_NOW;

beforeAll(async () => {
  server = await startServer({ now });
  await server.db.transaction((tx) => insertFixtures(tx));
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  cache = mustOpen(tmp.dir, { now });
  engine = new SyncEngine({ cache, serverUrl: server.url, fetch: (input, init) => fetch(input, init), tokens, scheduler, random: () => 0.5, logger: memoryLogger(), pageLimit: 50 });
  await engine.start();
});

afterAll(async () => {
  await engine?.stop();
  cache?.close();
  await server?.close();
  cleanup?.();
});

async function loginAsOther(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return ((await response.json()) as { token: string }).token;
}

describe('desk sync against the real server (PGlite)', () => {
  it('logs in and downloads the company', async () => {
    expect(engine.status().state).toBe('signedOut');
    expect(await engine.login(EMAILS.technician, 'no-es-la-clave')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    const user = mustOk(await engine.login(EMAILS.technician, PASSWORD));
    expect(user).toMatchObject({ id: IDS.technician, role: 'technician' });
    mustOk(await engine.syncNow());
    expect(engine.status()).toMatchObject({ state: 'online', pendingEdits: 0 });
    expect(cache.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 5 });
    expect(cache.db.prepare('SELECT name, tier FROM customers').all()).toEqual([{ name: 'Inversiones Rímac S.A.C.', tier: 'business' }]);
    expect((cache.db.prepare('SELECT count(*) AS n FROM calendar_days').get() as { n: number }).n).toBeGreaterThan(10);
  });

  it('a ticket created offline-style gets its number from the server', async () => {
    const id = randomUUID();
    mustOk(engine.edit('ticket.create', { id, customerId: IDS.customer, type: 'incidencia', channel: 'portal', urgency: 'high', subject: 'El ERP no abre', description: 'Error 500 al entrar' }));
    expect(cache.queries.ticketDetail(id)).toMatchObject({ ticket: { number: null }, pendingSync: true });
    mustOk(await engine.syncNow());
    const detail = cache.queries.ticketDetail(id);
    expect(detail?.ticket.number).toEqual(expect.any(Number));
    expect(detail?.pendingSync).toBe(false);
    expect(mustOk(cache.queries.queuePage({ view: 'unassigned', search: 'erp' })).rows.map((r) => r.id)).toEqual([id]);
  });

  it('a mutation the server rejects is rolled back and listed with the server code', async () => {
    const [row] = mustOk(cache.queries.queuePage({ view: 'all', search: 'erp' })).rows;
    mustOk(engine.edit('ticket.setStatus', { id: row!.id, status: 'onsite_scheduled' }));
    expect(cache.queries.ticketDetail(row!.id)?.ticket.status).toBe('onsite_scheduled');
    mustOk(await engine.syncNow());
    expect(cache.queries.ticketDetail(row!.id)).toMatchObject({ ticket: { status: 'new' }, pendingSync: false });
    expect(cache.needsAttention()).toEqual([expect.objectContaining({ name: 'ticket.setStatus', code: 'INVALID_TRANSITION' })]);
    mustOk(engine.discardNeedsAttention(cache.needsAttention()[0]!.id));
  });

  it('a change made by another user arrives through a poke on the event stream', async () => {
    const [row] = mustOk(cache.queries.queuePage({ view: 'all', search: 'erp' })).rows;
    const dispatcher = await loginAsOther(EMAILS.dispatcher);
    const changed = new Promise<void>((resolve) => {
      const off = engine.onRowsChanged(() => {
        if (cache.queries.ticketDetail(row!.id)?.ticket.assigneeId === IDS.technician2) {
          off();
          resolve();
        }
      });
    });
    const push = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${dispatcher}` },
      body: JSON.stringify({ clientId: 'otra-consola-01', schemaVersion: 1, mutations: [{ seq: 1, id: randomUUID(), name: 'ticket.assign', args: { id: row!.id, assigneeId: IDS.technician2 } }] }),
    });
    expect(((await push.json()) as { results: { status: string }[] }).results).toEqual([{ seq: 1, status: 'applied' }]);
    await changed;
    expect(cache.queries.ticketDetail(row!.id)?.assignee?.name).toBe('Tania Técnica');
  });

  it('a session ended on the server signs the desk out and keeps the queued edit', async () => {
    const [row] = mustOk(cache.queries.queuePage({ view: 'all', search: 'erp' })).rows;
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${tokens.peek()!}` } });
    mustOk(engine.edit('ticket.addNote', { id: randomUUID(), ticketId: row!.id, kind: 'note', body: 'Cliente no contesta' }));
    await statusWhere(engine, (s) => s.state === 'signedOut');
    expect(engine.status().pendingEdits).toBe(1);
    expect(engine.status().message).toMatch(/sus cambios pendientes se conservan/);
    mustOk(await engine.login(EMAILS.technician, PASSWORD));
    mustOk(await engine.syncNow());
    expect(engine.status()).toMatchObject({ state: 'online', pendingEdits: 0 });
    expect(cache.queries.ticketDetail(row!.id)?.events.map((e) => e.body)).toContain('Cliente no contesta');
    expect(scheduler.pending()).toContain(30_000);
  });
});
