/** The cache's read side, bound to one connection. */
import type { Result } from '../../../../src-shared/result.ts';
import type { StatementCache } from '../sqlite.ts';
import { monthlyBalances, type BalanceRow, type BalancesQuery } from './balances.ts';
import type { QueryContext } from './context.ts';
import { queuePage, type QueuePage, type QueuePageInput } from './queue.ts';
import { ticketDetail, type TicketDetail } from './ticket-detail.ts';
import { visitsInRange, type VisitRow, type VisitsQuery } from './visits.ts';

export interface CacheQueries {
  queuePage(input: QueuePageInput): Result<QueuePage>;
  ticketDetail(id: string): TicketDetail | null;
  visitsInRange(query: VisitsQuery): VisitRow[];
  monthlyBalances(query: BalancesQuery): BalanceRow[];
}

export function createQueries(deps: { sql: StatementCache; now: () => Date; me: () => string | null }): CacheQueries {
  const ctx: QueryContext = deps;
  return {
    queuePage: (input) => queuePage(ctx, input),
    ticketDetail: (id) => ticketDetail(ctx, id),
    visitsInRange: (query) => visitsInRange(ctx, query),
    monthlyBalances: (query) => monthlyBalances(ctx, query),
  };
}

export { limaDayRange, limaWeekRange, type VisitRow, type VisitsQuery, type InstantRange } from './visits.ts';
export { QueuePageInputSchema, QUEUE_VIEWS, QUEUE_SORT_KEYS, buildQueueSql, type QueuePage, type QueuePageInput, type QueueRow } from './queue.ts';
export { toFtsQuery } from './search.ts';
export type { TicketDetail } from './ticket-detail.ts';
export type { BalanceRow, BalancesQuery } from './balances.ts';
