/**
 * Opens the configured backend and brings its schema up to date.
 */
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export interface OpenDatabaseOptions {
  /** postgres://… — a real PostgreSQL; wins over `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite data directory; neither option = PGlite in memory. */
  readonly dataDir?: string;
  readonly maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Db> {
  const db = options.databaseUrl !== undefined
    ? await openPostgres({ connectionString: options.databaseUrl, maxConnections: options.maxConnections })
    : await openPglite({ dataDir: options.dataDir });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export type { Db, Tx, Queryable, DatabaseKind, TransactionOptions, Isolation } from './types.ts';
