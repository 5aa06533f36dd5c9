import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMigrationList, currentVersion, migrate } from '../../../src-main/core/cache/migrate.ts';
import { CACHE_MIGRATIONS_TABLE, cacheMigrations } from '../../../src-main/core/cache/migrations/index.ts';
import { OUTBOX_MIGRATIONS_TABLE, outboxMigrations } from '../../../src-main/core/cache/outbox-migrations/index.ts';
import { openSqliteFile, SYNCHRONOUS_FULL } from '../../../src-main/core/cache/sqlite.ts';
import { beginBulkLoad } from '../../../src-main/core/cache/bulk-load.ts';
import { customer, mustOk, mustOpen, page, T0, tempDir, ticket, upsert } from './helpers.ts';

let cleanup = (): void => undefined;
afterEach(() => cleanup());

function freshFile(name: string) {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  return { dir: tmp.dir, path: join(tmp.dir, name) };
}

const tableNames = (db: ReturnType<typeof openSqliteFile>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('cache migrations', () => {
  it('apply to an empty file, record every version, and create STRICT tables', () => {
    const { path } = freshFile('cache.db');
    const db = openSqliteFile(path);
    const result = migrate(db, cacheMigrations, CACHE_MIGRATIONS_TABLE);
    expect(result).toEqual({ ok: true, value: { from: 0, to: cacheMigrations.length, applied: cacheMigrations.map((m) => m.name) } });
    expect(currentVersion(db, CACHE_MIGRATIONS_TABLE)).toBe(cacheMigrations.length);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['tickets', 'customers', 'sync_state', 'base_rows', 'overlay_edits', 'tickets_fts']));
    const entityTables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'tickets_fts%' AND name NOT LIKE 'sqlite_%' AND name <> ?").all(CACHE_MIGRATIONS_TABLE) as { name: string; sql: string }[];
    for (const table of entityTables) expect(table.sql, table.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?$/);
    db.close();
  });

  it('is a no-op when run again', () => {
    const { path } = freshFile('cache.db');
    const db = openSqliteFile(path);
    migrate(db, cacheMigrations, CACHE_MIGRATIONS_TABLE);
    const schemaBefore = db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all();
    const again = migrate(db, cacheMigrations, CACHE_MIGRATIONS_TABLE);
    expect(again).toEqual({ ok: true, value: { from: cacheMigrations.length, to: cacheMigrations.length, applied: [] } });
    expect(db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    db.close();
  });

  it('applies 0002 on top of a v1 file that already holds tickets, indexing them for search', () => {
    const { path } = freshFile('cache.db');
    const v1 = openSqliteFile(path);
    migrate(v1, cacheMigrations.slice(0, 1), CACHE_MIGRATIONS_TABLE);
    const cu = customer();
    v1.prepare(
      `INSERT INTO tickets (id, type, channel, urgency, status, subject, description, customer_id, created_at, updated_at, sla_paused_minutes, customer_name)
       VALUES ('t-1', 'incidencia', 'portal', 'high', 'new', 'Servidor de archivos lento', '', ?, '2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z', 0, 'Clínica Santa Rosa')`,
    ).run(cu.id);
    v1.close();

    const db = openSqliteFile(path);
    expect(currentVersion(db, CACHE_MIGRATIONS_TABLE)).toBe(1);
    const result = migrate(db, cacheMigrations.slice(0, 2), CACHE_MIGRATIONS_TABLE);
    expect(result.ok && result.value.applied).toEqual(['0002_queue_indexes_and_search']);
    expect(db.prepare("SELECT count(*) AS n FROM tickets_fts WHERE tickets_fts MATCH '\"clinica\"*'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: 16 });
    db.close();
  });

  it('applies 0003 on top of a v2 file that holds tickets: the band column and the band-led priority indexes', () => {
    const { path } = freshFile('cache.db');
    const v2 = openSqliteFile(path);
    migrate(v2, cacheMigrations.slice(0, 2), CACHE_MIGRATIONS_TABLE);
    const insert = v2.prepare(
      `INSERT INTO tickets (id, type, channel, urgency, status, subject, description, customer_id, created_at, updated_at, sla_paused_minutes)
       VALUES (?, 'incidencia', 'portal', ?, ?, 'Caso', '', 'c-1', '2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z', 0)`,
    );
    insert.run('t-closed', 'critical', 'closed');
    insert.run('t-waiting', 'high', 'waiting_customer');
    insert.run('t-new', 'low', 'new');
    v2.close();

    const db = openSqliteFile(path);
    const result = migrate(db, cacheMigrations.slice(0, 3), CACHE_MIGRATIONS_TABLE);
    expect(result.ok && result.value.applied).toEqual(['0003_priority_by_status_band']);
    expect(db.prepare('SELECT id, status_band FROM tickets ORDER BY status_band').all()).toEqual([
      { id: 't-new', status_band: 0 },
      { id: 't-waiting', status_band: 1 },
      { id: 't-closed', status_band: 2 },
    ]);
    const indexSql = (name: string) => (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) as { sql: string } | undefined)?.sql;
    expect(indexSql('tickets_by_priority')).toMatch(/\(status_band, urgency_rank, tier_rank, created_at, id\)$/);
    expect(indexSql('tickets_by_status_priority')).toMatch(/\(status, status_band, urgency_rank,/);
    expect(indexSql('tickets_by_assignee_open_priority')).toMatch(/\(assignee_id, is_open, status_band, urgency_rank,/);
    expect(indexSql('tickets_by_urgency')).toMatch(/\(urgency_rank, created_at\)$/);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM tickets ORDER BY status_band, urgency_rank, tier_rank, created_at, id LIMIT 2').all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SCAN tickets USING INDEX tickets_by_priority']);
    db.close();
  });

  it('applies 0003 in the middle of an initial bulk load: the new DDL waits in deferred_ddl and the load finishes with it', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const first = mustOpen(tmp.dir);
    first.close();
    // Turn the file back into a v2 cache that is half way through a bulk load (as a v2 desk would leave it).
    const v2 = openSqliteFile(join(tmp.dir, 'cache.db'));
    v2.exec(`DROP INDEX tickets_by_priority; DROP INDEX tickets_by_status_priority; DROP INDEX tickets_by_assignee_open_priority; DROP INDEX tickets_by_urgency; DROP INDEX tickets_by_customer_priority;
      ALTER TABLE tickets DROP COLUMN status_band;
      CREATE INDEX tickets_by_assignee_open_priority ON tickets (assignee_id, is_open, urgency_rank, tier_rank, created_at, id);
      CREATE INDEX tickets_by_status_priority ON tickets (status, urgency_rank, tier_rank, created_at, id);
      CREATE INDEX tickets_by_priority ON tickets (urgency_rank, tier_rank, created_at, id);
      DELETE FROM ${CACHE_MIGRATIONS_TABLE} WHERE version >= 3;`);
    beginBulkLoad(v2, 'main');
    expect(v2.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: 0 });
    v2.close();

    const store = mustOpen(tmp.dir);
    const deferred = store.db.prepare("SELECT sql FROM deferred_ddl WHERE name = 'tickets_by_priority'").get() as { sql: string };
    expect(deferred.sql).toMatch(/\(status_band, urgency_rank/);
    expect(store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: 0 });
    const cu = customer();
    const low = ticket(cu.id, { number: 1, urgency: 'low', status: 'new' });
    const closedCritical = ticket(cu.id, { number: 2, urgency: 'critical', status: 'closed', resolvedAt: T0 });
    mustOk(store.applyPulledPage(page([upsert('customer', cu), upsert('ticket', low), upsert('ticket', closedCritical)], { hasMore: false })));
    // 17 as of 0003, and 0004's tickets_by_customer_priority (it ran in the same open, deferred too).
    expect(store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: 18 });
    expect(store.db.prepare('SELECT count(*) AS n FROM deferred_ddl').get()).toEqual({ n: 0 });
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows.map((r) => r.number)).toEqual([1, 2]);
    store.close();
  });

  it("applies 0004 on top of a v3 file that holds tickets: a customer's tickets in priority order, from one index", () => {
    const { path } = freshFile('cache.db');
    const v3 = openSqliteFile(path);
    migrate(v3, cacheMigrations.slice(0, 3), CACHE_MIGRATIONS_TABLE);
    const insert = v3.prepare(
      `INSERT INTO tickets (id, type, channel, urgency, status, subject, description, customer_id, created_at, updated_at, sla_paused_minutes)
       VALUES (?, 'incidencia', 'portal', ?, ?, 'Caso', '', ?, '2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z', 0)`,
    );
    insert.run('t-closed', 'critical', 'closed', 'c-1');
    insert.run('t-new', 'low', 'new', 'c-1');
    insert.run('t-other', 'critical', 'new', 'c-2');
    v3.close();

    const db = openSqliteFile(path);
    const result = migrate(db, cacheMigrations, CACHE_MIGRATIONS_TABLE);
    expect(result.ok && result.value.applied).toEqual(['0004_customer_priority_index']);
    const indexSql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'tickets_by_customer_priority'").get() as { sql: string } | undefined;
    expect(indexSql?.sql).toMatch(/\(customer_id, status_band, urgency_rank, tier_rank, created_at, id\)$/);
    const query = "SELECT id FROM tickets WHERE customer_id = 'c-1' ORDER BY status_band, urgency_rank, tier_rank, created_at, id LIMIT 2";
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH tickets USING INDEX tickets_by_customer_priority (customer_id=?)']);
    expect(db.prepare(query).all()).toEqual([{ id: 't-new' }, { id: 't-closed' }]);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: 18 });
    db.close();
  });

  /** A cache at v3 with a bulk load under way; `coreBuilt`: the core stage has already built the tickets' indexes (the history is arriving). */
  function v3BulkLoading(coreBuilt: boolean): { dir: string } {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const v3 = openSqliteFile(join(tmp.dir, 'cache.db'));
    migrate(v3, cacheMigrations.slice(0, 3), CACHE_MIGRATIONS_TABLE);
    beginBulkLoad(v3, 'main');
    if (coreBuilt) {
      for (const { name, sql } of v3.prepare("SELECT name, sql FROM deferred_ddl WHERE sql LIKE '% ON tickets (%'").all() as { name: string; sql: string }[]) {
        v3.exec(sql);
        v3.prepare('DELETE FROM deferred_ddl WHERE name = ?').run(name);
      }
    }
    v3.close();
    return { dir: tmp.dir };
  }

  it('applies 0004 in the middle of an initial bulk load: while the tickets\' indexes wait, the new one waits with them and the load builds it', () => {
    const { dir } = v3BulkLoading(false);
    const store = mustOpen(dir);
    const indexCount = () => (store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get() as { n: number }).n;
    expect(indexCount()).toBe(0);
    expect(store.db.prepare("SELECT sql FROM deferred_ddl WHERE name = 'tickets_by_customer_priority'").get()).toEqual({ sql: expect.stringMatching(/\(customer_id, status_band,/) });
    const cu = customer();
    mustOk(store.applyPulledPage(page([upsert('customer', cu), upsert('ticket', ticket(cu.id, { number: 1 }))], { hasMore: false })));
    expect(indexCount()).toBe(18);
    expect(store.db.prepare('SELECT count(*) AS n FROM deferred_ddl').get()).toEqual({ n: 0 });
    store.close();
  });

  it('applies 0004 after the core stage of a bulk load built the tickets\' indexes: builds it at once instead of reopening the core stage', () => {
    const { dir } = v3BulkLoading(true);
    const store = mustOpen(dir);
    expect(store.db.prepare("SELECT count(*) AS n FROM cache.sqlite_master WHERE type = 'index' AND name LIKE 'tickets_by_%'").get()).toEqual({ n: 18 });
    expect(store.db.prepare("SELECT count(*) AS n FROM deferred_ddl WHERE sql LIKE '% ON tickets (%'").get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM deferred_ddl').get()).not.toEqual({ n: 0 });
    expect(store.db.prepare('SELECT bulk_loading FROM sync_state').get()).toEqual({ bulk_loading: 1 });
    store.close();
  });

  it('refuses a file written by a newer version instead of guessing', () => {
    const { path } = freshFile('cache.db');
    const db = openSqliteFile(path);
    migrate(db, cacheMigrations, CACHE_MIGRATIONS_TABLE);
    db.prepare(`INSERT INTO ${CACHE_MIGRATIONS_TABLE} (version, name, applied_at) VALUES (99, 'future', 'x')`).run();
    const result = migrate(db, cacheMigrations, CACHE_MIGRATIONS_TABLE);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('SCHEMA_TOO_NEW');
    db.close();
  });

  it('rolls a failing migration back with its bookkeeping row', () => {
    const { path } = freshFile('cache.db');
    const db = openSqliteFile(path);
    const broken = checkMigrationList([
      cacheMigrations[0]!,
      {
        version: 2,
        name: 'broken',
        up(d) {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          d.exec('THIS IS NOT SQL');
        },
      },
    ]);
    expect(() => migrate(db, broken, CACHE_MIGRATIONS_TABLE)).toThrow();
    expect(currentVersion(db, CACHE_MIGRATIONS_TABLE)).toBe(1);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });

  it('rejects a misnumbered list', () => {
    expect(() => checkMigrationList([{ ...cacheMigrations[0]!, version: 2 }])).toThrow(/expected 1/);
  });
});

describe('outbox migrations', () => {
  it('apply to an empty file, and again as a no-op', () => {
    const { path } = freshFile('outbox.db');
    const db = openSqliteFile(path);
    expect(migrate(db, outboxMigrations, OUTBOX_MIGRATIONS_TABLE).ok).toBe(true);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['client_state', 'outbox', 'needs_attention']));
    const again = migrate(db, outboxMigrations, OUTBOX_MIGRATIONS_TABLE);
    expect(again.ok && again.value.applied).toEqual([]);
    db.close();
  });
});

describe('opened cache', () => {
  it('runs WAL with synchronous=FULL on both files, foreign keys on, and a busy timeout', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const store = mustOpen(tmp.dir);
    expect(store.db.pragma('main.journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('cache.journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('main.synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
    expect(store.db.pragma('cache.synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const clientId = store.syncInfo().clientId;
    store.close();
    // Reopening must set FULL again (better-sqlite3 would otherwise leave NORMAL).
    const again = mustOpen(tmp.dir);
    expect(again.db.pragma('cache.synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
    expect(again.syncInfo().clientId).toBe(clientId);
    again.close();
  });
});
