/**
 * Ticket queues: one page of a view, filtered, sorted and optionally
 * searched, with keyset paging. Each view is an equality prefix of an index
 * whose remaining columns are the sort keys ending in `id`, so a page is one
 * ordered index walk (see 0002_queue_indexes_and_search.ts,
 * 0003_priority_by_status_band.ts and test/unit/cache/query-plans.test.ts).
 * A filter on several technicians, customers or statuses is several such
 * walks merged (`armsOf`).
 *
 * "Prioridad" is the rank's order (src-shared/tickets/rank.ts, compareRank):
 * status band, urgency, tier (together the level P1–P16), arrival, id. The
 * desk sends each row's level and the words that explain it with the row.
 */
import type { z } from 'zod';
import { QUEUE_SORT_KEYS, QueuePageInputSchema, type QueuePageInput } from '../../../../src-shared/ipc/work-calls.ts';
import type { TicketStatus as Status, Tier as TierName, Urgency } from '../../../../src-shared/protocol/entities.ts';
import { fail, ok, type Result } from '../../../../src-shared/result.ts';
import { rankBand } from '../../../../src-shared/tickets/rank.ts';
import { tierOfRank, tierRank } from '../tiers.ts';
import { inList, type QueryContext } from './context.ts';
import type { StatementCache } from '../sqlite.ts';
import { toFtsQuery } from './search.ts';

// The query's shape is part of the DeskApi contract: one definition, in src-shared.
export { QUEUE_SORT_KEYS, QUEUE_VIEWS, QueueFiltersSchema, QueuePageInputSchema, QueueSortSchema, type QueuePageInput } from '../../../../src-shared/ipc/work-calls.ts';

export interface QueueRow {
  readonly id: string;
  readonly number: number | null;
  readonly subject: string;
  readonly type: string;
  readonly channel: string;
  readonly urgency: string;
  readonly status: Status;
  readonly customerId: string;
  readonly customerName: string;
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
  readonly tier: TierName | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** A local edit of this ticket has not been confirmed by the server yet. */
  readonly pendingSync: boolean;
  /** What the SLA clock needs (read with the row, not in a second query). */
  readonly waitingSince: string | null;
  readonly slaPausedMinutes: number;
  readonly resolvedAt: string | null;
}

export interface QueuePage {
  readonly rows: readonly QueueRow[];
  /** Rows matching view + filters + search, across all pages. */
  readonly total: number;
  readonly nextCursor: string | null;
}

type SortColumn = { readonly column: string; readonly kind: 'int' | 'text' };
const SORT_COLUMNS: { readonly [K in (typeof QUEUE_SORT_KEYS)[number]]: readonly SortColumn[] } = {
  // The rank's status band leads (0003_priority_by_status_band.ts): open work, then waiting, then finished.
  priority: [
    { column: 'status_band', kind: 'int' },
    { column: 'urgency_rank', kind: 'int' },
    { column: 'tier_rank', kind: 'int' },
    { column: 'created_at', kind: 'text' },
    { column: 'id', kind: 'text' },
  ],
  createdAt: [{ column: 'created_at', kind: 'text' }, { column: 'id', kind: 'text' }],
  number: [{ column: 'number_key', kind: 'int' }, { column: 'id', kind: 'text' }],
  updatedAt: [{ column: 'updated_at', kind: 'text' }, { column: 'id', kind: 'text' }],
};

interface CursorPayload {
  readonly s: string;
  readonly d: string;
  readonly v: readonly (string | number)[];
}

function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, key: string, dir: string, columns: readonly SortColumn[]): readonly (string | number)[] | null {
  try {
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPayload>;
    if (payload.s !== key || payload.d !== dir || !Array.isArray(payload.v) || payload.v.length !== columns.length) return null;
    const valid = columns.every((col, i) => (col.kind === 'int' ? Number.isInteger(payload.v?.[i]) : typeof payload.v?.[i] === 'string'));
    return valid ? payload.v : null;
  } catch {
    // Not base64/JSON: the caller answers INVALID_CURSOR, which is the report.
    return null;
  }
}

type Params = Record<string, string | number | null>;
type QueueInput = z.output<typeof QueuePageInputSchema>;

/** Same ranks as the tickets.urgency_rank generated column. */
const URGENCY_RANK: { readonly [U in Urgency]: number } = { critical: 0, high: 1, medium: 2, low: 3 };

interface WhereOptions {
  /** The page walks an index in sort order: the broad filters must not pick another (below). */
  readonly walk: boolean;
  /** The filter the page is split on (`armsOf`): left out here, each arm has its own value. */
  readonly arm?: ArmFilter | undefined;
}

/**
 * A walking page marks the broad attribute filters (tipo, canal, urgencia, tier) with
 * SQLite's unary `+`, which keeps the planner from choosing their own
 * indexes for a page: each matches a large share of the tickets, and reading
 * e.g. every incidencia through tickets_by_type and then sorting 60k rows
 * took 150–280 ms for a page of 100 at 100k tickets, while walking the
 * sort's index and skipping the others stops after a few hundred rows. The
 * count keeps the indexes (it reads every match anyway). A page split into
 * arms marks the other filters too, so that each arm walks its own index.
 */
function whereClause(input: QueueInput, me: string | null, params: Params, options: WhereOptions = { walk: false }): string[] {
  const where: string[] = [];
  switch (input.view) {
    case 'mine':
      params.me = me;
      where.push('t.assignee_id = @me', 't.is_open = 1');
      break;
    case 'unassigned':
      where.push('t.assignee_id IS NULL', 't.is_open = 1');
      break;
    case 'onsite_pending':
      where.push("t.status = 'onsite_pending'");
      break;
    case 'waiting_customer':
      where.push("t.status = 'waiting_customer'");
      break;
    case 'all':
      break;
  }
  const f = input.filters;
  const list = (column: string, prefix: string, values: readonly (string | number)[] | undefined): void => {
    if (values !== undefined && values.length > 0) where.push(`${column} IN (${inList(prefix, values, params)})`);
  };
  const broad = options.walk ? '+' : '';
  const other = options.arm === undefined ? '' : '+';
  list(`${broad}t.type`, 'type', f.type);
  if (options.arm !== 'status') list(`${other}t.status`, 'status', f.status);
  list(`${broad}t.channel`, 'channel', f.channel);
  list(`${broad}t.urgency_rank`, 'urgency', f.urgency?.map((u) => URGENCY_RANK[u]));
  list(`${broad}t.tier_rank`, 'tier', f.tier?.map(tierRank));
  if (options.arm !== 'customerId') list(`${other}t.customer_id`, 'customer', f.customerId);
  if (options.arm !== 'technicianId') list(`${other}t.assignee_id`, 'tech', f.technicianId);
  const fts = ftsOf(input);
  if (fts !== null) {
    params.search = fts;
    // For a walking page, the matches are a set to probe while walking the sort's index (see above).
    where.push(`${broad}t.row_id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH @search)`);
  }
  return where;
}

function ftsOf(input: QueueInput): string | null {
  return input.search === undefined ? null : toFtsQuery(input.search);
}

type ArmFilter = 'technicianId' | 'customerId' | 'status';
type SortKey = (typeof QUEUE_SORT_KEYS)[number];

/**
 * The sorts for which an index leads with the filter's column (after an
 * equality on is_open for technicians) and continues with the sort keys:
 * tickets_by_assignee_open_<sort> and tickets_by_status_<sort> (0002, 0003);
 * for customers, tickets_by_customer (customer_id, created_at — ties on the
 * instant are put in id order inside each arm, a handful of rows) and
 * tickets_by_customer_priority (0004).
 */
const ARM_SORTS: { readonly [F in ArmFilter]: ReadonlySet<SortKey> } = {
  technicianId: new Set(QUEUE_SORT_KEYS),
  customerId: new Set(['priority', 'createdAt']),
  status: new Set(QUEUE_SORT_KEYS),
};

/** More arms than this and the page is read the plain way (a compound SELECT's cost grows with its arms). */
const MAX_ARMS = 32;

/**
 * An IN list on a filter's indexed column (several technicians, customers or
 * statuses) loses the index's order: SQLite reads every match and sorts it —
 * 4–10 ms for ~7k tickets of one technician or five customers at 200k, every
 * page. Split on that filter, a page is a compound SELECT with one arm per
 * value (per value and is_open for technicians: the index has is_open
 * second), each an ordered walk of its index; SQLite merges the arms of a
 * compound SELECT under its ORDER BY (MERGE (UNION ALL)), pulling rows only
 * as the merge needs them, so the page stops at LIMIT after about
 * limit + arms index entries. The other filters are probed on the way, as in
 * any walking page, so with other filters the split waits for `walk` (many
 * matches); alone, the arms read only the rows the page shows, however few
 * match (1,400 tickets of two statuses took 1–3 ms to sort per page).
 *
 * Only the 'all' view (the others are already an equality prefix) and
 * without a search (each arm would run the full-text query again). With
 * several of these filters the technicians are the arms, then the
 * customers, then the statuses, the first with an index for the sort.
 */
function armsOf(input: QueueInput, params: Params, walk: boolean): { readonly filter: ArmFilter; readonly arms: readonly (readonly string[])[] } | null {
  if (input.view !== 'all' || ftsOf(input) !== null) return null;
  const f = input.filters;
  if (!walk && Object.values(f).filter((values) => values !== undefined && values.length > 0).length !== 1) return null;
  const sort = input.sort.key;
  // One arm per distinct value (hence the sets): `IN ('a', 'a')` matches a row once, two arms would yield it twice.
  const bind = (prefix: string, values: ReadonlySet<string>): string[] =>
    [...values].map((value, i) => {
      params[`${prefix}${i}`] = value;
      return `@${prefix}${i}`;
    });
  const technicians = new Set(f.technicianId);
  if (technicians.size > 0 && ARM_SORTS.technicianId.has(sort)) {
    // A status filter may leave only open or only finished tickets to walk (is_open is 0 exactly in the finished band).
    const open = f.status === undefined || f.status.length === 0 ? [0, 1] : [...new Set(f.status.map((s) => (rankBand(s) === 2 ? 0 : 1)))];
    if (technicians.size * open.length <= MAX_ARMS) {
      return { filter: 'technicianId', arms: bind('tech', technicians).flatMap((p) => open.map((o) => [`t.assignee_id = ${p}`, `t.is_open = ${o}`])) };
    }
  }
  const customers = new Set(f.customerId);
  if (customers.size > 0 && customers.size <= MAX_ARMS && ARM_SORTS.customerId.has(sort)) {
    return { filter: 'customerId', arms: bind('customer', customers).map((p) => [`t.customer_id = ${p}`]) };
  }
  const statuses = new Set(f.status);
  if (statuses.size > 0 && statuses.size <= MAX_ARMS && ARM_SORTS.status.has(sort)) {
    return { filter: 'status', arms: bind('status', statuses).map((p) => [`t.status = ${p}`]) };
  }
  return null;
}

export interface QueueSql {
  readonly page: string;
  readonly pageParams: Params;
  readonly count: string;
  readonly countParams: Params;
}

function parseInput(rawInput: QueuePageInput): Result<QueueInput> {
  const parsed = QueuePageInputSchema.safeParse(rawInput);
  if (parsed.success) return ok(parsed.data);
  return fail('VALIDATION', `Consulta de cola no válida: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
}

/**
 * Below this many matches a page is read through the filters' (or the
 * search's) own indexes and sorted — a few thousand rows sort in a
 * millisecond or two; above it, the sort's index is walked and the filters
 * skipped past (see whereClause), which stops after a page's worth.
 */
export const WALK_SORT_INDEX_ABOVE = 2_000;


function countSql(input: QueueInput, me: string | null): { readonly count: string; readonly countParams: Params } {
  const countParams: Params = {};
  const where = whereClause(input, me, countParams);
  return { count: `SELECT count(*) AS n FROM tickets t${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`, countParams };
}

const PAGE_COLUMNS = `t.id, t.number, t.subject, t.type, t.channel, t.urgency, t.status, t.customer_id, t.customer_name, t.assignee_id, u.name AS assignee_name,
      t.tier_rank, t.created_at, t.updated_at, t.status_band, t.urgency_rank, t.number_key,
      t.waiting_since, t.sla_paused_minutes, t.resolved_at,
      EXISTS (SELECT 1 FROM overlay_touches o WHERE o.entity = 'ticket' AND o.id = t.id) AS pending_sync`;

/** `walk`: walk the sort's index(es) and probe the filters (many matches), or read the matches through the filters' indexes and sort them (few). */
function pageSql(input: QueueInput, me: string | null, walk: boolean): Result<{ readonly page: string; readonly pageParams: Params }> {
  const params: Params = {};
  const columns = SORT_COLUMNS[input.sort.key];
  const split = armsOf(input, params, walk);
  const where = whereClause(input, me, params, { walk, arm: split?.filter });
  if (input.after !== undefined) {
    const values = decodeCursor(input.after, input.sort.key, input.sort.dir, columns);
    if (values === null) return fail('INVALID_CURSOR', 'La posición de la lista ya no es válida; vuelva al inicio de la cola.');
    values.forEach((value, i) => {
      params[`k${i}`] = value;
    });
    const op = input.sort.dir === 'asc' ? '>' : '<';
    where.push(`(${columns.map((c) => `t.${c.column}`).join(', ')}) ${op} (${columns.map((_, i) => `@k${i}`).join(', ')})`);
  }
  params.limit = input.limit + 1;
  const dir = input.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const orderBy = (prefix: string): string => columns.map((c) => `${prefix}${c.column} ${dir}`).join(', ');
  if (split === null) {
    const page = `SELECT ${PAGE_COLUMNS}
    FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${orderBy('t.')}
    LIMIT @limit`;
    return ok({ page, pageParams: params });
  }
  // The arms yield row ids and sort keys; the page's columns are read for its own rows only.
  const keys = columns.map((c) => `t.${c.column}`).join(', ');
  const arms = split.arms.map((arm) => `SELECT t.row_id, ${keys} FROM tickets t WHERE ${[...arm, ...where].join(' AND ')}`);
  const page = `WITH page AS (
      ${arms.join('\n      UNION ALL ')}
      ORDER BY ${orderBy('')}
      LIMIT @limit)
    SELECT ${PAGE_COLUMNS}
    FROM page p CROSS JOIN tickets t ON t.row_id = p.row_id LEFT JOIN users u ON u.id = t.assignee_id
    ORDER BY ${orderBy('p.')}`;
  return ok({ page, pageParams: params });
}

/** Builds the statements of a page (exported for the query-plan test); `matches` (the total, when known) picks how the page is read, unknown means walking. */
export function buildQueueSql(rawInput: QueuePageInput, me: string | null, matches?: number): Result<QueueSql> {
  const parsed = parseInput(rawInput);
  if (!parsed.ok) return parsed;
  const page = pageSql(parsed.value, me, matches === undefined || matches > WALK_SORT_INDEX_ABOVE);
  if (!page.ok) return page;
  return ok({ ...page.value, ...countSql(parsed.value, me) });
}

interface QueueDbRow {
  id: string;
  number: number | null;
  subject: string;
  type: string;
  channel: string;
  urgency: string;
  status: Status;
  customer_id: string;
  customer_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  tier_rank: number;
  created_at: string;
  updated_at: string;
  status_band: number;
  urgency_rank: number;
  number_key: number;
  waiting_since: string | null;
  sla_paused_minutes: number;
  resolved_at: string | null;
  pending_sync: number;
}

/**
 * Totals of recent queue queries, valid while the connection has written
 * nothing since (SQLite's total_changes(), which every insert, update and
 * delete on this connection advances — the desk's only writer). A count
 * reads every match, which for a broad filter over 100k tickets is tens of
 * milliseconds; the next page of the same list, or the same list asked
 * again before any change, should not pay it again.
 */
const countMemos = new WeakMap<StatementCache, { version: number; totals: Map<string, number> }>();
const MAX_MEMO_ENTRIES = 256;

function countOf(sql: StatementCache, count: string, params: Params): number {
  const version = (sql.get('SELECT total_changes() AS v').get() as { v: number }).v;
  let memo = countMemos.get(sql);
  if (memo === undefined || memo.version !== version) {
    memo = { version, totals: new Map() };
    countMemos.set(sql, memo);
  }
  const key = `${count}\u0000${JSON.stringify(params)}`;
  const known = memo.totals.get(key);
  if (known !== undefined) return known;
  const total = (sql.get(count).get(params) as { n: number }).n;
  if (memo.totals.size >= MAX_MEMO_ENTRIES) memo.totals.clear();
  memo.totals.set(key, total);
  return total;
}

/** `walkAbove` is WALK_SORT_INDEX_ABOVE but for tests, which read small queues both ways. */
export function queuePage(ctx: QueryContext, rawInput: QueuePageInput, walkAbove = WALK_SORT_INDEX_ABOVE): Result<QueuePage> {
  const parsed = parseInput(rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const me = ctx.me();
  if (input.view === 'mine' && me === null) return ok({ rows: [], total: 0, nextCursor: null });
  // The total first: how many rows match decides how the page is best read.
  const { count, countParams } = countSql(input, me);
  const total = countOf(ctx.sql, count, countParams);
  const built = pageSql(input, me, total > walkAbove);
  if (!built.ok) return built;
  const { page, pageParams } = built.value;
  const dbRows = ctx.sql.get(page).all(pageParams) as QueueDbRow[];
  const hasMore = dbRows.length > input.limit;
  const rows = dbRows.slice(0, input.limit);
  const last = rows.at(-1);
  const columns = SORT_COLUMNS[input.sort.key];
  const nextCursor = hasMore && last !== undefined ? encodeCursor({ s: input.sort.key, d: input.sort.dir, v: columns.map((c) => last[c.column as keyof QueueDbRow] as string | number) }) : null;
  return ok({
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      type: r.type,
      channel: r.channel,
      urgency: r.urgency,
      status: r.status,
      customerId: r.customer_id,
      customerName: r.customer_name,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      tier: tierOfRank(r.tier_rank),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      pendingSync: r.pending_sync === 1,
      waitingSince: r.waiting_since,
      slaPausedMinutes: r.sla_paused_minutes,
      resolvedAt: r.resolved_at,
    })),
    total,
    nextCursor,
  });
}
