/**
 * Opening SQLite files the way the cache needs them (DESIGN.md §2
 * "Durability"): WAL with `synchronous=FULL` set explicitly on every open —
 * better-sqlite3 reopens WAL databases with NORMAL unless told otherwise, and
 * NORMAL may lose the last commits on power loss — plus a busy timeout and
 * foreign keys on.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;
export type Statement = Database.Statement;

/** How long a statement waits on a lock held by another connection (tests, a second process) before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/** SQLite's numeric value for `synchronous=FULL`, as `PRAGMA synchronous` reports it. */
export const SYNCHRONOUS_FULL = 2;

export function openSqliteFile(path: string): Db {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    applyDurabilityPragmas(db, 'main');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** WAL + synchronous=FULL for one schema of a connection (`main` or an attached one). */
export function applyDurabilityPragmas(db: Db, schema: string): void {
  const mode = db.pragma(`${schema}.journal_mode = WAL`, { simple: true });
  if (mode !== 'wal') throw new Error(`SQLite no aceptó el modo WAL para ${schema} (quedó en ${String(mode)}).`);
  db.pragma(`${schema}.synchronous = FULL`);
  // A page of pulled rows touches many b-tree pages; with SQLite's default 2 MB cache a large
  // transaction spills mid-way and writes pages twice. 32 MB per schema keeps a page's work in memory.
  db.pragma(`${schema}.cache_size = -32768`);
}

/**
 * `PRAGMA quick_check` as a verdict. A file so damaged that SQLite cannot
 * even read its header throws instead of answering; both count as corrupt.
 */
export function quickCheck(db: Db, schema = 'main'): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  try {
    const rows = db.pragma(`${schema}.quick_check`) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
    return problems.length === 0 ? { ok: true } : { ok: false, reason: problems.slice(0, 5).join('; ') };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Statements prepared once per distinct SQL text. Queue queries are built
 * from filter combinations, so their SQL varies; the number of distinct
 * shapes is small and bounded by the filter options, and the cap below only
 * guards against a bug that would generate unbounded shapes.
 */
export class StatementCache {
  readonly #db: Db;
  readonly #statements = new Map<string, Statement>();
  readonly #max: number;

  constructor(db: Db, max = 500) {
    this.#db = db;
    this.#max = max;
  }

  get(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      if (this.#statements.size >= this.#max) {
        const oldest = this.#statements.keys().next();
        if (oldest.done !== true) this.#statements.delete(oldest.value);
      }
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Prepared statements belong to a schema version: DDL (bulk load) invalidates them. */
  clear(): void {
    this.#statements.clear();
  }
}
