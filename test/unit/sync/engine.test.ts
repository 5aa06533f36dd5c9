import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { mustOk } from '../cache/helpers.ts';
import { createHarness, rowsChanged, statusWhere, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function signedInAndSynced(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  h = createHarness(options);
  await h.engine.start();
  mustOk(await h.engine.login('tecnico@demo.ayni.pe', 'ayni-demo'));
  mustOk(await h.engine.syncNow());
  return h;
}

const openTickets = () => mustOk(h.cache.queries.queuePage({ view: 'all', limit: 500 }));

describe('login and initial sync', () => {
  it('without a token the engine is signed out and asks for a login', async () => {
    h = createHarness();
    await h.engine.start();
    expect(h.engine.status()).toMatchObject({ state: 'signedOut', message: 'Inicie sesión para sincronizar con el servidor.' });
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
  });

  it('wrong credentials are refused and nothing is stored', async () => {
    h = createHarness();
    expect(await h.engine.login('tecnico@demo.ayni.pe', 'wrong')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Correo o contraseña incorrectos.' } });
    expect(h.tokens.peek()).toBeNull();
  });

  it('downloads everything page by page with progress, announces each page, and ends online', async () => {
    h = createHarness({ tickets: 12, engine: { pageLimit: 5 } });
    await h.engine.start();
    mustOk(await h.engine.login('tecnico@demo.ayni.pe', 'ayni-demo'));
    mustOk(await h.engine.syncNow());
    expect(h.engine.status()).toMatchObject({ state: 'online', pendingEdits: 0, lastSyncAt: '2025-03-10T15:00:00.000Z' });
    expect(h.engine.status().progress).toBeUndefined();
    expect(openTickets().total).toBe(12);
    expect(openTickets().rows[0]).toMatchObject({ customerName: 'Clínica Santa Rosa', tier: 'premium' });
    // 16 changes in pages of 5: progress 5/16, 10/16, 15/16, then done.
    const progress = h.statuses.filter((s) => s.progress !== undefined).map((s) => s.progress);
    expect(progress).toEqual([{ done: 5, total: 16 }, { done: 10, total: 16 }, { done: 15, total: 16 }]);
    expect(h.rowEvents.length).toBeGreaterThanOrEqual(4);
    expect(h.server.pulls.slice(0, 4).map((p) => p.cursor)).toEqual([null, 'pos-5', 'pos-10', 'pos-15']);
    expect(h.tokens.peek()).not.toBeNull();
  });
});

describe('edits', () => {
  it('an edit is saved, pushed at once, and confirmed by the following pull', async () => {
    await signedInAndSynced();
    const ticketId = h.seed.ticketIds[0]!;
    const saved = mustOk(h.engine.edit('ticket.setStatus', { id: ticketId, status: 'in_progress' }));
    expect(saved.status).toBe('saved');
    expect(h.cache.queries.ticketDetail(ticketId)).toMatchObject({ ticket: { status: 'in_progress' }, pendingSync: true });
    mustOk(await h.engine.syncNow());
    expect(h.server.row('ticket', ticketId)).toMatchObject({ status: 'in_progress' });
    expect(h.cache.queries.ticketDetail(ticketId)).toMatchObject({ ticket: { status: 'in_progress', updatedAt: '2025-03-10T15:30:00.000Z' }, pendingSync: false });
    expect(h.engine.status()).toMatchObject({ state: 'online', pendingEdits: 0 });
  });

  it('pushes in seq order and in batches', async () => {
    await signedInAndSynced({ engine: { pushBatchSize: 4 } });
    await h.engine.stop();
    for (let i = 0; i < 10; i += 1) mustOk(h.engine.edit('ticket.addNote', { id: randomUUID(), ticketId: h.seed.ticketIds[0]!, kind: 'note', body: `nota ${i}` }));
    mustOk(await h.engine.syncNow());
    expect(h.server.pushes.map((p) => p.seqs)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
    expect(h.cache.queries.ticketDetail(h.seed.ticketIds[0]!)?.events).toHaveLength(10);
  });

  it('a rejected edit is rolled back, listed with the server message, and can be retried corrected', async () => {
    await signedInAndSynced();
    h.server.reject = (m) => (m.name === 'ticket.setStatus' && m.args.status === 'closed' ? { code: 'INVALID_TRANSITION', message: 'Un ticket nuevo no puede cerrarse sin resolverse.' } : null);
    const ticketId = h.seed.ticketIds[1]!;
    mustOk(h.engine.edit('ticket.setStatus', { id: ticketId, status: 'closed' }));
    const changed = rowsChanged(h.engine, 'ticket');
    mustOk(await h.engine.syncNow());
    await changed;
    expect(h.cache.queries.ticketDetail(ticketId)).toMatchObject({ ticket: { status: 'new' }, pendingSync: false });
    const [item] = h.cache.needsAttention();
    expect(item).toMatchObject({ code: 'INVALID_TRANSITION', message: 'Un ticket nuevo no puede cerrarse sin resolverse.', name: 'ticket.setStatus' });
    expect(h.engine.status().pendingEdits).toBe(0);
    mustOk(h.engine.retryNeedsAttention(item!.id, { id: ticketId, status: 'resolved' }));
    mustOk(await h.engine.syncNow());
    expect(h.server.row('ticket', ticketId)).toMatchObject({ status: 'resolved' });
    expect(h.cache.needsAttention()).toEqual([]);
  });

  it('an edit and a concurrent server change to the same ticket both survive', async () => {
    await signedInAndSynced();
    await h.engine.stop();
    const ticketId = h.seed.ticketIds[2]!;
    mustOk(h.engine.edit('ticket.assign', { id: ticketId, assigneeId: h.seed.techId }));
    h.server.commit('ticket', { ...h.server.row('ticket', ticketId)!, urgency: 'critical' });
    mustOk(await h.engine.syncNow());
    expect(h.cache.queries.ticketDetail(ticketId)?.ticket).toMatchObject({ assigneeId: h.seed.techId, urgency: 'critical' });
  });
});

describe('failures', () => {
  it('a dropped connection leaves the desk offline with edits queued, and retries with growing, jittered delays', async () => {
    await signedInAndSynced();
    h.server.fail('/sync/push', { kind: 'network' }, { kind: 'network' });
    mustOk(h.engine.edit('ticket.setStatus', { id: h.seed.ticketIds[0]!, status: 'in_progress' }));
    const first = await h.engine.syncNow();
    expect(first).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(h.engine.status()).toMatchObject({ state: 'offline', pendingEdits: 1 });
    expect(h.engine.status().message).toMatch(/Sin conexión/);
    expect(h.scheduler.pending()).toContain(750);
    h.scheduler.fireAll();
    await h.scheduler.until((pending) => pending.length > 0);
    expect(h.engine.status().state).toBe('offline');
    expect(h.scheduler.pending()).toEqual([1500]);
    h.scheduler.fireAll();
    await statusWhere(h.engine, (s) => s.state === 'online');
    expect(h.engine.status().pendingEdits).toBe(0);
    expect(h.server.row('ticket', h.seed.ticketIds[0]!)).toMatchObject({ status: 'in_progress' });
    expect(h.scheduler.pending()).toEqual([60_000]);
  });

  it('a connection dropped in the middle of a page changes nothing and the next pull resumes', async () => {
    await signedInAndSynced();
    h.server.commit('ticket', { ...h.server.row('ticket', h.seed.ticketIds[0]!)!, subject: 'Cambio remoto' });
    h.server.fail('/sync/pull', { kind: 'drop-mid-body' });
    const cursor = h.cache.pullParams().cursor;
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(h.cache.pullParams().cursor).toBe(cursor);
    mustOk(await h.engine.syncNow());
    expect(h.cache.queries.ticketDetail(h.seed.ticketIds[0]!)?.ticket.subject).toBe('Cambio remoto');
  });

  const malformed: [string, string, RegExp][] = [
    ['truncated JSON', '{"cursor":"pos-99","hasMore":false,"lastSeq":0,"changes":[{"entity":"ticket","op":"ups', /no es JSON válido/],
    ['wrong types', '{"cursor":"pos-99","hasMore":"no","lastSeq":0,"changes":[]}', /no válidos/],
    ['an unknown entity', '{"cursor":"pos-99","hasMore":false,"lastSeq":0,"changes":[{"entity":"invoice","op":"upsert","id":"x","rev":"1","data":{}}]}', /no válidos/],
    ['an invalid ticket', `{"cursor":"pos-99","hasMore":false,"lastSeq":0,"changes":[{"entity":"ticket","op":"upsert","id":"x","rev":"1","data":{"id":"x","subject":42}}]}`, /no válidos/],
  ];
  for (const [name, body, message] of malformed) {
    it(`a pull answer with ${name} puts the engine in error with a Spanish message and leaves the cache untouched`, async () => {
      await signedInAndSynced();
      const before = JSON.stringify([openTickets(), h.cache.pullParams()]);
      h.server.fail('/sync/pull', { kind: 'raw', body });
      const result = await h.engine.syncNow();
      expect(result.ok).toBe(false);
      expect(h.engine.status().state).toBe('error');
      expect(h.engine.status().message).toMatch(message);
      expect(JSON.stringify([openTickets(), h.cache.pullParams()])).toBe(before);
      expect(h.scheduler.pending()).toContain(750);
      h.scheduler.fireAll();
      await statusWhere(h.engine, (s) => s.state === 'online');
    });
  }

  it('a page larger than asked for, or a body over the byte cap, is refused', async () => {
    await signedInAndSynced({ engine: { pageLimit: 2 } });
    const pageOfThree = { cursor: 'pos-99', hasMore: false, lastSeq: 0, changes: Array.from({ length: 3 }, () => ({ entity: 'calendarDay', op: 'upsert', id: '2025-12-31', rev: '1', data: { id: '2025-12-31', date: '2025-12-31', kind: 'closure', name: 'x', opensAt: null, closesAt: null } })) };
    h.server.fail('/sync/pull', { kind: 'raw', body: JSON.stringify(pageOfThree) });
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { code: 'SYNC_PAGE_TOO_LARGE' } });
    await h.engine.stop();
    h.engine = h.newEngine({ maxResponseBytes: 100 });
    await h.engine.start();
    h.server.fail('/sync/pull', { kind: 'raw', body: JSON.stringify({ ...pageOfThree, changes: [] }) + ' '.repeat(200) });
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { code: 'SYNC_RESPONSE_TOO_LARGE' } });
    expect(h.cache.pullParams().cursor).not.toBe('pos-99');
  });

  it('a server error backs off and reports HTTP status in Spanish', async () => {
    await signedInAndSynced();
    h.server.fail('/sync/pull', { kind: 'status', status: 503 });
    expect(await h.engine.syncNow()).toMatchObject({ ok: false });
    expect(h.engine.status()).toMatchObject({ state: 'error', message: 'El servidor respondió con un error (HTTP 503). Se volverá a intentar en unos segundos.' });
  });

  it('an expired token signs out without touching queued edits; logging in again sends them', async () => {
    await signedInAndSynced();
    await h.engine.stop();
    mustOk(h.engine.edit('ticket.setStatus', { id: h.seed.ticketIds[3]!, status: 'waiting_customer' }));
    mustOk(h.engine.edit('ticket.addNote', { id: randomUUID(), ticketId: h.seed.ticketIds[3]!, kind: 'reply', body: '¿Nos confirma el modelo?' }));
    h.server.expireTokens();
    expect(await h.engine.syncNow()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(h.engine.status()).toMatchObject({ state: 'signedOut', pendingEdits: 2 });
    expect(h.engine.status().message).toMatch(/Inicie sesión de nuevo; sus cambios pendientes se conservan/);
    expect(h.tokens.peek()).toBeNull();
    expect(h.cache.takePushBatch(10)?.mutations.map((m) => m.name)).toEqual(['ticket.setStatus', 'ticket.addNote']);
    expect(h.cache.queries.ticketDetail(h.seed.ticketIds[3]!)?.ticket.status).toBe('waiting_customer');
    // Another user may not take over the queued edits.
    expect(await h.engine.login('despacho@demo.ayni.pe', 'ayni-demo')).toMatchObject({ ok: false, error: { code: 'PENDING_EDITS_OTHER_SESSION' } });
    expect(h.tokens.peek()).toBeNull();
    mustOk(await h.engine.login('tecnico@demo.ayni.pe', 'ayni-demo'));
    mustOk(await h.engine.syncNow());
    expect(h.engine.status()).toMatchObject({ state: 'online', pendingEdits: 0 });
    expect(h.server.row('ticket', h.seed.ticketIds[3]!)).toMatchObject({ status: 'waiting_customer' });
  });

  it('a crash in the middle of a page (every change position) resumes from the last committed cursor', async () => {
    let crashAt: number | null = null;
    h = createHarness({
      tickets: 6,
      engine: { pageLimit: 4 },
      faults: (point, index) => {
        if (point === 'page.change' && index === crashAt) {
          crashAt = null;
          throw new Error('crash');
        }
      },
    });
    mustOk(await h.engine.login('tecnico@demo.ayni.pe', 'ayni-demo'));
    for (const position of [0, 1, 2, 3]) {
      crashAt = position;
      const result = await h.engine.syncNow();
      expect(result.ok).toBe(false);
      expect(h.engine.status().state).toBe('error');
    }
    mustOk(await h.engine.syncNow());
    expect(openTickets().total).toBe(6);
    expect(h.cache.pullParams().cursor).toBe(`pos-${h.server.log.length}`);
  });
});

describe('logout', () => {
  it('ends the session on the server, forgets the token and keeps queued edits', async () => {
    await signedInAndSynced();
    await h.engine.stop();
    mustOk(h.engine.edit('ticket.setStatus', { id: h.seed.ticketIds[0]!, status: 'in_progress' }));
    expect(h.server.sessions).toBe(1);
    await h.engine.logout();
    expect(h.server.sessions).toBe(0);
    expect(h.tokens.peek()).toBeNull();
    expect(h.engine.status()).toMatchObject({ state: 'signedOut', pendingEdits: 1 });
  });

  it('still signs out locally when the server cannot be reached', async () => {
    await signedInAndSynced();
    h.server.fail('/auth/logout', { kind: 'network' });
    await h.engine.logout();
    expect(h.tokens.peek()).toBeNull();
    expect(h.engine.status().state).toBe('signedOut');
    expect(h.logger.lines.some((l) => l.includes('No se pudo cerrar la sesión en el servidor'))).toBe(true);
  });
});

describe('server pokes', () => {
  it('a poke on the event stream makes the desk pull; a dropped stream reconnects with backoff', async () => {
    await signedInAndSynced({ engine: { serverEvents: true } });
    await h.server.eventStreamOpen();
    const ticketId = h.seed.ticketIds[4]!;
    h.server.commit('ticket', { ...h.server.row('ticket', ticketId)!, subject: 'Actualizado en otra consola' });
    const changed = rowsChanged(h.engine, 'ticket');
    h.server.poke();
    await changed;
    await statusWhere(h.engine, (s) => s.state === 'online');
    expect(h.cache.queries.ticketDetail(ticketId)?.ticket.subject).toBe('Actualizado en otra consola');

    h.server.dropEventStreams();
    await h.scheduler.until((pending) => pending.includes(750));
    h.scheduler.fireAll();
    await h.server.eventStreamOpen();
    expect(h.server.openEventStreams).toBe(1);
  });

  it('stop closes the event stream and cancels timers', async () => {
    await signedInAndSynced({ engine: { serverEvents: true } });
    await h.server.eventStreamOpen();
    await h.engine.stop();
    expect(h.server.openEventStreams).toBe(0);
    expect(h.scheduler.pending()).toEqual([]);
  });
});
