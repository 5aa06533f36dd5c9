/**
 * Forward-only migrations, one per file (STYLE.md habit 4). Each database
 * file has its own list and its own bookkeeping table; a migration runs in a
 * transaction together with the row that records it, so a crash leaves the
 * file at the previous version, never half way.
 */
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import type { Db } from './sqlite.ts';

export interface Migration {
  /** 1, 2, 3 … without gaps; never renumber or edit a shipped one. */
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/** Throws at module load when a list is misnumbered: a programming error, caught by the migration tests. */
export function checkMigrationList(migrations: readonly Migration[]): readonly Migration[] {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${index + 1}.`);
  });
  return migrations;
}

export function currentVersion(db: Db, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (exists === undefined) return 0;
  const row = db.prepare(`SELECT max(version) AS v FROM ${table}`).get() as { v: number | null };
  return row.v ?? 0;
}

export function migrate(db: Db, migrations: readonly Migration[], table: string, now: () => Date = () => new Date()): Result<MigrationOutcome> {
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const from = currentVersion(db, table);
  const latest = migrations.length;
  if (from > latest) {
    return fail('SCHEMA_TOO_NEW', `La base de datos local fue creada por una versión más nueva de Ayni (esquema ${from}, esta versión conoce hasta ${latest}).`, { from, latest });
  }
  const record = db.prepare(`INSERT INTO ${table} (version, name, applied_at) VALUES (?, ?, ?)`);
  const applied: string[] = [];
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
    })();
    applied.push(migration.name);
  }
  return ok({ from, to: Math.max(from, latest), applied });
}
