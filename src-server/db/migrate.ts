/**
 * Forward-only migrations: one file per step under ./migrations, named
 * `NNNN_name.sql` (a script) or `NNNN_name.ts` (exports `up(tx)`), applied in
 * order, each in its own transaction together with its row in
 * `schema_migrations`. A shipped migration is never edited: its checksum is
 * recorded and a mismatch stops the server instead of silently diverging.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Tx } from './types.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  up(tx: Tx): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.(sql|ts)$/;
// Any constant works; it only has to be the same for every server process.
const MIGRATION_LOCK_KEY = 7_301_001;

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(file);
    if (match === null) continue;
    const [, digits = '', name = '', extension] = match;
    const source = readFileSync(join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(source).digest('hex');
    let up: (tx: Tx) => Promise<void>;
    if (extension === 'sql') {
      up = (tx) => tx.exec(source);
    } else {
      const module = (await import(join(dir, file))) as { up?: (tx: Tx) => Promise<void> };
      if (typeof module.up !== 'function') throw new Error(`Migration ${file} does not export up(tx).`);
      up = module.up;
    }
    migrations.push({ version: Number(digits), name, checksum, up });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${String(migration.version).padStart(4, '0')}_${migration.name} at position ${index + 1}.`);
  });
  return migrations;
}

export interface MigrateResult {
  /** Versions applied by this call (empty when the schema was already current). */
  readonly applied: number[];
}

export async function migrate(db: Db, migrations?: readonly Migration[]): Promise<MigrateResult> {
  const steps = migrations ?? (await loadMigrations());
  await db.transaction(async (tx) => {
    // Two servers starting together must not both create the table.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer     PRIMARY KEY,
      name       text        NOT NULL,
      checksum   text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: number[] = [];
  for (const step of steps) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [step.version]);
      const recorded = done[0];
      if (recorded !== undefined) {
        if (recorded.checksum !== step.checksum) {
          throw new Error(`Migration ${step.version} (${step.name}) was edited after it was applied; add a new migration instead.`);
        }
        return;
      }
      await step.up(tx);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [step.version, step.name, step.checksum]);
      applied.push(step.version);
    });
  }
  return { applied };
}
