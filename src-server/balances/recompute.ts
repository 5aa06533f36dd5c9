/**
 * Monthly balances per customer per Lima month, derived from their inputs:
 * the plan in force (the latest assignment with effectiveMonth <= month),
 * purchases for the month, billable time entries by workDate (remote and
 * on-site minutes used) and tickets opened that month (by createdAt in Lima,
 * cancelled ones excluded). Each month stands alone: nothing carries over.
 *
 * Writers call `recomputeBalances` in the same transaction as the input they
 * changed. Concurrency: two transactions adding time for one customer must
 * not both write a total that misses the other's entry. Each takes a
 * transaction-scoped advisory lock per customer *before* the recompute
 * statement; under READ COMMITTED that statement then starts after the other
 * writer committed and sees its rows.
 */
import type { Tx } from '../db/types.ts';
import { recordChanges } from '../entities/changes.ts';

export interface BalanceKey {
  readonly customerId: string;
  readonly month: string;
}

/** Advisory-lock namespace for per-customer balance writes (the other namespaces are in mutations/locks.ts). */
export const BALANCE_LOCK_NAMESPACE = 2;

const BALANCE_COLUMNS = [
  'plan_id',
  'tier',
  'remote_minutes_included',
  'onsite_minutes_included',
  'ticket_quota',
  'remote_minutes_purchased',
  'onsite_minutes_purchased',
  'tickets_purchased',
  'remote_minutes_used',
  'onsite_minutes_used',
  'tickets_opened',
] as const;

/** Computes the balances of `keys` (a CTE with customer_id, month) and upserts them; returns the wire ids written. */
function upsertSql(keysCte: string, onConflict: 'update' | 'nothing'): string {
  const conflict = onConflict === 'update'
    ? `DO UPDATE SET ${BALANCE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
         WHERE (${BALANCE_COLUMNS.map((c) => `balances.${c}`).join(', ')}) IS DISTINCT FROM (${BALANCE_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`
    : 'DO NOTHING';
  return `
    WITH keys AS (${keysCte}),
    spans AS (
      SELECT DISTINCT customer_id, month,
             (month || '-01')::date AS first_day,
             ((month || '-01')::date + interval '1 month')::date AS next_first_day,
             -- Peru has no DST since 1994: a Lima month starts at 00:00-05:00.
             (month || '-01T00:00:00-05:00')::timestamptz AS starts_at
        FROM keys
    ),
    computed AS (
      SELECT s.customer_id, s.month, p.id AS plan_id, p.tier,
             COALESCE(p.remote_minutes, 0) AS remote_minutes_included,
             COALESCE(p.onsite_minutes, 0) AS onsite_minutes_included,
             COALESCE(p.ticket_quota, 0) AS ticket_quota,
             COALESCE(pu.remote, 0) AS remote_minutes_purchased,
             COALESCE(pu.onsite, 0) AS onsite_minutes_purchased,
             COALESCE(pu.tickets, 0) AS tickets_purchased,
             COALESCE(te.remote, 0) AS remote_minutes_used,
             COALESCE(te.onsite, 0) AS onsite_minutes_used,
             COALESCE(t.opened, 0) AS tickets_opened
        FROM spans s
        LEFT JOIN LATERAL (
          SELECT plan_id FROM plan_assignments a
           WHERE a.customer_id = s.customer_id AND a.effective_month <= s.month
           ORDER BY a.effective_month DESC LIMIT 1
        ) a ON true
        LEFT JOIN plans p ON p.id = a.plan_id
        LEFT JOIN LATERAL (
          SELECT sum(remote_minutes) AS remote, sum(onsite_minutes) AS onsite, sum(tickets) AS tickets
            FROM purchases WHERE customer_id = s.customer_id AND month = s.month
        ) pu ON true
        LEFT JOIN LATERAL (
          SELECT sum(minutes) FILTER (WHERE kind = 'remote') AS remote, sum(minutes) FILTER (WHERE kind = 'onsite') AS onsite
            FROM time_entries
           WHERE customer_id = s.customer_id AND billable AND work_date >= s.first_day AND work_date < s.next_first_day
        ) te ON true
        LEFT JOIN LATERAL (
          SELECT count(*) AS opened FROM tickets
           WHERE customer_id = s.customer_id AND status <> 'cancelled'
             AND created_at >= s.starts_at AND created_at < s.starts_at + interval '1 month'
        ) t ON true
    )
    INSERT INTO balances (customer_id, month, ${BALANCE_COLUMNS.join(', ')})
    SELECT customer_id, month, ${BALANCE_COLUMNS.join(', ')} FROM computed
    ON CONFLICT (customer_id, month) ${conflict}
    RETURNING customer_id::text || ':' || month AS id`;
}

async function lockCustomers(tx: Tx, customerIds: readonly string[]): Promise<void> {
  // Sorted by lock key so two writers locking overlapping sets cannot deadlock.
  await tx.query(
    `SELECT pg_advisory_xact_lock($1, k) FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest($2::text[]) AS id) keys ORDER BY k`,
    [BALANCE_LOCK_NAMESPACE, customerIds],
  );
}

/** Recomputes the given (customer, month) balances and records the ones that changed. */
export async function recomputeBalances(tx: Tx, keys: readonly BalanceKey[]): Promise<void> {
  if (keys.length === 0) return;
  await lockCustomers(tx, keys.map((key) => key.customerId));
  const rows = await tx.query<{ id: string }>(
    upsertSql('SELECT * FROM unnest($1::uuid[], $2::text[]) AS k(customer_id, month)', 'update'),
    [keys.map((key) => key.customerId), keys.map((key) => key.month)],
  );
  await recordChanges(tx, 'balance', rows.map((row) => row.id));
}

/** A plan change from `fromMonth` on: recompute that month and every later month that already has a balance. */
export async function recomputeFrom(tx: Tx, customerId: string, fromMonth: string): Promise<void> {
  const later = await tx.query<{ month: string }>('SELECT month FROM balances WHERE customer_id = $1 AND month > $2', [customerId, fromMonth]);
  await recomputeBalances(tx, [{ customerId, month: fromMonth }, ...later.map((row) => ({ customerId, month: row.month }))]);
}

/**
 * Creates the month's balance for every active customer with a plan in force
 * and no balance yet, so the Horas screen lists everyone from the 1st. Only
 * inserts (DO NOTHING): a concurrent writer's recompute always wins, so no
 * per-customer locks are needed here.
 */
export async function ensureMonthBalances(tx: Tx, month: string): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    upsertSql(
      `SELECT c.id AS customer_id, $1::text AS month FROM customers c
        WHERE c.active
          AND EXISTS (SELECT 1 FROM plan_assignments a WHERE a.customer_id = c.id AND a.effective_month <= $1)
          AND NOT EXISTS (SELECT 1 FROM balances b WHERE b.customer_id = c.id AND b.month = $1)`,
      'nothing',
    ),
    [month],
  );
  await recordChanges(tx, 'balance', rows.map((row) => row.id));
  return rows.length;
}

/**
 * Recomputes every balance that has an input: for bulk loads (the demo seed)
 * that wrote inputs directly. Every month from a customer's first plan month
 * to `throughMonth`, plus any month with time, purchases or tickets. Takes no
 * per-customer locks; run it when no one else is writing.
 */
export async function recomputeAllBalances(tx: Tx, throughMonth: string): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    upsertSql(
      `SELECT a.customer_id, to_char(m, 'YYYY-MM') AS month
         FROM (SELECT customer_id, min(effective_month) AS first_month FROM plan_assignments GROUP BY customer_id) a,
              generate_series((a.first_month || '-01')::date, ($1::text || '-01')::date, interval '1 month') AS m
       UNION SELECT customer_id, to_char(work_date, 'YYYY-MM') FROM time_entries
       UNION SELECT customer_id, month FROM purchases
       UNION SELECT customer_id, to_char(created_at - interval '5 hours', 'YYYY-MM') FROM tickets`,
      'update',
    ),
    [throughMonth],
  );
  await recordChanges(tx, 'balance', rows.map((row) => row.id));
  return rows.length;
}
