/**
 * The floor of the desk's initial sync (bench/desk-sync.ts): the rows a sync
 * stored, inserted straight into an empty cache — same schema, same pragmas
 * (WAL, synchronous=FULL), indexes and full text dropped first and built
 * after, exactly as the cache's bulk load does — with no network, JSON,
 * validation or row mapping. Rows are read ahead in chunks outside the
 * timing; each chunk is one transaction of row-by-row prepared inserts.
 */
import Database from 'better-sqlite3';
import { beginBulkLoad, finishBulkLoad } from '../../src-main/core/cache/bulk-load.ts';
import { openCache } from '../../src-main/core/cache/open.ts';
import { ENTITY_TABLES } from '../../src-main/core/cache/rows.ts';
import { StatementCache } from '../../src-main/core/cache/sqlite.ts';
import { CACHE_SCHEMA } from '../../src-main/core/cache/store.ts';
import { limaMonthOf } from '../../src-main/core/cache/tiers.ts';
import { note, report } from './report.ts';

const CHUNK = 50_000;

export interface FloorOptions {
  /** Only these tables (default: every entity table). */
  readonly tables?: readonly string[];
  /** The figure's name (default sync.initial.floor_ms). */
  readonly name?: string;
}

/** Returns the floor in ms (insert + index build) and reports it. */
export function measureFloor(sourcePath: string, targetDir: string, options: FloorOptions = {}): number {
  const name = options.name ?? 'sync.initial.floor_ms';
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  const opened = openCache({ dir: targetDir, logger: { warn: note, error: note } });
  if (!opened.ok) throw new Error(opened.error.message);
  const target = opened.value;
  const db = target.db;
  let insertMs = 0;
  let rows = 0;
  try {
    beginBulkLoad(db, CACHE_SCHEMA);
    for (const spec of Object.values(ENTITY_TABLES).filter((t) => options.tables === undefined || options.tables.includes(t.table))) {
      const columns = ['rev', ...spec.columns.map((c) => c.column)];
      const read = source.prepare(`SELECT rowid, ${columns.join(', ')} FROM ${spec.table} WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK}`).raw(true);
      const insert = db.prepare(`INSERT INTO ${CACHE_SCHEMA}.${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (let after = 0; ; ) {
        const chunk = read.all(after) as unknown[][];
        if (chunk.length === 0) break;
        after = chunk[chunk.length - 1]?.[0] as number;
        const t = performance.now();
        db.transaction(() => {
          for (const row of chunk) insert.run(row.slice(1));
        })();
        insertMs += performance.now() - t;
        rows += chunk.length;
      }
    }
    const t = performance.now();
    db.transaction(() => finishBulkLoad(db, CACHE_SCHEMA, new StatementCache(db), limaMonthOf(new Date())))();
    const indexMs = performance.now() - t;
    const floorMs = insertMs + indexMs;
    report(name, floorMs, 'ms', { rows, insert_ms: Math.round(insertMs), index_ms: Math.round(indexMs), chunk: CHUNK });
    note(`${name.replace(/_ms$/, '')} ${(floorMs / 1000).toFixed(2)} s for ${rows} rows: inserts ${(insertMs / 1000).toFixed(2)} s, indexes + full text ${(indexMs / 1000).toFixed(2)} s`);
    return floorMs;
  } finally {
    target.close();
    source.close();
  }
}
