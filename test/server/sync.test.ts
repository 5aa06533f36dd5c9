import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { entitySchemas, type EntityName } from '../../src-shared/protocol/entities.ts';
import { HISTORY_ENTITIES, PullResponseSchema, PushResponseSchema, SCHEMA_VERSION, type Change } from '../../src-shared/protocol/sync.ts';
import { upsertCalendarDays, deleteEntities } from '../../src-server/entities/index.ts';
import { IDS } from './support/fixtures.ts';
import { describeServer, DEFAULT_CLIENT, type ServerHarness } from './support/harness.ts';
import { mutation, ticketArgs } from './support/mutations.ts';

async function pullAll(h: ServerHarness, cursor?: string, limit = 1000): Promise<{ changes: Change[]; cursor: string; pages: number; remaining: number[] }> {
  const changes: Change[] = [];
  const remaining: number[] = [];
  let next = cursor;
  let pages = 0;
  for (;;) {
    const res = await h.pull('technician', next, DEFAULT_CLIENT, limit);
    expect(res.status).toBe(200);
    const page = PullResponseSchema.parse(res.body);
    pages += 1;
    changes.push(...page.changes);
    remaining.push(page.remaining ?? -1);
    next = page.cursor;
    if (!page.hasMore) return { changes, cursor: page.cursor, pages, remaining };
  }
}

describeServer('sync pull and push', (h) => {
  beforeEach(() => h.reset());

  it('an initial pull delivers every fixture row once, in its wire shape, without password hashes', async () => {
    const { changes } = await pullAll(h);
    const byEntity = new Map<string, number>();
    for (const change of changes) {
      expect(change.op).toBe('upsert');
      const parsed = entitySchemas[change.entity as EntityName].safeParse(change.data);
      expect(parsed.success, `${change.entity} ${JSON.stringify(change.data)}`).toBe(true);
      byEntity.set(change.entity, (byEntity.get(change.entity) ?? 0) + 1);
    }
    expect(byEntity.get('user')).toBe(5);
    expect(byEntity.get('customer')).toBe(1);
    expect(byEntity.get('plan')).toBe(2);
    expect(byEntity.get('planAssignment')).toBe(1);
    expect(byEntity.get('balance')).toBe(1); // The current month's, made at start-up.
    expect(byEntity.get('calendarDay')).toBeGreaterThanOrEqual(4 * 15); // National holidays, four years.
    expect(new Set(changes.map((c) => `${c.entity}:${c.id}`)).size).toBe(changes.length);
    expect(JSON.stringify(changes)).not.toMatch(/scrypt|password/i);
  });

  it('pages in small steps deliver the same rows, with a countdown of what remains', async () => {
    // Tickets bring history rows (their creation events), so both stages have rows.
    await h.push('technician', [mutation(1, 'ticket.create', ticketArgs()), mutation(2, 'ticket.create', ticketArgs())]);
    const all = await pullAll(h);
    const paged = await pullAll(h, undefined, 7);
    const keys = (changes: Change[]) => changes.map((c) => `${c.entity}:${c.id}`);
    expect(keys(paged.changes).sort()).toEqual(keys(all.changes).sort());
    expect(new Set(keys(paged.changes)).size).toBe(paged.changes.length);
    const history = (c: Change) => (HISTORY_ENTITIES as readonly string[]).includes(c.entity);
    const core = paged.changes.filter((c) => !history(c)).length;
    expect(core).toBeGreaterThan(0);
    expect(paged.changes.length - core).toBeGreaterThan(0);
    // Core first, then the history, page by page; then one page to switch to changes.
    expect(paged.changes.findIndex(history)).toBe(core);
    expect(paged.pages).toBeLessThanOrEqual(Math.ceil(core / 7) + Math.ceil((paged.changes.length - core) / 7) + 1);
    expect(paged.remaining.at(-1)).toBe(0);
    expect(paged.remaining[0]).toBe(all.changes.length - 7);
    for (let i = 1; i < paged.remaining.length; i += 1) expect(paged.remaining[i]).toBeLessThanOrEqual(paged.remaining[i - 1] as number);
  });

  it('the stages of a pull from no cursor are marked, and it continues with changes made meanwhile', async () => {
    await h.push('technician', [mutation(1, 'ticket.create', ticketArgs())]);
    const first = await h.pull('technician', undefined, DEFAULT_CLIENT, 5);
    const page = PullResponseSchema.parse(first.body);
    expect(page).toMatchObject({ stage: 'core', hasMore: true });
    // A change lands while the desk is still in its first stage: it must arrive by the end.
    const late = ticketArgs();
    await h.push('technician', [mutation(2, 'ticket.create', late)]);
    const rest = await pullAll(h, page.cursor);
    expect(rest.changes.filter((c) => c.entity === 'ticket').map((c) => c.id)).toContain(late.id);
    expect(rest.changes.some((c) => c.entity === 'ticketEvent' && (c.data as { ticketId: string }).ticketId === late.id)).toBe(true);
    const quiet = await pullAll(h, rest.cursor);
    expect(quiet.changes).toEqual([]);
  });

  it('after the initial pull, the next pull brings only what changed; an updated row comes once with a new rev', async () => {
    const initial = await pullAll(h);
    const empty = await pullAll(h, initial.cursor);
    expect(empty.changes).toEqual([]);
    const args = ticketArgs();
    const push = await h.push('technician', [mutation(1, 'ticket.create', args)]);
    expect(push.body.results).toEqual([{ seq: 1, status: 'applied' }]);
    const after = await pullAll(h, initial.cursor);
    const ticket = after.changes.find((c) => c.entity === 'ticket');
    expect(ticket?.data).toMatchObject({ id: args.id, number: 1, status: 'new', subject: args.subject, createdAt: h.clock.now().toISOString() });
    expect(after.changes.filter((c) => c.entity === 'ticketEvent')).toHaveLength(1);
    expect(after.changes.filter((c) => c.entity === 'balance')).toHaveLength(1);

    await h.push('technician', [mutation(2, 'ticket.update', { id: args.id, patch: { urgency: 'high' } })]);
    const updated = await pullAll(h, after.cursor);
    expect(updated.changes).toHaveLength(1);
    expect(updated.changes[0]).toMatchObject({ entity: 'ticket', op: 'upsert', id: args.id, data: { urgency: 'high' } });
    expect(updated.changes[0]?.rev).not.toBe(ticket?.rev);
    // From the beginning, the ticket appears once, in its latest state.
    const fresh = await pullAll(h);
    expect(fresh.changes.filter((c) => c.entity === 'ticket')).toEqual([updated.changes[0]]);
  });

  it('deletes travel as tombstones', async () => {
    await h.db.transaction((tx) => upsertCalendarDays(tx, [{ id: '2026-04-06', date: '2026-04-06', kind: 'closure', name: 'Inventario anual', opensAt: null, closesAt: null }]));
    const before = await pullAll(h);
    await h.db.transaction((tx) => deleteEntities(tx, 'calendarDay', ['2026-04-06']));
    const after = await pullAll(h, before.cursor);
    expect(after.changes).toEqual([{ entity: 'calendarDay', op: 'delete', id: '2026-04-06', rev: expect.any(String), data: null }]);
  });

  it('lastSeq is the client\'s last processed seq', async () => {
    expect((await h.pull('technician')).body.lastSeq).toBe(0);
    await h.push('technician', [mutation(1, 'ticket.create', ticketArgs()), mutation(2, 'ticket.create', ticketArgs())]);
    expect((await h.pull('technician')).body.lastSeq).toBe(2);
    expect((await h.pull('technician', undefined, 'another-client-1')).body.lastSeq).toBe(0);
  });

  it('bad pull queries are 422 with the error shape', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { clientId: 'short' },
      { clientId: DEFAULT_CLIENT, cursor: 'garbage!' },
      { clientId: DEFAULT_CLIENT, cursor: Buffer.from('v1:1.2.3.4').toString('base64url') },
      { clientId: DEFAULT_CLIENT, cursor: Buffer.from("v1:1' OR 1=1").toString('base64url') },
      { clientId: DEFAULT_CLIENT, limit: '0' },
      { clientId: DEFAULT_CLIENT, limit: '100000' },
      { clientId: DEFAULT_CLIENT, limit: 'abc' },
    ];
    for (const query of cases) {
      const res = await h.request('GET', '/api/v1/sync/pull', { as: 'technician', query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } });
    }
  });

  it('push applies each seq once: a replayed batch gets the recorded results and writes nothing', async () => {
    const args = ticketArgs();
    const batch = [mutation(1, 'ticket.create', args), mutation(2, 'ticket.create', { ...ticketArgs(), customerId: randomUUID() })];
    const first = await h.push('technician', batch);
    expect(PushResponseSchema.parse(first.body)).toEqual({
      lastSeq: 2,
      results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'rejected', code: 'NOT_FOUND', message: expect.any(String) }],
    });
    const again = await h.push('technician', batch);
    expect(again.body).toEqual(first.body);
    const count = await h.db.query<{ n: number }>('SELECT count(*) AS n FROM tickets');
    expect(count[0]?.n).toBe(1);
    const events = await h.db.query<{ n: number }>('SELECT count(*) AS n FROM ticket_events');
    expect(events[0]?.n).toBe(1);
  });

  it('push stops at a gap and continues once the missing seq arrives', async () => {
    const gap = await h.push('technician', [mutation(1, 'ticket.create', ticketArgs()), mutation(3, 'ticket.create', ticketArgs())]);
    expect(gap.body).toEqual({ lastSeq: 1, results: [{ seq: 1, status: 'applied' }] });
    const late = await h.push('technician', [mutation(3, 'ticket.create', ticketArgs())]);
    expect(late.body).toEqual({ lastSeq: 1, results: [] });
    const filled = await h.push('technician', [mutation(2, 'ticket.create', ticketArgs()), mutation(3, 'ticket.create', ticketArgs())]);
    expect(filled.body).toEqual({ lastSeq: 3, results: [{ seq: 2, status: 'applied' }, { seq: 3, status: 'applied' }] });
  });

  it('an unknown mutation name or bad args are rejected mutations, not a failed batch', async () => {
    const res = await h.push('technician', [
      mutation(1, 'ticket.explode' as 'ticket.create', {}),
      mutation(2, 'ticket.create', { ...ticketArgs(), urgency: 'whenever' }),
      mutation(3, 'ticket.create', ticketArgs()),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'UNKNOWN_MUTATION'],
      [2, 'rejected', 'VALIDATION'],
      [3, 'applied', undefined],
    ]);
    expect(res.body.lastSeq).toBe(3);
  });

  it('a schema version mismatch is a 422 and records nothing', async () => {
    const res = await h.request('POST', '/api/v1/sync/push', {
      as: 'technician',
      body: { clientId: DEFAULT_CLIENT, schemaVersion: SCHEMA_VERSION + 1, mutations: [{ seq: 1, id: 'a', name: 'ticket.create', args: ticketArgs() }] },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'SCHEMA_VERSION_MISMATCH', details: { serverSchemaVersion: SCHEMA_VERSION } } });
    expect((await h.pull('technician')).body.lastSeq).toBe(0);
  });

  it('ticket numbers are assigned by the server, in order', async () => {
    const a = ticketArgs();
    const b = ticketArgs();
    await h.push('technician', [mutation(1, 'ticket.create', a), mutation(2, 'ticket.create', b)]);
    const rows = await h.db.query<{ id: string; number: number }>('SELECT id::text AS id, number FROM tickets ORDER BY number');
    expect(rows).toEqual([{ id: a.id, number: 1 }, { id: b.id, number: 2 }]);
  });

  if (h.kind === 'postgres') {
    it('a change committing after a pull is delivered by the next pull even when a later-started transaction committed first', async () => {
      const start = await pullAll(h);
      let releaseA!: () => void;
      const gateA = new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      let aWrote!: () => void;
      const wroteA = new Promise<void>((resolve) => {
        aWrote = resolve;
      });
      const dayA = { id: '2026-05-04', date: '2026-05-04', kind: 'closure' as const, name: 'A', opensAt: null, closesAt: null };
      const dayB = { id: '2026-05-05', date: '2026-05-05', kind: 'closure' as const, name: 'B', opensAt: null, closesAt: null };
      // A starts and writes first (lower xid), then waits.
      const txA = h.db.transaction(async (tx) => {
        await upsertCalendarDays(tx, [dayA]);
        aWrote();
        await gateA;
      });
      await wroteA;
      // B starts later, writes, and commits while A is still open.
      await h.db.transaction((tx) => upsertCalendarDays(tx, [dayB]));
      const whileOpen = await pullAll(h, start.cursor);
      // Neither is delivered yet: B is above the oldest running transaction (A).
      expect(whileOpen.changes).toEqual([]);
      releaseA();
      await txA;
      const after = await pullAll(h, whileOpen.cursor);
      expect(after.changes.map((c) => c.id)).toEqual(['2026-05-04', '2026-05-05']);
    });

    it('concurrent pushes of one client apply each mutation once', async () => {
      const batch = Array.from({ length: 10 }, (_, i) => mutation(i + 1, 'ticket.create', ticketArgs()));
      const answers = await Promise.all([h.push('technician', batch), h.push('technician', batch), h.push('technician', batch)]);
      for (const answer of answers) expect(answer.status).toBe(200);
      const count = await h.db.query<{ n: number }>('SELECT count(*) AS n FROM tickets');
      expect(count[0]?.n).toBe(10);
      const final = await h.push('technician', batch);
      expect(final.body.lastSeq).toBe(10);
      expect(final.body.results.every((r) => r.status === 'applied')).toBe(true);
    });
  }

  it('the fixture user ids are stable (sanity for other suites)', () => {
    expect(IDS.technician).toMatch(/^[0-9a-f-]{36}$/);
  });
});
