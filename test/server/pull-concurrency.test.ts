/**
 * The commit-ordered cursor under real concurrency (real PostgreSQL only:
 * PGlite has a single connection, so its transactions never overlap).
 *
 * Writers insert plans (core rows) and ticket events (history rows) in short
 * transactions; some hold their transaction open after writing until another
 * writer has committed (so commits happen out of start order), some roll
 * back. Pullers, each with its own cursor, pull in a loop while this goes on.
 * At the end every committed row must have been delivered to every puller
 * that started from a caught-up cursor exactly once, and no rolled-back row
 * ever. Fresh pullers start from no cursor while the writers run, so they go
 * through the core and history stages and then continue with changes: they
 * must miss nothing either (a row may come twice around the switch between
 * stages; upserts of the latest version are idempotent).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Ticket, TicketEvent } from '../../src-shared/protocol/entities.ts';
import type { Db } from '../../src-server/db/types.ts';
import { insertPlans, insertTicketEvents, insertTickets } from '../../src-server/entities/index.ts';
import { IDS, insertFixtures } from './support/fixtures.ts';
import { parsePulledPage, pull } from '../../src-server/sync/pull.ts';
import { openTestDb, postgresSkipReason, registerClusterTeardown, chosenBackends } from './support/backends.ts';

registerClusterTeardown();

const WRITERS = 8;
const PULLERS = 3;
const FRESH_PULLERS = 3;
const TICKET_ID = '00000000-0000-4000-8000-0000000d0001';
const MIN_PULLS = 1_200;
const MIN_TRANSACTIONS = 400;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function plan(id: string): Plan {
  return { id, code: `P-${id.slice(0, 13)}`, name: 'Plan de carga', tier: 'basic', kind: 'hours', remoteMinutes: 60, onsiteMinutes: 0, ticketQuota: 0, priceCents: 100, active: true };
}

const ticket: Ticket = {
  id: TICKET_ID, number: 1, type: 'incidencia', channel: 'portal', urgency: 'medium', status: 'new', subject: 'Ticket de carga', description: '', customerId: IDS.customer,
  assigneeId: null, requesterName: null, requesterEmail: null, errorMessage: null, affectedSite: null, affectedAccount: null, affectedEquipment: null, frequency: null,
  onsiteDistrictUbigeo: null, onsiteAddress: null, createdAt: '2026-03-10T15:00:00.000Z', updatedAt: '2026-03-10T15:00:00.000Z', waitingSince: null, slaPausedMinutes: 0, resolvedAt: null,
};

function note(id: string): TicketEvent {
  return { id, ticketId: TICKET_ID, kind: 'note', authorId: IDS.technician, body: 'Nota de carga', fromStatus: null, toStatus: null, createdAt: '2026-03-10T15:00:00.000Z' };
}

class Rollback extends Error {}

const wantsPostgres = chosenBackends().some((b) => b.kind === 'postgres');
const skip = wantsPostgres ? postgresSkipReason() : 'AYNI_TEST_BACKENDS excludes postgres';
if (skip !== null) console.warn(`[pull concurrency] ${skip}`);

(skip === null ? describe : describe.skip)('pull cursor under concurrent writers [postgres]', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres', { maxConnections: WRITERS + PULLERS + FRESH_PULLERS + 4 });
    await db.transaction(async (tx) => {
      await insertFixtures(tx);
      await insertTickets(tx, [ticket]);
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it(`misses nothing and repeats nothing across ≥ ${MIN_PULLS} pulls interleaved with out-of-order commits`, async () => {
    const random = rng(20_260_310);
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    /** (xid, commit order) of every committed writer transaction. */
    const commits: Array<{ xid: bigint; order: number }> = [];
    const commitWaiters: Array<() => void> = [];
    let holding = 0;
    let running = WRITERS;
    let pulls = 0;
    let transactions = 0;
    let writersDone = false;

    const nextCommit = () => new Promise<void>((resolve) => commitWaiters.push(resolve));
    const announceCommit = () => {
      for (const wake of commitWaiters.splice(0)) wake();
    };

    async function writer(): Promise<void> {
      while (pulls < MIN_PULLS || transactions < MIN_TRANSACTIONS) {
        transactions += 1;
        const ids = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomUUID());
        const roll = random();
        const rollback = roll < 0.1;
        // Hold open until someone else commits, while at least two other writers are free to commit.
        // The slot is taken now, not once the transaction is open, so concurrent writers cannot all decide to hold.
        const hold = !rollback && roll < 0.55 && holding < running - 2;
        if (hold) holding += 1;
        try {
          const xid = await db.transaction(async (tx) => {
            // Core and history rows, sometimes in the same transaction.
            const kind = random();
            if (kind < 0.4) await insertPlans(tx, ids.map(plan));
            else if (kind < 0.8) await insertTicketEvents(tx, ids.map(note));
            else {
              await insertPlans(tx, ids.slice(0, 1).map(plan));
              await insertTicketEvents(tx, ids.slice(1).map(note));
            }
            const [row] = await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
            if (hold) {
              await nextCommit();
            } else if (random() < 0.3) {
              await tx.query('SELECT pg_sleep($1)', [random() * 0.004]);
            }
            if (rollback) throw new Rollback();
            return BigInt(row?.xid ?? '0');
          });
          for (const id of ids) committed.add(id);
          commits.push({ xid, order: commits.length });
          announceCommit();
        } catch (error) {
          if (!(error instanceof Rollback)) throw error;
          for (const id of ids) rolledBack.add(id);
        } finally {
          if (hold) holding -= 1;
        }
      }
      // Leaving: whoever still holds must not wait for a commit that will never come.
      running -= 1;
      for (const wake of commitWaiters.splice(0)) wake();
    }

    async function puller(seedCursor: string | undefined, startAfterPulls = 0): Promise<Map<string, number>> {
      const seen = new Map<string, number>();
      let cursor = seedCursor;
      const take = async () => {
        const page = parsePulledPage(await pull(db, { clientId: 'stress-client-1', cursor, limit: 1 + Math.floor(random() * 40) }));
        for (const change of page.changes) seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
        cursor = page.cursor;
        return page;
      };
      // A fresh puller waits for the writers to be under way, then starts from no cursor.
      while (!writersDone && pulls < startAfterPulls) await new Promise((resolve) => setTimeout(resolve, 5));
      while (!writersDone) {
        await take();
        pulls += 1;
      }
      // Drain: everything has committed now.
      while ((await take()).hasMore);
      return seen;
    }

    // Catch up once (through the stages), then every steady puller starts from there.
    let start = await pull(db, { clientId: 'stress-client-1', limit: 5_000 });
    while (start.hasMore) start = await pull(db, { clientId: 'stress-client-1', cursor: start.cursor, limit: 5_000 });
    const pullers = Array.from({ length: PULLERS }, () => puller(start.cursor));
    const fresh = Array.from({ length: FRESH_PULLERS }, (_, i) => puller(undefined, ((i + 1) * MIN_PULLS) / (FRESH_PULLERS + 2)));
    await Promise.all(Array.from({ length: WRITERS }, () => writer()));
    writersDone = true;
    const results = await Promise.all(pullers);
    const freshResults = await Promise.all(fresh);

    expect(pulls).toBeGreaterThanOrEqual(MIN_PULLS);
    // The workload really committed out of xid order (otherwise this test proves little).
    let outOfOrder = 0;
    let highest = -1n;
    for (const commit of commits) {
      if (commit.xid < highest) outOfOrder += 1;
      if (commit.xid > highest) highest = commit.xid;
    }
    expect(outOfOrder).toBeGreaterThan(0);
    expect(rolledBack.size).toBeGreaterThan(0);

    for (const seen of results) {
      const missed = [...committed].filter((id) => !seen.has(id));
      const repeated = [...seen].filter(([, n]) => n > 1);
      const ghosts = [...seen.keys()].filter((id) => rolledBack.has(id));
      expect({ missed: missed.length, repeated: repeated.length, ghosts: ghosts.length }).toEqual({ missed: 0, repeated: 0, ghosts: 0 });
      expect(seen.size).toBe(committed.size);
    }
    for (const seen of freshResults) {
      const missed = [...committed].filter((id) => !seen.has(id));
      const ghosts = [...seen.keys()].filter((id) => rolledBack.has(id));
      expect({ missed: missed.length, ghosts: ghosts.length }).toEqual({ missed: 0, ghosts: 0 });
    }
  });
});
