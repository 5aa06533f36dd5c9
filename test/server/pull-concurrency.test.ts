/**
 * The commit-ordered cursor under real concurrency (real PostgreSQL only:
 * PGlite has a single connection, so its transactions never overlap).
 *
 * Writers insert plans in short transactions; some hold their transaction
 * open after writing until another writer has committed (so commits happen
 * out of start order), some roll back. Pullers, each with its own cursor,
 * pull in a loop while this goes on. At the end every committed row must have
 * been delivered to every puller exactly once, and no rolled-back row ever.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src-shared/protocol/entities.ts';
import type { Db } from '../../src-server/db/types.ts';
import { insertPlans } from '../../src-server/entities/index.ts';
import { pull } from '../../src-server/sync/pull.ts';
import { openTestDb, postgresSkipReason, registerClusterTeardown, chosenBackends } from './support/backends.ts';

registerClusterTeardown();

const WRITERS = 8;
const PULLERS = 3;
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

class Rollback extends Error {}

const wantsPostgres = chosenBackends().some((b) => b.kind === 'postgres');
const skip = wantsPostgres ? postgresSkipReason() : 'AYNI_TEST_BACKENDS excludes postgres';
if (skip !== null) console.warn(`[pull concurrency] ${skip}`);

(skip === null ? describe : describe.skip)('pull cursor under concurrent writers [postgres]', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres', { maxConnections: WRITERS + PULLERS + 4 });
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
            await insertPlans(tx, ids.map(plan));
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

    async function puller(seedCursor: string): Promise<Map<string, number>> {
      const seen = new Map<string, number>();
      let cursor = seedCursor;
      const take = async () => {
        const page = await pull(db, { clientId: 'stress-client-1', cursor, limit: 1 + Math.floor(random() * 40) });
        for (const change of page.changes) seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
        cursor = page.cursor;
        return page;
      };
      while (!writersDone) {
        await take();
        pulls += 1;
      }
      // Drain: everything has committed now.
      while ((await take()).hasMore);
      return seen;
    }

    const start = await pull(db, { clientId: 'stress-client-1', limit: 5_000 });
    expect(start.hasMore).toBe(false);
    const pullers = Array.from({ length: PULLERS }, () => puller(start.cursor));
    await Promise.all(Array.from({ length: WRITERS }, () => writer()));
    writersDone = true;
    const results = await Promise.all(pullers);

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
  });
});
