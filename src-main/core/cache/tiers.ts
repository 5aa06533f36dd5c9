/**
 * A customer's tier is the tier of the plan assigned for the current Lima
 * month (the latest assignment effective on or before it; plan changes are
 * never retroactive). Queues sort and filter by it, so it is kept on the
 * customer row and copied onto each ticket (tickets.tier_rank).
 */
import { LIMA_OFFSET_MINUTES, MINUTE_MS } from '../../../src-shared/calendar/lima-time.ts';
import { TIERS, type Tier } from '../../../src-shared/protocol/entities.ts';
import type { StatementCache } from './sqlite.ts';

/** Rank used for sorting: premium 0, business 1, basic 2, no plan 3. */
export const NO_TIER_RANK = TIERS.length;
export const tierRank = (tier: Tier | null): number => (tier === null ? NO_TIER_RANK : TIERS.indexOf(tier));
export const tierOfRank = (rank: number): Tier | null => TIERS[rank] ?? null;

/** `YYYY-MM` of an instant in Lima. */
export function limaMonthOf(at: Date): string {
  return new Date(at.getTime() + LIMA_OFFSET_MINUTES * MINUTE_MS).toISOString().slice(0, 7);
}

const CURRENT_TIER_SQL = `
  SELECT p.tier AS tier FROM plan_assignments a JOIN plans p ON p.id = a.plan_id
  WHERE a.customer_id = ? AND a.effective_month <= ?
  ORDER BY a.effective_month DESC, a.created_at DESC LIMIT 1`;

/**
 * Recomputes the tier of the given customers (or all) for `month` and copies
 * changed ranks and names onto their tickets. Returns whether any ticket row
 * changed, so callers can announce it.
 */
export function refreshTiers(sql: StatementCache, month: string, customerIds: Iterable<string> | 'all'): boolean {
  const ids = customerIds === 'all' ? (sql.get('SELECT id FROM customers').all() as { id: string }[]).map((r) => r.id) : [...new Set(customerIds)];
  for (const id of ids) {
    const row = sql.get(CURRENT_TIER_SQL).get(id, month) as { tier: Tier } | undefined;
    const tier = row?.tier ?? null;
    sql.get('UPDATE customers SET tier = ?, tier_rank = ? WHERE id = ? AND (tier IS NOT ? OR tier_rank IS NOT ?)').run(tier, tierRank(tier), id, tier, tierRank(tier));
  }
  if (customerIds === 'all') return syncAllTickets(sql);
  let ticketsChanged = false;
  for (const id of ids) ticketsChanged = syncTicketsOfCustomer(sql, id) || ticketsChanged;
  return ticketsChanged;
}

/** Every ticket at once, one pass joined to its customer (per customer, an initial load of 100k tickets took seconds). */
function syncAllTickets(sql: StatementCache): boolean {
  const result = sql
    .get(
      `UPDATE tickets SET customer_name = c.name, tier_rank = c.tier_rank FROM customers AS c
       WHERE c.id = tickets.customer_id AND (tickets.customer_name IS NOT c.name OR tickets.tier_rank IS NOT c.tier_rank)`,
    )
    .run();
  return result.changes > 0;
}

/** Copies a customer's name and tier rank onto its tickets where they differ. */
export function syncTicketsOfCustomer(sql: StatementCache, customerId: string): boolean {
  const result = sql
    .get(
      `UPDATE tickets SET customer_name = c.name, tier_rank = c.tier_rank FROM (SELECT name, tier_rank FROM customers WHERE id = ?) AS c
       WHERE tickets.customer_id = ? AND (tickets.customer_name IS NOT c.name OR tickets.tier_rank IS NOT c.tier_rank)`,
    )
    .run(customerId, customerId);
  return result.changes > 0;
}
