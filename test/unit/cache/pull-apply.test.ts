import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTITY_NAMES, entitySchemas } from '../../../src-shared/protocol/entities.ts';
import type { FaultPoint } from '../../../src-main/core/cache/faults.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { balance, calendarDay, customer, dumpCache, mustOk, mustOpen, page, plan, planAssignment, remove, seedCompany, tempDir, ticket, ticketEvent, timeEntry, upsert, user, visit } from './helpers.ts';

let dir: string;
let cleanup: () => void;
let store: CacheStore;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = mustOpen(dir);
});
afterEach(() => {
  store.close();
  cleanup();
});

describe('applying pulled pages', () => {
  it('round-trips every entity through its table, with instants normalised to UTC', () => {
    const cu = customer({ createdAt: '2025-03-03T10:00:00-05:00' });
    const pl = plan();
    const tech = user();
    const tk = ticket(cu.id, { createdAt: '2025-03-03T09:30:00.123-05:00', waitingSince: null });
    const rows = {
      customer: cu,
      plan: pl,
      planAssignment: planAssignment(cu.id, pl.id),
      user: tech,
      ticket: tk,
      ticketEvent: ticketEvent(tk.id, { kind: 'status', fromStatus: 'new', toStatus: 'in_progress', body: null }),
      visit: visit(tk.id, tech.id),
      timeEntry: timeEntry(tk.id, cu.id, tech.id, { note: 'Se reinstaló el driver' }),
      purchase: { id: crypto.randomUUID(), customerId: cu.id, month: '2025-03', remoteMinutes: 120, onsiteMinutes: 0, tickets: 0, priceCents: 30_000, createdAt: '2025-03-03T15:00:00Z' },
      balance: balance(cu.id, '2025-03', { planId: pl.id, tier: 'business' }),
      calendarDay: calendarDay('2025-12-24', { kind: 'closure', opensAt: null }),
    } as const;
    expect(Object.keys(rows).sort()).toEqual([...ENTITY_NAMES].sort());
    mustOk(store.applyPulledPage(page(Object.entries(rows).map(([entity, data]) => upsert(entity as keyof typeof rows, data)))));
    expect(store.queries.ticketDetail(tk.id)?.ticket).toEqual({ ...tk, createdAt: '2025-03-03T14:30:00.123Z' });
    expect(store.queries.ticketDetail(tk.id)?.customer).toEqual({ ...cu, createdAt: '2025-03-03T15:00:00.000Z' });
    for (const [entity, data] of Object.entries(rows)) {
      const table = { customer: 'customers', plan: 'plans', planAssignment: 'plan_assignments', user: 'users', ticket: 'tickets', ticketEvent: 'ticket_events', visit: 'visits', timeEntry: 'time_entries', purchase: 'purchases', balance: 'balances', calendarDay: 'calendar_days' }[entity]!;
      expect(store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE id = ?`).get(data.id), entity).toEqual({ n: 1 });
      expect(entitySchemas[entity as keyof typeof rows].safeParse(data).success).toBe(true);
    }
  });

  it('upserts by id, deletes, and records the cursor and lastSyncAt with the page', () => {
    const { t1, t2, changes } = seedCompany();
    mustOk(store.applyPulledPage(page(changes, { cursor: 'p1' })));
    mustOk(store.applyPulledPage(page([upsert('ticket', { ...t1, subject: 'Impresora atascada' }), remove('ticket', t2.id)], { cursor: 'p2' })));
    expect(store.queries.ticketDetail(t1.id)?.ticket.subject).toBe('Impresora atascada');
    expect(store.queries.ticketDetail(t2.id)).toBeNull();
    expect(store.pullParams().cursor).toBe('p2');
    expect(store.syncInfo().lastSyncAt).toBe('2025-03-10T15:00:00.000Z');
  });

  it('does not write an idle poll (nothing new, same cursor): its time is kept, and stored every few minutes', () => {
    let now = new Date('2025-03-10T15:00:00Z');
    const clockStore = mustOpen(`${dir}/idle`, { now: () => now });
    try {
      const { changes } = seedCompany();
      mustOk(clockStore.applyPulledPage(page(changes, { cursor: 'p1' })));
      const version = () => (clockStore.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const before = version();

      now = new Date('2025-03-10T15:00:30Z');
      expect(mustOk(clockStore.applyPulledPage(page([], { cursor: 'p1' })))).toMatchObject({ applied: 0, hasMore: false, changed: [] });
      expect(version()).toBe(before); // nothing written
      expect(clockStore.syncInfo().lastSyncAt).toBe('2025-03-10T15:00:30.000Z');

      // A page that moves the cursor, or confirms more of the outbox, is stored as ever.
      now = new Date('2025-03-10T15:01:00Z');
      mustOk(clockStore.applyPulledPage(page([], { cursor: 'p1', lastSeq: 3 })));
      expect(version()).toBeGreaterThan(before);
      const after = version();

      // Idle for longer than IDLE_SYNC_PERSIST_MS since the stored time: written, so a restart shows it.
      now = new Date('2025-03-10T15:07:00Z');
      mustOk(clockStore.applyPulledPage(page([], { cursor: 'p1', lastSeq: 3 })));
      expect(version()).toBeGreaterThan(after);
      expect((clockStore.db.prepare('SELECT last_sync_at AS at FROM sync_state').get() as { at: string }).at).toBe('2025-03-10T15:07:00.000Z');
    } finally {
      clockStore.close();
    }
  });

  it('reports the entities a page changed', () => {
    const { changes } = seedCompany();
    const applied = mustOk(store.applyPulledPage(page(changes)));
    expect([...applied.changed].sort()).toEqual(['customer', 'plan', 'planAssignment', 'ticket', 'user']);
    expect(applied.applied).toBe(changes.length);
  });

  it('copies the customer name and current-month tier onto tickets, whatever order they arrive in', () => {
    const pl = plan({ tier: 'premium' });
    const cu = customer({ name: 'Clínica Santa Rosa' });
    const tk = ticket(cu.id);
    // Not an initial load (cache not empty) so the row-by-row path is used.
    mustOk(store.applyPulledPage(page([upsert('calendarDay', calendarDay('2025-12-31'))], { cursor: 'a' })));
    mustOk(store.applyPulledPage(page([upsert('ticket', tk)], { cursor: 'b' })));
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows[0]).toMatchObject({ customerName: '', tier: null });
    const applied = mustOk(store.applyPulledPage(page([upsert('customer', cu), upsert('plan', pl), upsert('planAssignment', planAssignment(cu.id, pl.id, { effectiveMonth: '2025-02' }))], { cursor: 'c' })));
    expect(applied.changed).toContain('ticket');
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows[0]).toMatchObject({ customerName: 'Clínica Santa Rosa', tier: 'premium' });
    // A plan change effective next month does not change this month's tier.
    const basic = plan({ tier: 'basic' });
    mustOk(store.applyPulledPage(page([upsert('plan', basic), upsert('planAssignment', planAssignment(cu.id, basic.id, { effectiveMonth: '2025-04' }))], { cursor: 'd' })));
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows[0]?.tier).toBe('premium');
  });
});

/** The secondary ticket indexes of the current schema: 16 from 0002, tickets_by_urgency from 0003, tickets_by_customer_priority from 0004. */
const TICKET_INDEXES = 18;

describe('initial bulk load', () => {
  it('defers secondary indexes and search triggers until the last page, then builds them', () => {
    const { changes, t1 } = seedCompany();
    const indexCount = () => (store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get() as { n: number }).n;
    expect(indexCount()).toBe(TICKET_INDEXES);
    const first = mustOk(store.applyPulledPage(page(changes.slice(0, 3), { cursor: 'p1', hasMore: true, remaining: 4 })));
    expect(first.initialLoad).toBe(true);
    expect(indexCount()).toBe(0);
    expect(store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 0 });
    mustOk(store.applyPulledPage(page(changes.slice(3), { cursor: 'p2', hasMore: false })));
    expect(indexCount()).toBe(TICKET_INDEXES);
    expect(store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 3 });
    expect(store.db.prepare('SELECT count(*) AS n FROM deferred_ddl').get()).toEqual({ n: 0 });
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'impresora' })).rows.map((r) => r.id)).toEqual([t1.id]);
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'ferreteria' })).total).toBe(2);
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows.every((r) => r.tier === 'business')).toBe(true);
    // Later pages keep search current through the triggers.
    mustOk(store.applyPulledPage(page([upsert('ticket', { ...t1, subject: 'Monitor parpadea', description: 'La pantalla se apaga sola.' })], { cursor: 'p3' })));
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'impresora' })).total).toBe(0);
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'parpadea' })).total).toBe(1);
  });

  it('survives a crash in the middle: the bulk load resumes from the committed cursor and still finishes', () => {
    const { changes } = seedCompany();
    mustOk(store.applyPulledPage(page(changes.slice(0, 3), { cursor: 'p1', hasMore: true })));
    store.close();
    store = mustOpen(dir);
    expect(store.pullParams().cursor).toBe('p1');
    mustOk(store.applyPulledPage(page(changes.slice(3), { cursor: 'p2' })));
    expect(store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: TICKET_INDEXES });
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'correo' })).total).toBe(1);
  });
});

describe('an initial load in the server\'s stages (core, then history)', () => {
  const deferredOn = (table: string) => (store.db.prepare('SELECT count(*) AS n FROM deferred_ddl WHERE sql LIKE ?').get(`% ON ${table}%`) as { n: number }).n;
  const indexesOn = (table: string) => (store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").get(table) as { n: number }).n;

  function stagedPages() {
    const company = seedCompany();
    const history = [upsert('ticketEvent', ticketEvent(company.t1.id, { body: 'Se revisó la impresora' })), upsert('timeEntry', timeEntry(company.t2.id, company.customer.id, company.tech.id))];
    return {
      company,
      core: page(company.changes, { cursor: 'c1', hasMore: true, stage: 'core', remaining: 3 }),
      history: page(history, { cursor: 'h1', hasMore: true, stage: 'history', remaining: 1 }),
      last: page([], { cursor: 'end', hasMore: false }),
    };
  }

  it('the queue, search and tiers are complete once the history starts; the history indexes come at the end', () => {
    const { core, history, last } = stagedPages();
    expect(mustOk(store.applyPulledPage(core))).toMatchObject({ initialLoad: true, stage: 'core', coreReady: false });
    expect(indexesOn('tickets')).toBe(0);
    expect(mustOk(store.applyPulledPage(history))).toMatchObject({ initialLoad: true, stage: 'history', coreReady: true });
    expect(indexesOn('tickets')).toBe(TICKET_INDEXES);
    expect(deferredOn('tickets')).toBe(0);
    expect(deferredOn('ticket_events')).toBeGreaterThan(0);
    expect(indexesOn('ticket_events')).toBe(0);
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'correo' })).total).toBe(1);
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows.every((r) => r.tier === 'business')).toBe(true);
    expect(mustOk(store.applyPulledPage(last))).toMatchObject({ initialLoad: true, stage: undefined, coreReady: false });
    expect(store.db.prepare('SELECT count(*) AS n FROM deferred_ddl').get()).toEqual({ n: 0 });
    expect(indexesOn('ticket_events')).toBeGreaterThan(0);
    expect(store.db.prepare('SELECT bulk_loading FROM sync_state').get()).toEqual({ bulk_loading: 0 });
  });

  it('a crash while the core part is built leaves the cache as it was, and the retry builds it', () => {
    const { core, history, last } = stagedPages();
    let crash = true;
    store.close();
    store = mustOpen(dir, { faults: (point) => { if (crash && point === 'page.core') throw new Error('injected crash at page.core'); } });
    mustOk(store.applyPulledPage(core));
    const before = dumpCache(store);
    const failed = store.applyPulledPage(history);
    expect(!failed.ok && failed.error.code).toBe('CACHE_WRITE_FAILED');
    expect(dumpCache(store)).toEqual(before);
    expect(deferredOn('tickets')).toBeGreaterThan(0);
    crash = false;
    store.close();
    store = mustOpen(dir);
    expect(store.pullParams().cursor).toBe('c1');
    expect(mustOk(store.applyPulledPage(history)).coreReady).toBe(true);
    mustOk(store.applyPulledPage(last));
    expect(store.db.prepare('SELECT count(*) AS n FROM deferred_ddl').get()).toEqual({ n: 0 });
    expect(mustOk(store.queries.queuePage({ view: 'all', search: 'impresora' })).total).toBe(1);
  });
});

describe('batches of pulled pages', () => {
  it('stores consecutive pages in one go, ending at the last cursor', () => {
    const { changes, customer: cu } = seedCompany();
    const more = [ticket(cu.id, { number: 3001 }), ticket(cu.id, { number: 3002 })].map((t) => upsert('ticket', t));
    const applied = mustOk(store.applyPulledPages([page(changes, { cursor: 'b1', hasMore: true, stage: 'core' }), page(more, { cursor: 'b2', hasMore: true, stage: 'core' })]));
    expect(applied).toMatchObject({ applied: changes.length + 2, hasMore: true, stage: 'core', initialLoad: true });
    expect(store.pullParams().cursor).toBe('b2');
    expect(store.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 4 });
  });

  it('one malformed page refuses the whole batch and writes nothing', () => {
    const { changes, customer: cu } = seedCompany();
    mustOk(store.applyPulledPage(page(changes, { cursor: 'ok' })));
    const before = dumpCache(store);
    const good = page([upsert('ticket', ticket(cu.id, { number: 4001 }))], { cursor: 'g1', hasMore: true });
    const bad = { ...page([upsert('ticket', ticket(cu.id, { number: 4002 }))], { cursor: 'g2' }), lastSeq: -1 };
    const result = store.applyPulledPages([good, bad]);
    expect(!result.ok && result.error.code).toBe('SYNC_MALFORMED_RESPONSE');
    expect(dumpCache(store)).toEqual(before);
    expect(store.pullParams().cursor).toBe('ok');
  });
});

describe('a failure at any point of a page leaves the cache exactly as it was', () => {
  const points: FaultPoint[] = ['page.begin', 'page.change', 'page.rebase', 'page.cursor', 'page.end'];

  for (const initial of [true, false]) {
    it(`${initial ? 'initial load' : 'incremental'} page: every fault point, then a clean retry applies it`, () => {
      const { changes, customer: cu } = seedCompany();
      let fault: { point: FaultPoint; index?: number } | null = null;
      store.close();
      store = mustOpen(dir, {
        faults: (point, index) => {
          if (fault !== null && fault.point === point && (fault.index === undefined || fault.index === index)) throw new Error(`injected crash at ${point}#${index ?? ''}`);
        },
      });
      if (!initial) mustOk(store.applyPulledPage(page(changes, { cursor: 'base' })));
      const extra = [ticket(cu.id, { number: 2001 }), ticket(cu.id, { number: 2002 }), ticket(cu.id, { number: 2003 })];
      const target = initial ? page(changes, { cursor: 'next', hasMore: false }) : page(extra.map((t) => upsert('ticket', t)), { cursor: 'next' });
      const before = dumpCache(store);
      const faults = points.flatMap((point): { point: FaultPoint; index?: number }[] =>
        point === 'page.change' ? target.changes.map((_, index) => ({ point, index })) : [{ point }],
      );
      for (const f of faults) {
        fault = f;
        const result = store.applyPulledPage(target);
        expect(result.ok, `${f.point}#${f.index ?? ''}`).toBe(false);
        expect(!result.ok && result.error.code).toBe('CACHE_WRITE_FAILED');
        expect(dumpCache(store), `${f.point}#${f.index ?? ''}`).toEqual(before);
      }
      fault = null;
      mustOk(store.applyPulledPage(target));
      expect(store.pullParams().cursor).toBe('next');
      expect(mustOk(store.queries.queuePage({ view: 'all' })).total).toBe(initial ? 2 : 5);
    });
  }
});

describe('malformed pages are refused before anything is written', () => {
  const cases: [string, (good: ReturnType<typeof page>) => unknown, string][] = [
    ['wrong types in an entity', (good) => ({ ...good, changes: [{ ...good.changes[0]!, data: { ...(good.changes[0]!.data as object), number: 'mil' } }] }), 'SYNC_MALFORMED_RESPONSE'],
    ['an unknown entity', (good) => ({ ...good, changes: [{ ...good.changes[0]!, entity: 'invoice' }] }), 'SYNC_MALFORMED_RESPONSE'],
    ['a missing cursor', (good) => ({ ...good, cursor: undefined }), 'SYNC_MALFORMED_RESPONSE'],
    ['an absurd cursor', (good) => ({ ...good, cursor: 'x'.repeat(5000) }), 'SYNC_MALFORMED_RESPONSE'],
    ['an id that does not match its data', (good) => ({ ...good, changes: [{ ...good.changes[0]!, id: crypto.randomUUID() }] }), 'SYNC_MALFORMED_RESPONSE'],
    ['not an object at all', () => 'null', 'SYNC_MALFORMED_RESPONSE'],
    ['a page over the protocol maximum', (good) => ({ ...good, changes: Array.from({ length: 10_001 }, () => good.changes[0]) }), 'SYNC_PAGE_TOO_LARGE'],
  ];
  for (const [name, corrupt, code] of cases) {
    it(name, () => {
      const { changes, customer: cu } = seedCompany();
      mustOk(store.applyPulledPage(page(changes, { cursor: 'ok' })));
      const before = dumpCache(store);
      const good = page([upsert('ticket', ticket(cu.id)), upsert('ticket', ticket(cu.id))], { cursor: 'bad' });
      const result = store.applyPulledPage(corrupt(good));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe(code);
      expect(!result.ok && result.error.message).toMatch(/servidor/);
      expect(dumpCache(store)).toEqual(before);
    });
  }

  it('one bad row among good ones refuses the whole page', () => {
    const { changes, customer: cu } = seedCompany();
    const bad = { ...upsert('ticket', ticket(cu.id)), data: { ...ticket(cu.id), urgency: 'whenever' } };
    const before = dumpCache(store);
    const result = store.applyPulledPage({ ...page(changes), changes: [...changes, bad] });
    expect(result.ok).toBe(false);
    expect(dumpCache(store)).toEqual(before);
  });
});
