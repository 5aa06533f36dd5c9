/**
 * PGlite driver: Postgres in WASM, embedded in this process. One connection,
 * so PGlite itself serialises every query and transaction (its `query` and
 * `transaction` share one mutex). Never call `db.query` from inside a
 * transaction callback: use the `tx` it hands you, or the two wait on each
 * other forever.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { COLUMN_PARSERS, SESSION_SETTINGS } from './parsers.ts';
import type { Db, Row, Tx, TransactionOptions } from './types.ts';

export interface PgliteOptions {
  /** Directory for the data files; omitted = in memory (tests). */
  readonly dataDir?: string;
}

function txHandle(inner: Transaction | PGlite, onChanged: () => void): Tx {
  return {
    async query<R = Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
      const result = await inner.query<R>(sql, params === undefined ? undefined : [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await inner.exec(sql);
    },
    markChanged: onChanged,
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir: options.dataDir, parsers: { ...COLUMN_PARSERS } });
  const settings = Object.entries(SESSION_SETTINGS).map(([name, value]) => `SET ${name} = '${value}';`).join('\n');
  await pg.exec(settings);
  // In-process: every writer shares this one PGlite, so an emitter is the whole of LISTEN/NOTIFY.
  const commits = new EventEmitter();
  commits.setMaxListeners(0);
  const plain = txHandle(pg, () => {
    throw new Error('markChanged() outside a transaction: synced writes must run in db.transaction().');
  });

  return {
    kind: 'pglite',
    query: plain.query,
    exec: plain.exec,
    async transaction<T>(fn: (tx: Tx) => Promise<T>, txOptions?: TransactionOptions): Promise<T> {
      let changed = false;
      const result = await pg.transaction(async (inner) => {
        const isolation = txOptions?.isolation ?? 'read committed';
        await inner.query(`SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}${txOptions?.readOnly === true ? ' READ ONLY' : ''}`);
        return fn(txHandle(inner, () => {
          changed = true;
        }));
      });
      if (changed) commits.emit('changes');
      return result;
    },
    onChanges(listener: () => void): () => void {
      commits.on('changes', listener);
      return () => commits.off('changes', listener);
    },
    async version(): Promise<string> {
      const rows = await pg.query<{ server_version: string }>('SHOW server_version');
      return rows.rows[0]?.server_version ?? 'unknown';
    },
    async close(): Promise<void> {
      commits.removeAllListeners();
      await pg.close();
    },
  };
}
