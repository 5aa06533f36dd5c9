/**
 * The database abstraction the whole server uses. Two drivers implement it:
 * PGlite (Postgres compiled to WASM, embedded, one connection) and a pg Pool
 * against a real PostgreSQL. Everything above this file is written once and
 * runs on both; the differences (connection handling, how commits are
 * announced) stay inside the drivers.
 */

export type DatabaseKind = 'pglite' | 'postgres';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1…` parameters. Parameters: string, number, boolean, null, arrays of those. */
  query<R = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  /** Default `read committed`; writers that need more take explicit locks (see sync/locks.ts). */
  readonly isolation?: Isolation;
  readonly readOnly?: boolean;
}

export interface Tx extends Queryable {
  /**
   * Records that this transaction wrote synced rows. Once it commits, the
   * database announces it (`Db.onChanges`) so SSE clients get a poke.
   */
  markChanged(): void;
}

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` in one transaction. Commits when it resolves, rolls back when it
   * throws. On PostgreSQL a serialization failure or deadlock is retried a few
   * times, so `fn` must keep its side effects inside the database.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Called after any transaction that wrote synced rows commits (on any server sharing the database). */
  onChanges(listener: () => void): () => void;
  /** The PostgreSQL server version string. */
  version(): Promise<string>;
  close(): Promise<void>;
}

/** SQLSTATEs after which re-running the whole transaction is the correct answer. */
export const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

export const CHANGES_CHANNEL = 'ayni_changes';

export function beginStatement(options: TransactionOptions | undefined): string {
  const isolation = options?.isolation ?? 'read committed';
  return `BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}${options?.readOnly === true ? ' READ ONLY' : ''}`;
}

/** The SQLSTATE of a driver error, when it carries one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
