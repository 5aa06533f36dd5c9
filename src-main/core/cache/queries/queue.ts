/**
 * Ticket queues: one page of a view, filtered, sorted and optionally
 * searched, with keyset paging. Each view is an equality prefix of an index
 * whose remaining columns are the sort keys ending in `id`, so a page is one
 * ordered index walk (see 0002_queue_indexes_and_search.ts,
 * 0003_priority_by_status_band.ts and test/unit/cache/query-plans.test.ts).
 *
 * "Prioridad" is the index-friendly form of the rank (src-shared/tickets/rank.ts):
 * the same status bands in the same order, then urgency, tier and arrival.
 * Inside a band the rank's score also grows with waiting time, which changes
 * every minute and cannot be indexed; the desk sends each row's score and
 * explanation with it.
 */
import type { z } from 'zod';
import { QUEUE_SORT_KEYS, QueuePageInputSchema, type QueuePageInput } from '../../../../src-shared/ipc/work-calls.ts';
import type { TicketStatus as Status, Tier as TierName, Urgency } from '../../../../src-shared/protocol/entities.ts';
import { fail, ok, type Result } from '../../../../src-shared/result.ts';
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

/**
 * `page` marks the broad attribute filters (tipo, canal, urgencia, tier) with
 * SQLite's unary `+`, which keeps the planner from choosing their own
 * indexes for a page: each matches a large share of the tickets, and reading
 * e.g. every incidencia through tickets_by_type and then sorting 60k rows
 * took 150–280 ms for a page of 100 at 100k tickets, while walking the
 * sort's index and skipping the others stops after a few hundred rows. The
 * count keeps the indexes (it reads every match anyway).
 */
function whereClause(input: QueueInput, me: string | null, params: Params, page = false): string[] {
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
  const broad = page ? '+' : '';
  list(`${broad}t.type`, 'type', f.type);
  list('t.status', 'status', f.status);
  list(`${broad}t.channel`, 'channel', f.channel);
  list(`${broad}t.urgency_rank`, 'urgency', f.urgency?.map((u) => URGENCY_RANK[u]));
  list(`${broad}t.tier_rank`, 'tier', f.tier?.map(tierRank));
  list('t.customer_id', 'customer', f.customerId);
  list('t.assignee_id', 'tech', f.technicianId);
  const fts = input.search === undefined ? null : toFtsQuery(input.search);
  if (fts !== null) {
    params.search = fts;
    // For a page, the matches are a set to probe while walking the sort's index (see `page` above).
    where.push(`${broad}t.row_id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH @search)`);
  }
  return where;
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

/** `matches` (the total, when known) picks how the page is read; unknown means walking the sort's index. */
function pageSql(input: QueueInput, me: string | null, matches: number | undefined): Result<{ readonly page: string; readonly pageParams: Params }> {
  const params: Params = {};
  const columns = SORT_COLUMNS[input.sort.key];
  const where = whereClause(input, me, params, matches === undefined || matches > WALK_SORT_INDEX_ABOVE);
  if (input.after !== undefined) {
    const values = decodeCursor(input.after, input.sort.key, input.sort.dir, columns);
    if (values === null) return fail('INVALID_CURSOR', 'La posición de la lista ya no es válida; vuelve al inicio de la cola.');
    values.forEach((value, i) => {
      params[`k${i}`] = value;
    });
    const op = input.sort.dir === 'asc' ? '>' : '<';
    where.push(`(${columns.map((c) => `t.${c.column}`).join(', ')}) ${op} (${columns.map((_, i) => `@k${i}`).join(', ')})`);
  }
  params.limit = input.limit + 1;
  const dir = input.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const page = `SELECT t.id, t.number, t.subject, t.type, t.channel, t.urgency, t.status, t.customer_id, t.customer_name, t.assignee_id, u.name AS assignee_name,
      t.tier_rank, t.created_at, t.updated_at, t.status_band, t.urgency_rank, t.number_key,
      EXISTS (SELECT 1 FROM overlay_touches o WHERE o.entity = 'ticket' AND o.id = t.id) AS pending_sync
    FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${columns.map((c) => `t.${c.column} ${dir}`).join(', ')}
    LIMIT @limit`;
  return ok({ page, pageParams: params });
}

/** Builds the statements of a page (exported for the query-plan test). */
export function buildQueueSql(rawInput: QueuePageInput, me: string | null, matches?: number): Result<QueueSql> {
  const parsed = parseInput(rawInput);
  if (!parsed.ok) return parsed;
  const page = pageSql(parsed.value, me, matches);
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

export function queuePage(ctx: QueryContext, rawInput: QueuePageInput): Result<QueuePage> {
  const parsed = parseInput(rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const me = ctx.me();
  if (input.view === 'mine' && me === null) return ok({ rows: [], total: 0, nextCursor: null });
  // The total first: how many rows match decides how the page is best read.
  const { count, countParams } = countSql(input, me);
  const total = countOf(ctx.sql, count, countParams);
  const built = pageSql(input, me, total);
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
    })),
    total,
    nextCursor,
  });
}
