/**
 * PostgreSQL driver: a pg Pool for queries and transactions, plus one
 * dedicated connection that LISTENs for commit announcements, so every server
 * process sharing the database pokes its SSE clients.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { COLUMN_PARSERS, SESSION_SETTINGS } from './parsers.ts';
import { beginStatement, CHANGES_CHANNEL, RETRYABLE_SQLSTATES, sqlState, type Db, type Row, type Tx, type TransactionOptions } from './types.ts';

export interface PostgresOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
}

const MAX_ATTEMPTS = 5;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = COLUMN_PARSERS[oid];
    if (parser !== undefined && format !== 'binary') return parser;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const sessionOptions = Object.entries(SESSION_SETTINGS)
  .map(([name, value]) => `-c ${name}=${value.replace(/ /g, '\\ ')}`)
  .join(' ');

function queryable(client: pg.Pool | pg.PoolClient): Pick<Tx, 'query' | 'exec'> {
  return {
    async query<R = Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
      const result = await client.query(sql, params === undefined ? undefined : [...params]);
      return result.rows as R[];
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const config = { connectionString: options.connectionString, types: typeParsers, options: sessionOptions };
  const pool = new pg.Pool({ ...config, max: options.maxConnections ?? 10 });
  pool.on('error', (error) => {
    // An idle client died (e.g. the server restarted); the pool replaces it on demand.
    console.error(`ayni-server: idle PostgreSQL connection lost: ${error.message}`);
  });
  // Fail fast on a wrong URL instead of at the first request.
  await pool.query('SELECT 1');

  const commits = new EventEmitter();
  commits.setMaxListeners(0);
  let closed = false;
  let listener: pg.Client | null = null;

  async function connectListener(): Promise<void> {
    const client = new pg.Client(config);
    client.on('notification', () => commits.emit('changes'));
    client.on('error', (error) => {
      console.error(`ayni-server: LISTEN connection lost (${error.message}); reconnecting`);
      listener = null;
      void reconnectListener();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    listener = client;
  }
  async function reconnectListener(): Promise<void> {
    for (let attempt = 1; !closed; attempt += 1) {
      await delay(Math.min(5_000, 200 * attempt));
      if (closed) return;
      try {
        await connectListener();
        // Changes may have committed while we were deaf: let clients pull once.
        commits.emit('changes');
        return;
      } catch (error) {
        console.error(`ayni-server: LISTEN reconnect attempt ${attempt} failed: ${(error as Error).message}`);
      }
    }
  }
  await connectListener();

  const plain = queryable(pool);
  return {
    kind: 'postgres',
    query: plain.query,
    exec: plain.exec,
    async transaction<T>(fn: (tx: Tx) => Promise<T>, txOptions?: TransactionOptions): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        let changed = false;
        const tx: Tx = { ...queryable(client), markChanged: () => { changed = true; } };
        try {
          await client.query(beginStatement(txOptions));
          const result = await fn(tx);
          // NOTIFY is transactional: delivered to listeners only if and when this commit succeeds.
          if (changed) await client.query('SELECT pg_notify($1, \'\')', [CHANGES_CHANNEL]);
          await client.query('COMMIT');
          client.release();
          return result;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
            client.release();
          } catch (rollbackError) {
            // The connection is unusable; destroy it instead of returning it to the pool.
            client.release(rollbackError as Error);
          }
          const state = sqlState(error);
          if (state === undefined || !RETRYABLE_SQLSTATES.has(state) || attempt >= MAX_ATTEMPTS) throw error;
          await delay(Math.floor(Math.random() * 20 * attempt));
        }
      }
    },
    onChanges(fn: () => void): () => void {
      commits.on('changes', fn);
      return () => commits.off('changes', fn);
    },
    async version(): Promise<string> {
      const rows = await pool.query<{ server_version: string }>('SHOW server_version');
      return rows.rows[0]?.server_version ?? 'unknown';
    },
    async close(): Promise<void> {
      closed = true;
      commits.removeAllListeners();
      const current = listener;
      listener = null;
      if (current !== null) await current.end();
      await pool.end();
    },
  };
}
