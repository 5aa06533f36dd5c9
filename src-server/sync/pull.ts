/**
 * GET /api/v1/sync/pull — changes after a cursor, in commit-safe order.
 *
 * Why not a sequence or now(): both are assigned when a transaction *writes*,
 * not when it *commits*. T1 takes change id 10, T2 takes 11 and commits
 * first; a pull between the two commits returns 11, the cursor moves past
 * 10, and T1's change is never delivered.
 *
 * What we do instead: every write stamps its change-log row with the writing
 * transaction's id (pg_current_xact_id(), xid8). A pull runs in one
 * REPEATABLE READ snapshot and returns only rows whose xid is below that
 * snapshot's xmin — the oldest transaction still running. Every transaction
 * below xmin has finished (committed and visible to us, or aborted and
 * gone), so no change can later appear behind the cursor, whatever order
 * transactions commit in. Rows are ordered by (xid, change id); the cursor is
 * the last pair delivered. The price: a long-running writer holds back what
 * pulls can see until it ends (writers here are short; pulls never write, so
 * they do not hold back each other). We chose this over serialising all
 * writers on an advisory lock because writers for different technicians or
 * customers stay concurrent.
 *
 * The log keeps one row per entity (its latest change), so an initial pull
 * from no cursor pages through every live row once — the bulk load — and
 * then simply continues as an incremental pull. `lastSeq` is read in the
 * same snapshot as the changes, so a client can tell which of its queued
 * mutations the delivered rows already reflect.
 */
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import type { Change, PullResponse } from '../../src-shared/protocol/sync.ts';
import type { Db, Tx } from '../db/types.ts';
import { loadEntities } from '../entities/store.ts';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor.ts';

interface LogRow {
  entity: EntityName;
  entity_id: string;
  op: 'upsert' | 'delete';
  /** Text, because xid8 is 64-bit; never ORDER BY this alias (text order puts '1000' before '999'). */
  xid_text: string;
  change_id: number;
}

export interface PullRequest {
  readonly clientId: string;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

async function attachData(tx: Tx, rows: readonly LogRow[]): Promise<Change[]> {
  const idsByEntity = new Map<EntityName, string[]>();
  for (const row of rows) {
    if (row.op !== 'upsert') continue;
    const ids = idsByEntity.get(row.entity) ?? [];
    ids.push(row.entity_id);
    idsByEntity.set(row.entity, ids);
  }
  const data = new Map<string, unknown>();
  for (const [entity, ids] of idsByEntity) {
    for (const item of await loadEntities(tx, entity, ids)) data.set(`${entity}\u0000${String(item.id)}`, item);
  }
  const changes: Change[] = [];
  for (const row of rows) {
    const rev = String(row.change_id);
    if (row.op === 'delete') {
      changes.push({ entity: row.entity, op: 'delete', id: row.entity_id, rev, data: null });
      continue;
    }
    const item = data.get(`${row.entity}\u0000${row.entity_id}`);
    // Same snapshot as the log row, so the entity row is there; a missing one would be a
    // write that bypassed the store, and skipping it is better than sending a half change.
    if (item === undefined) continue;
    changes.push({ entity: row.entity, op: 'upsert', id: row.entity_id, rev, data: item });
  }
  return changes;
}

/** Pending log rows after `from` below `bound`. Counted once per catch-up, then carried in the cursor. */
async function countPending(tx: Tx, from: CursorPosition, bound: string): Promise<number> {
  const rows = await tx.query<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE (xid, change_id) > ($1::xid8, $2) AND xid < $3::xid8', [from.xid, from.changeId, bound]);
  return rows[0]?.n ?? 0;
}

export async function pull(db: Db, request: PullRequest): Promise<PullResponse> {
  const from = decodeCursor(request.cursor);
  return db.transaction(async (tx) => {
    const snapshot = await tx.query<{ bound: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS bound');
    const bound = snapshot[0]?.bound ?? '0';
    const rows = await tx.query<LogRow>(
      `SELECT entity, entity_id, op, xid::text AS xid_text, change_id
         FROM change_log
        WHERE (xid, change_id) > ($1::xid8, $2) AND xid < $3::xid8
        ORDER BY change_log.xid, change_log.change_id
        LIMIT $4`,
      [from.xid, from.changeId, bound, request.limit + 1],
    );
    const hasMore = rows.length > request.limit;
    const page = hasMore ? rows.slice(0, request.limit) : rows;
    const changes = await attachData(tx, page);
    const seqRows = await tx.query<{ last_seq: number }>('SELECT last_seq FROM sync_clients WHERE client_id = $1', [request.clientId]);
    const lastSeq = seqRows[0]?.last_seq ?? 0;

    const last = page.at(-1);
    let remaining = 0;
    if (hasMore && last !== undefined) {
      // A catch-up: count once, then count down as pages are delivered (new commits meanwhile
      // only make the bar a little optimistic; the final page always says 0).
      remaining = from.remaining !== undefined ? Math.max(1, from.remaining - page.length) : await countPending(tx, { xid: last.xid_text, changeId: last.change_id }, bound);
    }
    const next: CursorPosition = last === undefined ? { xid: from.xid, changeId: from.changeId } : { xid: last.xid_text, changeId: last.change_id };
    const cursor = encodeCursor(hasMore ? { ...next, remaining } : next);
    return { cursor, hasMore, lastSeq, remaining, changes };
  }, { isolation: 'repeatable read', readOnly: true });
}
