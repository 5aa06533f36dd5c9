/**
 * Login throttling per (email, IP): after MAX_FAILURES failed attempts inside
 * WINDOW_MS further attempts are refused with 429 until the oldest failure
 * leaves the window. Stored in the database so it survives restarts and holds
 * across server processes sharing one PostgreSQL.
 */
import type { Queryable } from '../db/types.ts';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 10 * 60 * 1000;

export function throttleKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function secondsUntilAllowed(db: Queryable, email: string, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const rows = await db.query<{ failures: number; oldest: string | null }>(
    'SELECT count(*) AS failures, min(failed_at) AS oldest FROM login_failures WHERE email_key = $1 AND ip = $2 AND failed_at > $3',
    [throttleKey(email), ip, since],
  );
  const row = rows[0];
  if (row === undefined || row.failures < MAX_FAILURES || row.oldest === null) return 0;
  return Math.max(1, Math.ceil((Date.parse(row.oldest) + WINDOW_MS - now.getTime()) / 1000));
}

export async function recordFailure(db: Queryable, email: string, ip: string, now: Date): Promise<void> {
  await db.query('INSERT INTO login_failures (email_key, ip, failed_at) VALUES ($1, $2, $3)', [throttleKey(email), ip, now.toISOString()]);
  await db.query('DELETE FROM login_failures WHERE email_key = $1 AND ip = $2 AND failed_at <= $3', [throttleKey(email), ip, new Date(now.getTime() - WINDOW_MS).toISOString()]);
}

export async function clearFailures(db: Queryable, email: string, ip: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email_key = $1 AND ip = $2', [throttleKey(email), ip]);
}
