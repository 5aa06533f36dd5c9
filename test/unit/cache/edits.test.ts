import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultPoint } from '../../../src-main/core/cache/faults.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { dumpCache, mustOk, mustOpen, page, seedCompany, tempDir, ticket, upsert } from './helpers.ts';

let dir: string;
let cleanup: () => void;
let store: CacheStore;
let fault: FaultPoint | null = null;
let company: ReturnType<typeof seedCompany>;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  fault = null;
  store = mustOpen(dir, {
    faults: (point) => {
      if (point === fault) throw new Error(`injected crash at ${point}`);
    },
  });
  company = seedCompany();
  mustOk(store.applyPulledPage(page(company.changes, { cursor: 'seed' })));
  mustOk(store.beginSession('http://127.0.0.1:1', { id: company.tech.id, name: company.tech.name, email: company.tech.email, role: 'technician' }));
});
afterEach(() => {
  store.close();
  cleanup();
});

describe('applyLocalEdit', () => {
  it('changes the row and queues the mutation, and says saved', () => {
    const saved = mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'in_progress' }));
    expect(saved).toMatchObject({ status: 'saved', seq: 1, changed: ['ticket'] });
    expect(store.queries.ticketDetail(company.t1.id)).toMatchObject({ ticket: { status: 'in_progress', updatedAt: '2025-03-10T15:00:00.000Z' }, pendingSync: true });
    expect(store.syncInfo().pendingEdits).toBe(1);
    const batch = store.takePushBatch(10);
    expect(batch?.mutations).toEqual([{ seq: 1, id: saved.mutationId, name: 'ticket.setStatus', args: { id: company.t1.id, status: 'in_progress' } }]);
  });

  it('is visible to another connection the moment it returns saved (committed, not just in memory)', () => {
    mustOk(store.applyLocalEdit('ticket.assign', { id: company.t1.id, assigneeId: company.dispatcher.id }));
    const outbox = new Database(join(dir, 'outbox.db'), { readonly: true });
    const cache = new Database(join(dir, 'cache.db'), { readonly: true });
    try {
      expect(outbox.prepare('SELECT seq, name, status FROM outbox').all()).toEqual([{ seq: 1, name: 'ticket.assign', status: 'pending' }]);
      expect(cache.prepare('SELECT assignee_id FROM tickets WHERE id = ?').get(company.t1.id)).toEqual({ assignee_id: company.dispatcher.id });
    } finally {
      outbox.close();
      cache.close();
    }
  });

  for (const point of ['edit.afterRowChange', 'edit.beforeCommit'] as const) {
    it(`a failure at ${point} leaves neither the row change nor the outbox row`, () => {
      const before = dumpCache(store);
      fault = point;
      const result = store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'Nuevo asunto' } });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('CACHE_WRITE_FAILED');
      expect(dumpCache(store)).toEqual(before);
      fault = null;
      // The seq was not consumed either: the next edit still gets 1.
      expect(mustOk(store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'Nuevo asunto' } })).seq).toBe(1);
    });
  }

  it('refuses invalid args, unknown mutations and edits of rows the cache does not have, queueing nothing', () => {
    const before = dumpCache(store);
    expect(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'limbo' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(store.applyLocalEdit('ticket.explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_MUTATION' } });
    expect(store.applyLocalEdit('ticket.update', { id: randomUUID(), patch: { subject: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(store.applyLocalEdit('ticket.addNote', { id: randomUUID(), ticketId: randomUUID(), kind: 'note', body: 'hola' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(store.applyLocalEdit('ticket.create', { ...createArgs(), id: company.t1.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(dumpCache(store)).toEqual(before);
  });

  it('shows created tickets, notes, time and visits at once, marked as pending', () => {
    const args = createArgs();
    mustOk(store.applyLocalEdit('ticket.create', args));
    const noteId = randomUUID();
    mustOk(store.applyLocalEdit('ticket.addNote', { id: noteId, ticketId: args.id, kind: 'note', body: 'Llamar después de las 3 pm' }));
    mustOk(store.applyLocalEdit('time.log', { id: randomUUID(), ticketId: args.id, kind: 'remote', minutes: 30, workDate: '2025-03-10' }));
    const visitId = randomUUID();
    mustOk(store.applyLocalEdit('visit.book', { id: visitId, ticketId: args.id, technicianId: company.tech.id, kind: 'onsite', startsAt: '2025-03-11T09:00:00-05:00', endsAt: '2025-03-11T11:00:00-05:00', districtUbigeo: '150122' }));
    mustOk(store.applyLocalEdit('visit.checkIn', { id: visitId, at: '2025-03-11T09:05:00-05:00' }));
    const detail = store.queries.ticketDetail(args.id);
    expect(detail).toMatchObject({
      ticket: { number: null, status: 'new', subject: 'No enciende la laptop de gerencia', customerId: company.customer.id },
      rev: null,
      pendingSync: true,
      events: [{ id: noteId, kind: 'note', authorId: company.tech.id }],
      timeEntries: [{ minutes: 30, customerId: company.customer.id, technicianId: company.tech.id, billable: true }],
      visits: [{ id: visitId, status: 'in_progress', startsAt: '2025-03-11T14:00:00.000Z', checkInAt: '2025-03-11T14:05:00.000Z' }],
    });
    const queue = mustOk(store.queries.queuePage({ view: 'all', sort: { key: 'number', dir: 'desc' } }));
    expect(queue.rows[0]).toMatchObject({ id: args.id, number: null, pendingSync: true, customerName: company.customer.name });
    expect(store.syncInfo().pendingEdits).toBe(5);
  });
});

function createArgs() {
  return { id: randomUUID(), customerId: company.customer.id, type: 'incidencia', channel: 'phone', urgency: 'critical', subject: 'No enciende la laptop de gerencia' } as const;
}

describe('push results', () => {
  it('removes outbox rows only up to the server lastSeq', () => {
    for (const status of ['in_progress', 'waiting_customer', 'in_progress'] as const) mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status }));
    const batch = store.takePushBatch(10)!;
    expect(store.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get()).toEqual({ n: 3 });
    // The server processed only 1 and 2 (e.g. it timed out on 3).
    const outcome = mustOk(store.applyPushResponse(batch, { lastSeq: 2, results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'applied' }] }));
    expect(outcome).toMatchObject({ lastSeq: 2, processed: 2, rejected: [] });
    expect(store.takePushBatch(10)?.mutations.map((m) => m.seq)).toEqual([3]);
    // Acknowledged edits stay visible until a pull shows the server's version.
    expect(store.queries.ticketDetail(company.t1.id)?.ticket.status).toBe('in_progress');
  });

  it('a rejected edit is rolled back to the server row and listed for attention with the server code and message', () => {
    mustOk(store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'Asunto corregido' } }));
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'resolved' }));
    const batch = store.takePushBatch(10)!;
    const outcome = mustOk(
      store.applyPushResponse(batch, { lastSeq: 2, results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'rejected', code: 'INVALID_TRANSITION', message: 'Un ticket nuevo no puede pasar a resuelto.' }] }),
    );
    expect(outcome.rejected).toEqual([{ seq: 2, code: 'INVALID_TRANSITION' }]);
    expect(outcome.changed).toEqual(['ticket']);
    // The applied edit (1) is still shown; the rejected one (2) is gone.
    expect(store.queries.ticketDetail(company.t1.id)?.ticket).toMatchObject({ subject: 'Asunto corregido', status: 'new', resolvedAt: null });
    expect(store.needsAttention()).toEqual([
      expect.objectContaining({ seq: 2, name: 'ticket.setStatus', code: 'INVALID_TRANSITION', message: 'Un ticket nuevo no puede pasar a resuelto.', args: { id: company.t1.id, status: 'resolved' } }),
    ]);
    expect(store.syncInfo()).toMatchObject({ pendingEdits: 0, needsAttention: 1 });
  });

  it('a rejected create disappears from the queue', () => {
    const args = createArgs();
    mustOk(store.applyLocalEdit('ticket.create', args));
    const batch = store.takePushBatch(10)!;
    mustOk(store.applyPushResponse(batch, { lastSeq: 1, results: [{ seq: 1, status: 'rejected', code: 'FORBIDDEN', message: 'No puedes crear tickets para este cliente.' }] }));
    expect(store.queries.ticketDetail(args.id)).toBeNull();
    expect(store.db.prepare('SELECT count(*) AS n FROM base_rows').get()).toEqual({ n: 0 });
  });

  it('retry queues the edit again (optionally corrected) and discard drops it', () => {
    const visitId = randomUUID();
    mustOk(store.applyLocalEdit('visit.book', { id: visitId, ticketId: company.t1.id, technicianId: company.tech.id, kind: 'onsite', startsAt: '2025-03-11T07:00:00-05:00', endsAt: '2025-03-11T09:00:00-05:00' }));
    mustOk(store.applyLocalEdit('ticket.addNote', { id: randomUUID(), ticketId: company.t1.id, kind: 'note', body: 'x' }));
    const batch = store.takePushBatch(10)!;
    mustOk(
      store.applyPushResponse(batch, {
        lastSeq: 2,
        results: [
          { seq: 1, status: 'rejected', code: 'OUTSIDE_BUSINESS_HOURS', message: 'La visita empieza antes de las 08:00.' },
          { seq: 2, status: 'rejected', code: 'FORBIDDEN', message: 'No permitido.' },
        ],
      }),
    );
    expect(store.queries.visitsInRange({ from: '2025-03-11T00:00:00-05:00', to: '2025-03-12T00:00:00-05:00' })).toEqual([]);
    const [booking, note] = store.needsAttention();
    const retried = mustOk(store.retryNeedsAttention(booking!.id, { ...(booking!.args as object), startsAt: '2025-03-11T10:00:00-05:00', endsAt: '2025-03-11T12:00:00-05:00' }));
    expect(retried.seq).toBe(3);
    expect(store.queries.visitsInRange({ from: '2025-03-11T00:00:00-05:00', to: '2025-03-12T00:00:00-05:00' }).map((v) => v.startsAt)).toEqual(['2025-03-11T15:00:00.000Z']);
    expect(mustOk(store.discardNeedsAttention(note!.id))).toBeUndefined();
    expect(store.needsAttention()).toEqual([]);
    expect(store.takePushBatch(10)?.mutations.map((m) => [m.seq, m.name])).toEqual([[3, 'visit.book']]);
    expect(store.discardNeedsAttention(note!.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a retry that is still invalid keeps the item in the list', () => {
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'resolved' }));
    mustOk(store.applyPushResponse(store.takePushBatch(10)!, { lastSeq: 1, results: [{ seq: 1, status: 'rejected', code: 'VALIDATION', message: 'x' }] }));
    const [item] = store.needsAttention();
    expect(store.retryNeedsAttention(item!.id, { id: company.t1.id, status: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(store.needsAttention()).toHaveLength(1);
    expect(store.syncInfo().pendingEdits).toBe(0);
  });

  it('refuses a malformed push answer and a server that lost earlier seqs, keeping the outbox', () => {
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'in_progress' }));
    mustOk(store.applyPushResponse(store.takePushBatch(10)!, { lastSeq: 1, results: [] }));
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'waiting_customer' }));
    const batch = store.takePushBatch(10)!;
    expect(store.applyPushResponse(batch, { lastSeq: 'two' })).toMatchObject({ ok: false, error: { code: 'SYNC_MALFORMED_RESPONSE' } });
    expect(store.applyPushResponse(batch, { lastSeq: 0, results: [] })).toMatchObject({ ok: false, error: { code: 'SYNC_PUSH_GAP' } });
    expect(store.syncInfo().pendingEdits).toBe(1);
  });

  for (const point of ['push.afterRejections', 'push.beforeCommit'] as const) {
    it(`a failure at ${point} keeps the outbox, the rows and the list as they were`, () => {
      mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'resolved' }));
      const batch = store.takePushBatch(10)!;
      const before = dumpCache(store);
      fault = point;
      expect(store.applyPushResponse(batch, { lastSeq: 1, results: [{ seq: 1, status: 'rejected', code: 'INVALID_TRANSITION', message: 'x' }] }).ok).toBe(false);
      expect(dumpCache(store)).toEqual(before);
    });
  }
});

describe('pulled rows never silently overwrite pending edits (rebase)', () => {
  it('re-applies a pending edit on top of a newer server version of the row', () => {
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'in_progress' }));
    // Someone else changed the urgency and subject on the server meanwhile.
    mustOk(store.applyPulledPage(page([upsert('ticket', { ...company.t1, urgency: 'critical', subject: 'Impresora de gerencia' }, 'r-server-2')], { cursor: 'p2', lastSeq: 0 })));
    expect(store.queries.ticketDetail(company.t1.id)).toMatchObject({
      ticket: { status: 'in_progress', urgency: 'critical', subject: 'Impresora de gerencia' },
      rev: 'r-server-2',
      pendingSync: true,
    });
    // A later rejection falls back to the newest server version, not the old one.
    mustOk(store.applyPushResponse(store.takePushBatch(10)!, { lastSeq: 1, results: [{ seq: 1, status: 'rejected', code: 'CONFLICT', message: 'Otro usuario cambió el ticket.' }] }));
    expect(store.queries.ticketDetail(company.t1.id)).toMatchObject({ ticket: { status: 'new', urgency: 'critical', subject: 'Impresora de gerencia' }, pendingSync: false });
  });

  it('a pulled delete of an edited row is kept as the base; the edit cannot resurrect it', () => {
    mustOk(store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'x' } }));
    mustOk(store.applyPulledPage(page([{ entity: 'ticket', op: 'delete', id: company.t1.id, rev: 'gone', data: null }], { cursor: 'p2', hasMore: true })));
    expect(store.queries.ticketDetail(company.t1.id)).toBeNull();
  });

  it('keeps an acknowledged edit until a complete pull covering its seq shows the server version', () => {
    mustOk(store.applyLocalEdit('ticket.assign', { id: company.t1.id, assigneeId: company.tech.id }));
    mustOk(store.applyPushResponse(store.takePushBatch(10)!, { lastSeq: 1, results: [{ seq: 1, status: 'applied' }] }));
    // A page from before the server processed seq 1 (lastSeq 0) must not undo it…
    mustOk(store.applyPulledPage(page([upsert('ticket', { ...company.t1, urgency: 'low' })], { cursor: 'p2', hasMore: false, lastSeq: 0 })));
    expect(store.queries.ticketDetail(company.t1.id)?.ticket).toMatchObject({ assigneeId: company.tech.id, urgency: 'low' });
    // …a multi-page pull that is not finished does not confirm it either…
    mustOk(store.applyPulledPage(page([], { cursor: 'p3', hasMore: true, lastSeq: 1 })));
    expect(store.queries.ticketDetail(company.t1.id)?.pendingSync).toBe(true);
    // …the complete pull with lastSeq >= 1 does, and its row is what shows.
    mustOk(store.applyPulledPage(page([upsert('ticket', { ...company.t1, urgency: 'low', assigneeId: company.tech.id, status: 'in_progress' }, 'r9')], { cursor: 'p4', hasMore: false, lastSeq: 1 })));
    expect(store.queries.ticketDetail(company.t1.id)).toMatchObject({ ticket: { assigneeId: company.tech.id, status: 'in_progress' }, rev: 'r9', pendingSync: false });
    expect(store.db.prepare('SELECT (SELECT count(*) FROM base_rows) AS base, (SELECT count(*) FROM overlay_edits) AS edits').get()).toEqual({ base: 0, edits: 0 });
  });

  it('two edits of the same row keep their order across a rebase', () => {
    mustOk(store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'primero' } }));
    mustOk(store.applyLocalEdit('ticket.update', { id: company.t1.id, patch: { subject: 'segundo', urgency: 'high' } }));
    mustOk(store.applyPulledPage(page([upsert('ticket', { ...company.t1, subject: 'del servidor', channel: 'email' })], { cursor: 'p2' })));
    expect(store.queries.ticketDetail(company.t1.id)?.ticket).toMatchObject({ subject: 'segundo', urgency: 'high', channel: 'email' });
  });
});

describe('session changes', () => {
  it('refuses another user while edits are queued, and starts a fresh client identity otherwise', () => {
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'in_progress' }));
    const other = { id: company.dispatcher.id, name: company.dispatcher.name, email: company.dispatcher.email, role: 'dispatcher' as const };
    expect(store.beginSession('http://127.0.0.1:1', other)).toMatchObject({ ok: false, error: { code: 'PENDING_EDITS_OTHER_SESSION' } });
    const clientId = store.syncInfo().clientId;
    mustOk(store.applyPushResponse(store.takePushBatch(10)!, { lastSeq: 1, results: [{ seq: 1, status: 'applied' }] }));
    expect(mustOk(store.beginSession('http://127.0.0.1:1', other))).toEqual({ cacheCleared: false });
    expect(store.syncInfo().clientId).not.toBe(clientId);
    expect(mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t1.id, status: 'waiting_customer' })).seq).toBe(1);
  });

  it('another server empties the cache (its rows belong to the old server)', () => {
    const other = { id: company.tech.id, name: company.tech.name, email: company.tech.email, role: 'technician' as const };
    expect(mustOk(store.beginSession('http://127.0.0.1:2', other))).toEqual({ cacheCleared: true });
    expect(mustOk(store.queries.queuePage({ view: 'all' })).total).toBe(0);
    expect(store.pullParams().cursor).toBeNull();
  });
});

describe('queue totals', () => {
  const total = (view: 'all' | 'waiting_customer' | 'onsite_pending') => mustOk(store.queries.queuePage({ view })).total;

  it('follow every kind of write: pulled pages, local edits, rejections', () => {
    expect(total('all')).toBe(2);
    expect(total('waiting_customer')).toBe(0);
    // The same question again (answered from memory) and after each write (asked again).
    expect(total('all')).toBe(2);
    mustOk(store.applyPulledPage(page([upsert('ticket', ticket(company.customer.id, { number: 1003 }))], { cursor: 'more' })));
    expect(total('all')).toBe(3);
    const saved = mustOk(store.applyLocalEdit('ticket.setStatus', { id: company.t2.id, status: 'waiting_customer' }));
    expect(total('waiting_customer')).toBe(1);
    const batch = store.takePushBatch(10);
    expect(batch).not.toBeNull();
    mustOk(store.applyPushResponse(batch!, { lastSeq: saved.seq, results: [{ seq: saved.seq, status: 'rejected', code: 'INVALID_TRANSITION', message: 'No.' }] }));
    expect(total('waiting_customer')).toBe(0);
  });
});
