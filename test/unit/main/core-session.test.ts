/**
 * The desk core against the real server of record (src-server, PGlite in
 * memory, the small test company of test/server/support/fixtures.ts): login
 * and initial sync, edits pushed to the server, the session kept through the
 * token store, logout keeping queued edits, rejections in Needs attention,
 * assignment notices, and the token relayed from the worker to its host.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeskCore, type DeskCore, type DeskCoreOptions } from '../../../src-main/core/desk-core.ts';
import { memoryTokenStore } from '../../../src-main/core/sync/token-store.ts';
import { startDeskCoreWorker } from '../../../src-main/core/worker-host.ts';
import type { DeskEventName } from '../../../src-shared/ipc/names.ts';
import type { Session } from '../../../src-shared/ipc/work-calls.ts';
import { startServer, type RunningServer } from '../../../src-server/server.ts';
import { EMAILS, IDS, insertFixtures, PASSWORD } from '../../server/support/fixtures.ts';
import { mustOk } from '../cache/helpers.ts';
import { recordingLogger, tempDataDir } from './core-test-helpers.ts';

const REAL_WORKER = new URL('../../../src-main/core/worker.ts', import.meta.url);
/** Short retries: the tests wait on states, and a server that is back should be noticed soon. */
const FAST_SYNC = { backoff: { baseMs: 50, maxMs: 400 }, requestTimeoutMs: 10_000 } as const;

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let tokens: ReturnType<typeof memoryTokenStore>;
let core: DeskCore;
let events: Array<{ event: DeskEventName; payload: unknown }>;

beforeAll(async () => {
  server = await startServer();
  await server.db.transaction((tx) => insertFixtures(tx));
});

afterAll(async () => {
  await server?.close();
});

function openCore(extra: Partial<DeskCoreOptions> = {}): DeskCore {
  const desk = createDeskCore({ dataDir: data.dir, mode: 'web', appVersion: '9.9.9-test', validateOutputs: true, log: recordingLogger(), serverUrl: server.url, tokens, syncTuning: FAST_SYNC, ...extra });
  desk.onEvent((event, payload) => events.push({ event, payload }));
  return desk;
}

beforeEach(async () => {
  data = await tempDataDir();
  tokens = memoryTokenStore();
  events = [];
  core = openCore();
});

afterEach(async () => {
  await core.close();
  await data.remove();
});

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  return mustOk(await core.handle(name, input)) as T;
}

function payloads<T>(event: DeskEventName): T[] {
  return events.filter((e) => e.event === event).map((e) => e.payload as T);
}

async function loginAndSync(email: string = EMAILS.technician): Promise<Session> {
  const session = await call<Session>('session.login', { email, password: PASSWORD });
  await vi.waitFor(() => expect(payloads<{ state: string }>('sync.status').at(-1)?.state).toBe('online'), { timeout: 20_000 });
  return session;
}

/** Another person working on the server directly (a dispatcher's or supervisor's desk). */
async function otherDesk(email: string): Promise<{ push(name: string, args: Record<string, unknown>): Promise<unknown> }> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const clientId = `other-${randomUUID()}`;
  let seq = 0;
  return {
    async push(name, args) {
      seq += 1;
      const response = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId, schemaVersion: 1, mutations: [{ seq, id: randomUUID(), name, args }] }),
      });
      const body = (await response.json()) as { results: Array<{ status: string; code?: string }> };
      expect(body.results[0]).toMatchObject({ status: 'applied' });
      return body;
    },
  };
}

async function newTicketOnServer(subject: string): Promise<string> {
  const id = randomUUID();
  await (await otherDesk(EMAILS.supervisor)).push('ticket.create', { id, customerId: IDS.customer, type: 'incidencia', channel: 'portal', urgency: 'high', subject });
  return id;
}

/** A ticket made on the server and already pulled into this desk's cache. */
async function syncedTicket(subject: string): Promise<string> {
  const id = await newTicketOnServer(subject);
  await call('sync.now');
  await vi.waitFor(async () => expect(await call('ticket.get', { id })).not.toBeNull(), { timeout: 20_000 });
  return id;
}

async function serverNotes(ticketId: string): Promise<string[]> {
  return (await server.db.query<{ body: string }>("SELECT body FROM ticket_events WHERE ticket_id = $1 AND kind = 'note' ORDER BY created_at", [ticketId])).map((r) => r.body);
}

describe('session and sync against the server of record', () => {
  it('signs in, downloads the company and pushes an edit the server then holds', async () => {
    expect(await call('session.get')).toEqual({ signedIn: false, user: null, serverUrl: server.url });
    const wrong = await core.handle('session.login', { email: EMAILS.technician, password: 'no-es-la-clave' });
    expect(wrong.ok === false && wrong.error.code).toBe('INVALID_CREDENTIALS');

    const session = await loginAndSync();
    expect(session).toEqual({ signedIn: true, user: { id: IDS.technician, name: 'Tomás Técnico', email: EMAILS.technician, role: 'technician' }, serverUrl: server.url });
    expect(payloads('session.changed')).toEqual([session]);
    expect(await call<unknown[]>('users.list')).toHaveLength(5);
    expect(payloads<{ entities: string[] }>('rows.changed').flatMap((p) => p.entities)).toEqual(expect.arrayContaining(['user', 'customer', 'calendarDay']));

    const ticketId = await syncedTicket('El ERP no abre');
    const saved = await call<{ entityId: string }>('edit.apply', { name: 'ticket.addNote', args: { ticketId, kind: 'note', body: 'Reinicié el servicio del ERP' } });
    await vi.waitFor(async () => expect(await serverNotes(ticketId)).toEqual(['Reinicié el servicio del ERP']), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await call('sync.status')).toMatchObject({ state: 'online', pendingEdits: 0 }), { timeout: 20_000 });
    const detail = await call<{ pendingSync: boolean; events: Array<{ id: string }> }>('ticket.get', { id: ticketId });
    expect(detail.events.map((e) => e.id)).toContain(saved.entityId);
  });

  it('keeps the session across restarts through the token store; logout keeps queued edits for the next login', async () => {
    await loginAndSync();
    expect(tokens.peek()).not.toBeNull();
    await core.close();
    core = openCore();
    expect(await call('session.get')).toMatchObject({ signedIn: true, user: { id: IDS.technician } });

    const ticketId = await syncedTicket('Impresora atascada');
    expect(await call('session.logout')).toEqual({ pendingEdits: 0 });
    expect(tokens.peek()).toBeNull();
    expect(await call('session.get')).toEqual({ signedIn: false, user: null, serverUrl: server.url });

    await call('edit.apply', { name: 'ticket.addNote', args: { ticketId, kind: 'note', body: 'Anotado sin sesión' } });
    expect(await call('sync.status')).toMatchObject({ state: 'signedOut', pendingEdits: 1 });
    expect(await call('session.logout')).toEqual({ pendingEdits: 1 });
    expect(await call('sync.now')).toEqual({ started: false });

    await loginAndSync();
    await vi.waitFor(async () => expect(await serverNotes(ticketId)).toEqual(['Anotado sin sesión']), { timeout: 20_000 });
  });

  it('lists an edit the server refuses under Needs attention, with its ticket, and announces the count', async () => {
    await loginAndSync();
    const ticketId = await syncedTicket('Pantalla azul');
    // An edit of a version someone else already changed: only the server can know, and it answers CONFLICT.
    // (A technician's assignment, the old example here, is now refused by the desk before it is queued.)
    await call('edit.apply', { name: 'ticket.update', args: { id: ticketId, expectedRev: 'a-version-nobody-has', patch: { subject: 'Pantalla azul (editado)' } } });
    await vi.waitFor(() => expect(payloads('attention.changed').at(-1)).toEqual({ count: 1 }), { timeout: 20_000 });
    const [item] = await call<Array<{ id: number; ticketId: string; code: string; mutationName: string }>>('attention.list');
    expect(item).toMatchObject({ ticketId, code: 'CONFLICT', mutationName: 'ticket.update' });
    expect((await call<{ ticket: { subject: string } }>('ticket.get', { id: ticketId })).ticket.subject).toBe('Pantalla azul');
    expect(await call('attention.discard', { id: item!.id })).toEqual({ discarded: true });
    expect(payloads('attention.changed').at(-1)).toEqual({ count: 0 });
    expect(await call('attention.discard', { id: item!.id })).toEqual({ discarded: false });
  });

  it('announces tickets someone else assigns to the signed-in user, and not the ones they assign to themself', async () => {
    await loginAndSync(EMAILS.dispatcher);
    const byOther = await newTicketOnServer('Asignado por supervisión');
    const byMe = await syncedTicket('Me lo asigno yo');

    await call('edit.apply', { name: 'ticket.assign', args: { id: byMe, assigneeId: IDS.dispatcher } });
    await (await otherDesk(EMAILS.supervisor)).push('ticket.assign', { id: byOther, assigneeId: IDS.dispatcher });
    // The server's poke brings the supervisor's change; sync.now only makes sure it is not left to the poll.
    await call('sync.now');
    await vi.waitFor(() => expect(payloads('ticket.assigned')).toEqual([{ ticketId: byOther, number: expect.any(Number), subject: 'Asignado por supervisión' }]), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await call('sync.status')).toMatchObject({ state: 'online', pendingEdits: 0 }), { timeout: 20_000 });
    expect(payloads<{ ticketId: string }>('ticket.assigned').map((p) => p.ticketId)).toEqual([byOther]);
  });

  it('keeps the working session when a login to another server fails', async () => {
    await loginAndSync();
    const elsewhere = await core.handle('session.login', { serverUrl: 'http://127.0.0.1:9', email: EMAILS.technician, password: PASSWORD });
    expect(elsewhere.ok === false && elsewhere.error.code).toBe('OFFLINE');
    expect(await call('session.get')).toMatchObject({ signedIn: true, serverUrl: server.url });
    const notHttp = await core.handle('session.login', { serverUrl: 'ftp://127.0.0.1/', email: EMAILS.technician, password: PASSWORD });
    expect(notHttp.ok === false && notHttp.error.code).toBe('VALIDATION');
  });

  it('signs out with a reason when the server ends the session, keeping queued edits', async () => {
    await loginAndSync();
    const ticketId = await syncedTicket('Sin sesión');
    const token = tokens.peek();
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token ?? ''}` } });
    await call('edit.apply', { name: 'time.log', args: { ticketId, kind: 'remote', minutes: 15, workDate: '2026-03-10' } });
    await vi.waitFor(async () => expect(await call('session.get')).toMatchObject({ signedIn: false, reason: expect.stringMatching(/expiró/) }), { timeout: 20_000 });
    expect(payloads<Session>('session.changed').at(-1)).toMatchObject({ signedIn: false, reason: expect.any(String) });
    expect(await call('sync.status')).toMatchObject({ state: 'signedOut', pendingEdits: 1 });
  });
});

describe('the token through the worker host', () => {
  it('is kept by the host, so a restarted worker is still signed in, and logout clears it there', async () => {
    const hostTokens = memoryTokenStore();
    const start = () => startDeskCoreWorker({ workerPath: REAL_WORKER, dataDir: data.dir, mode: 'web', appVersion: '1.2.3-test', serverUrl: server.url, tokens: hostTokens });
    await core.close();
    let host = start();
    try {
      expect(await host.call('session.login', { email: EMAILS.technician, password: PASSWORD })).toMatchObject({ ok: true, value: { signedIn: true } });
      expect(hostTokens.peek()).toEqual(expect.any(String));
      await host.close();
      host = start();
      expect(await host.call('session.get', {})).toMatchObject({ ok: true, value: { signedIn: true, user: { id: IDS.technician } } });
      expect(await host.call('session.logout', {})).toEqual({ ok: true, value: { pendingEdits: 0 } });
      expect(hostTokens.peek()).toBeNull();
    } finally {
      await host.close();
      core = openCore();
    }
  });
});
