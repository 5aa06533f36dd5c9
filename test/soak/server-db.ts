/**
 * The server database, inspected directly once the server process has
 * stopped: it must open again (for PGlite: the data directory a `kill -9`
 * left behind and the server then reused), answer `SELECT 1`, pass amcheck
 * on every B-tree index, and show every saved mutation applied exactly once
 * in `mutation_results` (across all client ids, so a replay under a fresh
 * clientId counts too).
 */
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import pg from 'pg';

export interface ServerDbVerdict {
  readonly problems: string[];
  readonly indexesChecked: number;
  readonly mutationsChecked: number;
  readonly openMs: number;
}

interface Queryable {
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

async function openPglite(dataDir: string): Promise<Queryable> {
  const db = await PGlite.create({ dataDir, extensions: { amcheck } });
  return {
    query: async <R>(sql: string, params?: unknown[]) => (await db.query<R>(sql, params)).rows,
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Queryable> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
    close: () => client.end(),
  };
}

export async function checkServerDatabase(options: { dataDir?: string; databaseUrl?: string; savedMutationIds: readonly string[] }): Promise<ServerDbVerdict> {
  const problems: string[] = [];
  const began = performance.now();
  const db = options.databaseUrl !== undefined ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir ?? '');
  const openMs = performance.now() - began;
  let indexesChecked = 0;
  try {
    const one = await db.query<{ one: number }>('SELECT 1 AS one');
    if (one[0]?.one !== 1) problems.push('SELECT 1 did not answer 1');

    let amcheckReady = true;
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS amcheck');
    } catch (error) {
      amcheckReady = false;
      problems.push(`amcheck unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (amcheckReady) {
      const indexes = await db.query<{ name: string; oid: number }>(
        `SELECT c.relname AS name, c.oid::int AS oid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE am.amname = 'btree' AND n.nspname = 'public' AND i.indisvalid`,
      );
      for (const index of indexes) {
        try {
          // heapallindexed: every heap tuple must be findable through the index.
          await db.query('SELECT bt_index_check($1::regclass, true)', [index.oid]);
          indexesChecked += 1;
        } catch (error) {
          problems.push(`index ${index.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }

    const twice = await db.query<{ mutation_id: string; n: number }>(
      `SELECT mutation_id, count(*)::int AS n FROM mutation_results WHERE status = 'applied' GROUP BY mutation_id HAVING count(*) > 1`,
    );
    for (const row of twice.slice(0, 5)) problems.push(`mutation ${row.mutation_id} applied ${row.n} times`);
    if (twice.length > 5) problems.push(`… ${twice.length} mutations applied more than once in all`);

    const applied = new Set((await db.query<{ mutation_id: string }>(`SELECT DISTINCT mutation_id FROM mutation_results WHERE status = 'applied'`)).map((r) => r.mutation_id));
    const missing = options.savedMutationIds.filter((id) => !applied.has(id));
    if (missing.length > 0) problems.push(`${missing.length} saved mutations not applied on the server, e.g. ${missing.slice(0, 3).join(', ')}`);
    return { problems, indexesChecked, mutationsChecked: options.savedMutationIds.length, openMs };
  } finally {
    await db.close();
  }
}
