/**
 * What every route handler needs: the database and the clock. The clock is
 * injectable so tests can stand in a given Lima month (balances, "never
 * retroactive" plan changes) without waiting for the calendar.
 */
import type { Db } from './db/types.ts';

export interface ServerContext {
  readonly db: Db;
  readonly now: () => Date;
  /** The server's version (package.json). */
  readonly version: string;
}
