/**
 * Initial sync into an empty cache: maintaining a dozen ticket indexes and
 * the full-text index row by row is several times slower than building them
 * once at the end. The first page drops the secondary indexes and full-text
 * triggers and records their DDL in deferred_ddl, in the same transaction as
 * the page; the last page recreates them, fills the denormalised columns and
 * rebuilds the full-text index. A crash in between resumes the bulk load
 * from the committed cursor, with the DDL still recorded.
 */
import { ENTITY_TABLE_NAMES } from './rows.ts';
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

export function finishBulkLoad(db: Db, schema: string, sql: StatementCache, month: string): void {
  // Tickets may have arrived before their customers: fill the copies first,
  // then build the indexes over final values.
  db.exec(`UPDATE tickets SET customer_name = coalesce((SELECT name FROM customers c WHERE c.id = tickets.customer_id), '')`);
  const deferred = db.prepare("SELECT name, kind, sql FROM deferred_ddl ORDER BY kind = 'trigger', name").all() as { name: string; kind: string; sql: string }[];
  for (const item of deferred.filter((d) => d.kind === 'index')) db.exec(qualifyDdl(item.sql, schema));
  refreshTiers(sql, month, 'all');
  db.exec("INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild')");
  for (const item of deferred.filter((d) => d.kind === 'trigger')) db.exec(qualifyDdl(item.sql, schema));
  db.exec('DELETE FROM deferred_ddl');
  db.prepare('UPDATE sync_state SET bulk_loading = 0 WHERE id = 1').run();
}
