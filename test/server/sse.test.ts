/**
 * GET /api/v1/sync/events over a real socket: pokes on commit (also from
 * another server process sharing the PostgreSQL, via LISTEN/NOTIFY),
 * heartbeats, auth, and the end of the stream when the session ends.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src-shared/protocol/sync.ts';
import { openDatabase } from '../../src-server/db/open.ts';
import { insertUsers } from '../../src-server/entities/index.ts';
import { startServer, type RunningServer } from '../../src-server/server.ts';
import { insertCalendarDaysForTest } from './support/sse-helpers.ts';
import { describeServer } from './support/harness.ts';
import { ticketArgs } from './support/mutations.ts';

interface Stream {
  readonly response: IncomingMessage;
  /** Resolves with everything received so far once `predicate` holds for it. */
  until(predicate: (text: string) => boolean): Promise<string>;
  readonly ended: Promise<void>;
  close(): void;
}

function openStream(url: string, token: string | null): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/v1/sync/events`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      const waiters: Array<{ predicate: (t: string) => boolean; resolve: (t: string) => void }> = [];
      const check = () => {
        for (const waiter of [...waiters]) {
          if (waiter.predicate(text)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(text);
          }
        }
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        check();
      });
      const ended = new Promise<void>((done) => response.on('close', () => done()));
      resolve({
        response,
        until: (predicate) => new Promise((done) => {
          waiters.push({ predicate, resolve: done });
          check();
        }),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describeServer('server-sent events', (h) => {
  let server: RunningServer;
  beforeAll(async () => {
    await h.reset();
    server = await startServer({ db: h.db, port: 0, heartbeatMs: 100, pokeCoalesceMs: 10, now: h.clock.now });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('needs a valid token: 401 with the error shape otherwise', async () => {
    const stream = await openStream(server.url, null);
    expect(stream.response.statusCode).toBe(401);
    const body = await stream.until((t) => t.includes('}}'));
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('pokes once on connect, again when a push commits, and sends heartbeats', async () => {
    const token = await h.token('technician');
    const stream = await openStream(server.url, token);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toContain('text/event-stream');
    const first = await stream.until((t) => t.includes('event: poke'));
    expect(count(first, 'event: poke')).toBe(1);
    const res = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: 'sse-client-0001', schemaVersion: SCHEMA_VERSION, mutations: [{ seq: 1, id: 'm1', name: 'ticket.create', args: ticketArgs() }] }),
    });
    expect(res.status).toBe(200);
    await stream.until((t) => count(t, 'event: poke') >= 2);
    await stream.until((t) => t.includes(': ping'));
    stream.close();
  });

  it('a rejected mutation writes nothing synced and pokes no one', async () => {
    const token = await h.token('technician');
    const stream = await openStream(server.url, token);
    await stream.until((t) => t.includes('event: poke'));
    const res = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: 'sse-client-0002', schemaVersion: SCHEMA_VERSION, mutations: [{ seq: 1, id: 'm1', name: 'ticket.assign', args: { id: ticketArgs().id, assigneeId: null } }] }),
    });
    expect(((await res.json()) as { results: Array<{ status: string }> }).results[0]?.status).toBe('rejected');
    // Several heartbeats later, still only the connect poke.
    const text = await stream.until((t) => count(t, ': ping') >= 3);
    expect(count(text, 'event: poke')).toBe(1);
    stream.close();
  });

  it('ends the stream once the session is gone', async () => {
    const token = await h.token('dispatcher');
    const stream = await openStream(server.url, token);
    await stream.until((t) => t.includes('event: poke'));
    const logout = await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(logout.status).toBe(200);
    await stream.until((t) => t.includes('event: unauthorized'));
    await stream.ended;
  });

  it('startServer refuses to listen beyond loopback once the database has demo users', async () => {
    await h.db.transaction((tx) => insertUsers(tx, [{ id: '00000000-0000-4000-8000-0000000000d1', name: 'Demo', email: 'tecnico@demo.ayni.pe', role: 'technician', homeDistrictUbigeo: null, active: true }]));
    await expect(startServer({ db: h.db, host: '0.0.0.0', port: 0 })).rejects.toThrow(/loopback/);
    const local = await startServer({ db: h.db, host: '127.0.0.1', port: 0 });
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await local.close();
    // close() leaves a database it did not open alone.
    expect(await h.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  if (h.kind === 'postgres') {
    it('pokes when another server process sharing the database commits (LISTEN/NOTIFY)', async () => {
      const stream = await openStream(server.url, await h.token('supervisor'));
      await stream.until((t) => t.includes('event: poke'));
      const other = await openDatabase({ databaseUrl: h.databaseUrl ?? '' });
      try {
        await insertCalendarDaysForTest(other, '2026-06-15');
      } finally {
        await other.close();
      }
      await stream.until((t) => count(t, 'event: poke') >= 2);
      stream.close();
    });
  }
});
