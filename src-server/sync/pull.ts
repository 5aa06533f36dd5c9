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
 * from no cursor pages through every live row once — the bulk load, in two
 * stages (core, then history; see STAGE_FILTER) — and then simply continues
 * as an incremental pull. `lastSeq` is read in the same snapshot as the
 * changes, so a client can tell which of its queued mutations the delivered
 * rows already reflect.
 */
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import { HISTORY_ENTITIES, type PullResponse } from '../../src-shared/protocol/sync.ts';
import type { Db, Tx } from '../db/types.ts';
import { loadEntitiesJson } from '../entities/wire-json.ts';
import { decodeCursor, earlier, encodeCursor, START, type CursorPosition, type CursorStage, type Position } from './cursor.ts';

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

/**
 * A page as the server sends it: the changes are already JSON text (built by
 * PostgreSQL, entities/wire-json.ts), spliced into the document by pageJson.
 */
export interface PulledPage extends Omit<PullResponse, 'changes'> {
  /** The changes, each a JSON object, joined with commas. */
  readonly changesJson: string;
  readonly count: number;
}

/** The page as the JSON document of the protocol (PullResponseSchema). */
export function pageJson(page: PulledPage): string {
  const { changesJson, count: _count, ...meta } = page;
  const head = JSON.stringify(meta);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"changes":[${changesJson}]}`;
}

/** The page as objects, as a client reads it (tests, tools). */
export const parsePulledPage = (page: PulledPage): PullResponse => JSON.parse(pageJson(page)) as PullResponse;

async function attachData(tx: Tx, rows: readonly LogRow[], cacheKey: object): Promise<{ json: string; count: number }> {
  const idsByEntity = new Map<EntityName, string[]>();
  for (const row of rows) {
    if (row.op !== 'upsert') continue;
    const ids = idsByEntity.get(row.entity) ?? [];
    ids.push(row.entity_id);
    idsByEntity.set(row.entity, ids);
  }
  const data = new Map<EntityName, Map<string, string>>();
  for (const [entity, ids] of idsByEntity) data.set(entity, await loadEntitiesJson(tx, entity, ids, cacheKey));
  const parts: string[] = [];
  for (const row of rows) {
    const head = `{"entity":"${row.entity}","op":"${row.op}","id":${JSON.stringify(row.entity_id)},"rev":"${row.change_id}","data":`;
    if (row.op === 'delete') {
      parts.push(`${head}null}`);
      continue;
    }
    const item = data.get(row.entity)?.get(row.entity_id);
    // Same snapshot as the log row, so the entity row is there; a missing one would be a
    // write that bypassed the store, and skipping it is better than sending a half change.
    if (item === undefined) continue;
    parts.push(`${head}${item}}`);
  }
  return { json: parts.join(','), count: parts.length };
}

/**
 * The stages of a pull from no cursor. The console can work as soon as the
 * core stage is in (queues, search, calendars, balances); the history —
 * ticket events and time entries, most of the rows — follows. Each stage
 * pages through its own partial index (migration 0002) in commit-safe order.
 * When both are done the pull continues as an ordinary one from the earlier
 * of the two end positions: everything before it was delivered by both
 * stages, and a row that changed meanwhile has moved past it in the log.
 * Rows between the two ends may come twice; upserts of the latest version
 * are idempotent.
 */
const HISTORY_LIST = HISTORY_ENTITIES.map((entity) => `'${entity}'`).join(', ');
const STAGE_FILTER: Record<CursorStage, string> = {
  core: `AND entity NOT IN (${HISTORY_LIST})`,
  history: `AND entity IN (${HISTORY_LIST})`,
  changes: '',
};

/** Every log row below `bound`: the size of a pull from no cursor, counted once. */
async function countAll(tx: Tx, bound: string): Promise<number> {
  const rows = await tx.query<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE xid < $1::xid8', [bound]);
  return rows[0]?.n ?? 0;
}

/** Pending log rows after `from` below `bound`. Counted once per catch-up, then carried in the cursor. */
async function countPending(tx: Tx, from: Position, bound: string): Promise<number> {
  const rows = await tx.query<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE (xid, change_id) > ($1::xid8, $2) AND xid < $3::xid8', [from.xid, from.changeId, bound]);
  return rows[0]?.n ?? 0;
}

/**
 * Where a stage that has just run out stands: every row of it below `bound`
 * has been delivered (the rows before the cursor on earlier pages, the rest
 * on this one), so it covers everything up to the end of transaction
 * bound - 1, not just up to its last row (which is the start when the stage
 * had no rows at all).
 */
function covered(bound: string, last: Position): Position {
  const upTo = BigInt(bound) - 1n;
  return upTo <= BigInt(last.xid) ? last : { xid: upTo.toString(), changeId: Number.MAX_SAFE_INTEGER };
}

const positionOf = (row: LogRow | undefined, fallback: Position): Position => (row === undefined ? { xid: fallback.xid, changeId: fallback.changeId } : { xid: row.xid_text, changeId: row.change_id });

/**
 * Where the page after this one starts, told as soon as the log rows are read
 * (before their JSON is built), so a read-ahead can start building it while
 * this one is still being written: `null` when no page leads on from this one
 * (it is an ordinary pull, or it failed).
 */
export type OnNextCursor = (next: { readonly cursor: string; readonly rows: number } | null) => void;

export async function pull(db: Db, request: PullRequest, onNext?: OnNextCursor): Promise<PulledPage> {
  const from = decodeCursor(request.cursor);
  let told = false;
  const tell = (next: Parameters<OnNextCursor>[0]): void => {
    if (told) return;
    told = true;
    onNext?.(next);
  };
  try {
    return await db.transaction(async (tx) => {
      const snapshot = await tx.query<{ bound: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS bound');
      const bound = snapshot[0]?.bound ?? '0';
      const rows = await tx.query<LogRow>(
        `SELECT entity, entity_id, op, xid::text AS xid_text, change_id
           FROM change_log
          WHERE (xid, change_id) > ($1::xid8, $2) AND xid < $3::xid8 ${STAGE_FILTER[from.stage]}
          ORDER BY change_log.xid, change_log.change_id
          LIMIT $4`,
        [from.xid, from.changeId, bound, request.limit + 1],
      );
      const moreInStage = rows.length > request.limit;
      const page = moreInStage ? rows.slice(0, request.limit) : rows;
      const end = positionOf(page.at(-1), from);

      // Where the next page starts depends only on the log rows (and counts in the same snapshot).
      let cursor: string;
      let hasMore: boolean;
      let remaining: number;
      if (from.stage === 'changes') {
        remaining = 0;
        if (moreInStage) {
          // A catch-up: count once, then count down as pages are delivered (new commits meanwhile
          // only make the bar a little optimistic; the final page always says 0).
          remaining = from.remaining !== undefined ? Math.max(1, from.remaining - page.length) : await countPending(tx, end, bound);
        }
        cursor = encodeCursor(moreInStage ? { stage: 'changes', ...end, remaining } : { stage: 'changes', ...end });
        hasMore = moreInStage;
        tell(null);
      } else {
        // Core or history: there is always more (at least the switch to changes).
        const known = from.remaining ?? (await countAll(tx, bound));
        remaining = Math.max(1, known - page.length);
        let next: CursorPosition;
        if (moreInStage) next = { ...from, ...end, remaining };
        else if (from.stage === 'core') next = { ...START, stage: 'history', remaining, coreEnd: covered(bound, end) };
        else next = { ...earlier(from.coreEnd ?? START, covered(bound, end)), stage: 'changes', remaining };
        cursor = encodeCursor(next);
        hasMore = true;
        tell({ cursor, rows: page.length });
      }

      const { json: changesJson, count } = await attachData(tx, page, db);
      const seqRows = await tx.query<{ last_seq: number }>('SELECT last_seq FROM sync_clients WHERE client_id = $1', [request.clientId]);
      const lastSeq = seqRows[0]?.last_seq ?? 0;
      return from.stage === 'changes'
        ? { cursor, hasMore, lastSeq, remaining, count, changesJson }
        : { cursor, hasMore, lastSeq, remaining, stage: from.stage, count, changesJson };
    }, { isolation: 'repeatable read', readOnly: true });
  } finally {
    tell(null);
  }
}
