/**
 * Initial sync into an empty cache: maintaining a dozen ticket indexes and
 * the full-text index row by row is several times slower than building them
 * once at the end. The first page drops the secondary indexes and full-text
 * triggers and records their DDL in deferred_ddl, in the same transaction as
 * the page. The first page of the server's history stage recreates those of
 * the core tables, fills the denormalised columns and rebuilds the full-text
 * index (the console can work from then on); the last page recreates the
 * rest. A crash in between resumes the bulk load from the committed cursor,
 * with the DDL still recorded.
 */
import { HISTORY_ENTITIES } from '../../../src-shared/protocol/sync.ts';
import { ENTITY_TABLE_NAMES, ENTITY_TABLES } from './rows.ts';
import type { Db, StatementCache } from './sqlite.ts';
import { refreshTiers } from './tiers.ts';

const FTS_TRIGGER_PREFIX = 'tickets_fts_';

/**
 * DDL read back from sqlite_master is unqualified, and unqualified CREATE
 * statements go to `main` (outbox.db in the desk's connection): name the
 * cache's schema explicitly.
 */
export function qualifyDdl(sql: string, schema: string): string {
  const qualified = sql.replace(/^(CREATE\s+(?:UNIQUE\s+)?(?:INDEX|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?)/i, `$1"${schema}".`);
  if (qualified === sql) throw new Error(`Unexpected deferred DDL: ${sql.slice(0, 80)}`);
  return qualified;
}

export function beginBulkLoad(db: Db, schema: string): void {
  const placeholders = ENTITY_TABLE_NAMES.map(() => '?').join(', ');
  const ddl = db
    .prepare(
      `SELECT name, type AS kind, sql FROM "${schema}".sqlite_master
       WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name IN (${placeholders})) OR (type = 'trigger' AND name LIKE '${FTS_TRIGGER_PREFIX}%'))`,
    )
    .all(...ENTITY_TABLE_NAMES) as { name: string; kind: 'index' | 'trigger'; sql: string }[];
  const record = db.prepare('INSERT INTO deferred_ddl (name, kind, sql) VALUES (?, ?, ?)');
  for (const item of ddl) {
    record.run(item.name, item.kind, item.sql);
    db.exec(`DROP ${item.kind === 'index' ? 'INDEX' : 'TRIGGER'} "${schema}"."${item.name}"`);
  }
  db.prepare('UPDATE sync_state SET bulk_loading = 1 WHERE id = 1').run();
}

/** The tables of the history stage of an initial pull. */
export const HISTORY_TABLES: readonly string[] = HISTORY_ENTITIES.map((entity) => ENTITY_TABLES[entity].table);

/** The table a deferred CREATE INDEX / CREATE TRIGGER is on. */
function tableOf(ddl: string): string {
  const match = /\sON\s+"?(\w+)"?/i.exec(ddl);
  if (match?.[1] === undefined) throw new Error(`Deferred DDL without a table: ${ddl.slice(0, 80)}`);
  return match[1];
}

const isCore = (table: string): boolean => !HISTORY_TABLES.includes(table);

function recreate(db: Db, schema: string, kind: 'index' | 'trigger', tables: (table: string) => boolean): void {
  const deferred = (db.prepare('SELECT name, sql FROM deferred_ddl WHERE kind = ? ORDER BY name').all(kind) as { name: string; sql: string }[]).filter((d) => tables(tableOf(d.sql)));
  const forget = db.prepare('DELETE FROM deferred_ddl WHERE name = ?');
  for (const item of deferred) {
    db.exec(qualifyDdl(item.sql, schema));
    forget.run(item.name);
  }
}

/** True while the tables a console works from (all but the history) still wait for their indexes. */
export function coreLoadPending(db: Db): boolean {
  return (db.prepare('SELECT sql FROM deferred_ddl').all() as { sql: string }[]).some((d) => isCore(tableOf(d.sql)));
}

/**
 * The end of the core stage of an initial load: every table but the history
 * gets its indexes, denormalised columns, tiers and full text, so queues,
 * search and calendars work while the history is still arriving. The
 * history tables' indexes stay deferred until finishBulkLoad.
 */
export function finishCoreLoad(db: Db, schema: string, sql: StatementCache, month: string): void {
  // Tickets may have arrived before their customers, and customers before
  // their tiers were known: fill the copies first (tiers, names), then build
  // the indexes over final values — updating indexed columns afterwards
  // would rewrite every entry of a dozen indexes.
  // (The small tables' indexes first: the tier lookup reads plan assignments by customer.)
  recreate(db, schema, 'index', (table) => isCore(table) && table !== 'tickets');
  refreshTiers(sql, month, 'all');
  recreate(db, schema, 'index', isCore);
  db.exec("INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild')");
  recreate(db, schema, 'trigger', isCore);
}

/** The end of an initial load: whatever is still deferred is built (the core part too, when the server sent no stages). */
export function finishBulkLoad(db: Db, schema: string, sql: StatementCache, month: string): void {
  if (coreLoadPending(db)) finishCoreLoad(db, schema, sql, month);
  recreate(db, schema, 'index', () => true);
  recreate(db, schema, 'trigger', () => true);
  db.prepare('UPDATE sync_state SET bulk_loading = 0 WHERE id = 1').run();
}
