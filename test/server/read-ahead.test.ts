/**
 * The initial load's read-ahead (src-server/sync/read-ahead.ts): pages built
 * while the desk stores the last one must be the very answers a pull would
 * give, lose nothing when writes land meanwhile, and never be handed to
 * another desk or actor, or for another cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Ticket, TicketEvent } from '../../src-shared/protocol/entities.ts';
import type { PullResponse } from '../../src-shared/protocol/sync.ts';
import type { Db } from '../../src-server/db/types.ts';
import { insertPlans, insertTicketEvents, insertTickets } from '../../src-server/entities/index.ts';
import { parsePulledPage, pull as pullPage, type PullRequest } from '../../src-server/sync/pull.ts';
import { createReadAhead as createPagedReadAhead, type ReadAheadOptions } from '../../src-server/sync/read-ahead.ts';
import { IDS, insertFixtures } from './support/fixtures.ts';
import { openTestDb } from './support/backends.ts';

/** The pages as a desk reads them (the server sends them as JSON text). */
const pull = (db: Db, request: PullRequest): Promise<PullResponse> => pullPage(db, request).then(parsePulledPage);
function createReadAhead(db: Db, options?: ReadAheadOptions) {
  const ahead = createPagedReadAhead(db, options);
  return { ...ahead, pull: (actorId: string, request: PullRequest): Promise<PullResponse> => ahead.pull(actorId, request).then(parsePulledPage) };
}

const TICKET_ID = '00000000-0000-4000-8000-0000000e0001';
const LIMIT = 4;
const ACTOR = IDS.technician;

const uuid = (prefix: string, n: number): string => `00000000-0000-4000-8000-${prefix}${String(n).padStart(12 - prefix.length, '0')}`;

function plan(n: number, name = 'Plan de prueba'): Plan {
  return { id: uuid('a', n), code: `RA-${n}`, name, tier: 'basic', kind: 'hours', remoteMinutes: 60, onsiteMinutes: 0, ticketQuota: 0, priceCents: 100, active: true };
}

const ticket: Ticket = {
  id: TICKET_ID, number: 7, type: 'incidencia', channel: 'portal', urgency: 'medium', status: 'new', subject: 'Ticket de lectura adelantada', description: '', customerId: IDS.customer,
  assigneeId: null, requesterName: null, requesterEmail: null, errorMessage: null, affectedSite: null, affectedAccount: null, affectedEquipment: null, frequency: null,
  onsiteDistrictUbigeo: null, onsiteAddress: null, createdAt: '2026-03-10T15:00:00.000Z', updatedAt: '2026-03-10T15:00:00.000Z', waitingSince: null, slaPausedMinutes: 0, resolvedAt: null,
};

function note(n: number): TicketEvent {
  return { id: uuid('b', n), ticketId: TICKET_ID, kind: 'note', authorId: IDS.technician, body: `Nota ${n}`, fromStatus: null, toStatus: null, createdAt: '2026-03-10T15:00:00.000Z' };
}

/** Pulls from no cursor until the desk would be caught up, the way the desk walks an initial load. */
async function walk(next: (cursor: string | undefined) => Promise<PullResponse>, between?: (page: number) => Promise<void>): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await next(cursor);
    pages.push(page);
    if (!page.hasMore) return pages;
    cursor = page.cursor;
    await between?.(pages.length);
  }
}

const summary = (pages: readonly PullResponse[]) => pages.map((p) => ({ cursor: p.cursor, hasMore: p.hasMore, stage: p.stage, changes: p.changes.map((c) => `${c.entity}:${c.id}:${c.rev}`) }));

describe('read-ahead of the initial load [pglite]', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    await db.transaction(async (tx) => {
      await insertFixtures(tx);
      await insertTickets(tx, [ticket]);
      await insertPlans(tx, Array.from({ length: 23 }, (_, i) => plan(i + 1)));
      await insertTicketEvents(tx, Array.from({ length: 17 }, (_, i) => note(i + 1)));
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('hands out exactly the pages a pull gives, most of them built ahead', async () => {
    const direct = await walk((cursor) => pull(db, { clientId: 'desk-direct', cursor, limit: LIMIT }));
    const ahead = createReadAhead(db, { aheadRows: 3 * LIMIT });
    const served = await walk((cursor) => ahead.pull(ACTOR, { clientId: 'desk-direct', cursor, limit: LIMIT }));
    expect(summary(served)).toEqual(summary(direct));
    expect(direct.length).toBeGreaterThan(10);
    // The first page is asked fresh; every page that follows a core or history page comes from the
    // chain; ordinary pages after those (stage changes) are asked fresh again.
    const built = direct.filter((_, i) => i > 0 && direct[i - 1]?.stage !== undefined).length;
    expect(built).toBeGreaterThan(8);
    expect(ahead.stats()).toEqual({ hits: built, misses: direct.length - built, chains: 0 });
  });

  it('loses nothing that is written while pages wait to be asked for', async () => {
    const ahead = createReadAhead(db, { aheadRows: 5 * LIMIT });
    let extra = 100;
    const pages = await walk(
      (cursor) => ahead.pull(ACTOR, { clientId: 'desk-writes', cursor, limit: LIMIT }),
      async (page) => {
        // Let the chain build, then write core and history rows (new, and new versions of old ones).
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (page % 2 === 0) {
          extra += 1;
          const n = extra;
          await db.transaction(async (tx) => {
            await insertPlans(tx, [plan(n)]);
            await insertTicketEvents(tx, [note(n)]);
          });
        }
      },
    );
    expect(ahead.stats().hits).toBeGreaterThan(0);
    const delivered = new Set(pages.flatMap((p) => p.changes.map((c) => `${c.entity}:${c.id}`)));
    const log = await db.query<{ entity: string; entity_id: string }>('SELECT entity, entity_id FROM change_log');
    const missing = log.map((r) => `${r.entity}:${r.entity_id}`).filter((key) => !delivered.has(key));
    expect(missing).toEqual([]);
  });

  it('answers another cursor fresh, and never serves one desk or actor another\'s chain', async () => {
    const ahead = createReadAhead(db, { aheadRows: 3 * LIMIT });
    const first = await ahead.pull(ACTOR, { clientId: 'desk-a', limit: LIMIT });
    const second = await ahead.pull(ACTOR, { clientId: 'desk-a', cursor: first.cursor, limit: LIMIT });
    expect(ahead.stats()).toMatchObject({ hits: 1, misses: 1 });

    // The desk restarted from its last stored cursor (the first page's): answered fresh, same content.
    const again = await ahead.pull(ACTOR, { clientId: 'desk-a', cursor: first.cursor, limit: LIMIT });
    expect(summary([again])).toEqual(summary([await pull(db, { clientId: 'desk-a', cursor: first.cursor, limit: LIMIT })]));
    expect(ahead.stats()).toMatchObject({ hits: 1, misses: 2 });

    // The chain is desk-a's, for this actor and page size: anyone else asking with its cursor is answered fresh.
    await ahead.pull(IDS.dispatcher, { clientId: 'desk-a', cursor: second.cursor, limit: LIMIT });
    await ahead.pull(ACTOR, { clientId: 'desk-b', cursor: second.cursor, limit: LIMIT });
    await ahead.pull(ACTOR, { clientId: 'desk-a', cursor: second.cursor, limit: LIMIT + 1 });
    expect(ahead.stats()).toMatchObject({ hits: 1, misses: 5 });
  });

  it('reads the next page while this one\'s JSON is built, never more than two pulls in the making', async () => {
    // Counts pulls (transactions) begun and not yet ended. PGlite runs them one after the other,
    // but the read-ahead asks for the next one from inside the current one, as soon as its cursor
    // is known, which is what lets PostgreSQL build two pages at once.
    let open = 0;
    let most = 0;
    const counted: Db = {
      ...db,
      transaction: async (fn, options) => {
        open += 1;
        most = Math.max(most, open);
        try {
          return await db.transaction(fn, options);
        } finally {
          open -= 1;
        }
      },
    };
    const ahead = createReadAhead(counted, { aheadRows: 6 * LIMIT });
    const direct = await walk((cursor) => pull(db, { clientId: 'desk-pipelined', cursor, limit: LIMIT }));
    const served = await walk(async (cursor) => {
      const page = await ahead.pull(ACTOR, { clientId: 'desk-pipelined', cursor, limit: LIMIT });
      // Let the chain run ahead as far as it may before the next ask.
      await new Promise((resolve) => setTimeout(resolve, 30));
      return page;
    });
    expect(summary(served)).toEqual(summary(direct));
    expect(ahead.stats().hits).toBeGreaterThan(8);
    expect(most).toBe(2);
  });

  it('drops a chain nobody asks from, and every chain on clear()', async () => {
    let now = 1_000_000;
    const ahead = createReadAhead(db, { aheadRows: 2 * LIMIT, ttlMs: 5_000, now: () => now });
    const first = await ahead.pull(ACTOR, { clientId: 'desk-ttl', limit: LIMIT });
    expect(ahead.stats().chains).toBe(1);
    now += 5_001;
    await ahead.pull(ACTOR, { clientId: 'desk-ttl', cursor: first.cursor, limit: LIMIT });
    expect(ahead.stats()).toMatchObject({ hits: 0, misses: 2 });
    expect(ahead.stats().chains).toBe(1);
    ahead.clear();
    expect(ahead.stats().chains).toBe(0);
  });
});
