/** Monthly hour/ticket balances (derived on the server, read-only here) for a list of months, optionally of some customers. */
import type { Balance } from '../../../../src-shared/protocol/entities.ts';
import { rowToEntity, selectList } from '../rows.ts';
import { inList, type QueryContext } from './context.ts';

export interface BalancesQuery {
  /** `YYYY-MM` Lima months. */
  readonly months: readonly string[];
  readonly customerIds?: readonly string[];
}

export interface BalanceRow extends Balance {
  readonly customerName: string | null;
}

export function monthlyBalances(ctx: QueryContext, query: BalancesQuery): BalanceRow[] {
  if (query.months.length === 0) return [];
  const params: Record<string, string | number | null> = {};
  const where = [`b.month IN (${inList('month', query.months, params)})`];
  if (query.customerIds !== undefined && query.customerIds.length > 0) where.push(`b.customer_id IN (${inList('customer', query.customerIds, params)})`);
  const rows = ctx.sql
    .get(
      `SELECT ${selectList('balance', 'b')}, c.name AS customer_name FROM balances b LEFT JOIN customers c ON c.id = b.customer_id
       WHERE ${where.join(' AND ')} ORDER BY c.name COLLATE NOCASE, b.customer_id, b.month`,
    )
    .all(params) as Record<string, unknown>[];
  return rows.map((r) => ({ ...rowToEntity('balance', r), customerName: (r.customer_name as string | null) ?? null }));
}
