/**
 * Transaction-scoped advisory locks for check-then-write rules that row locks
 * cannot cover. Booking reads a technician's visits, checks overlaps and
 * travel, then inserts: two bookings for one technician running at once
 * would both pass the check. Each takes the technician's lock first, so the
 * second waits and (READ COMMITTED: each statement sees what committed
 * before it) then sees the first one's visit.
 *
 * Order, to stay deadlock-free: technician locks (sorted) before customer
 * balance locks (balances/recompute.ts).
 */
import type { Tx } from '../db/types.ts';

export const TECHNICIAN_LOCK_NAMESPACE = 1;

export async function lockTechnicians(tx: Tx, technicianIds: readonly string[]): Promise<void> {
  await tx.query(
    'SELECT pg_advisory_xact_lock($1, k) FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest($2::text[]) AS id) keys ORDER BY k',
    [TECHNICIAN_LOCK_NAMESPACE, technicianIds],
  );
}
