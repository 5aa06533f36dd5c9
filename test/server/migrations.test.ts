import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, type Migration } from '../../src-server/db/migrate.ts';
import { openPglite } from '../../src-server/db/pglite.ts';
import { openPostgres } from '../../src-server/db/postgres.ts';
import type { DatabaseKind, Db } from '../../src-server/db/types.ts';
import { chosenBackends, freshPostgresUrl, registerClusterTeardown } from './support/backends.ts';

registerClusterTeardown();

// PGlite takes seconds to start: one instance per file, emptied by recreating the schema.
let pglite: Promise<Db> | undefined;
afterAll(async () => {
  if (pglite !== undefined) await (await pglite).close();
});

/** An empty database; closing it is the caller's job on PostgreSQL and a no-op on the shared PGlite. */
async function emptyDb(kind: DatabaseKind): Promise<Db> {
  if (kind === 'postgres') return openPostgres({ connectionString: await freshPostgresUrl() });
  pglite ??= openPglite();
  const db = await pglite;
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return { ...db, close: async () => {} };
}

async function recorded(db: Db): Promise<number[]> {
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((row) => row.version);
}

async function tables(db: Db): Promise<string[]> {
  const rows = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  return rows.map((row) => row.tablename);
}

describe('migration files', () => {
  it('are numbered from 0001 without gaps and each has a checksum', async () => {
    const migrations = await loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

for (const backend of chosenBackends()) {
  const suite = backend.skipReason === null ? describe : describe.skip;
  if (backend.skipReason !== null) console.warn(`[migrations] ${backend.skipReason}`);
  suite(`migrations [${backend.kind}]`, () => {
    it('each applies in order on an empty database, is recorded, and re-running is a no-op', async () => {
      const db = await emptyDb(backend.kind);
      try {
        const migrations = await loadMigrations();
        for (const [index, migration] of migrations.entries()) {
          const before = await tables(db);
          const first = await migrate(db, migrations.slice(0, index + 1));
          expect(first.applied).toEqual([migration.version]);
          expect(await recorded(db)).toEqual(migrations.slice(0, index + 1).map((m) => m.version));
          expect((await tables(db)).length).toBeGreaterThanOrEqual(before.length);
          const again = await migrate(db, migrations.slice(0, index + 1));
          expect(again.applied).toEqual([]);
        }
        expect(await tables(db)).toEqual(expect.arrayContaining(['change_log', 'customers', 'tickets', 'visits', 'balances', 'calendar_days', 'sync_clients', 'mutation_results', 'sessions']));
        // The full run on an up-to-date schema does nothing either.
        expect((await migrate(db)).applied).toEqual([]);
      } finally {
        await db.close();
      }
    });

    it('refuses to run when an applied migration was edited', async () => {
      const db = await emptyDb(backend.kind);
      try {
        const migrations = await loadMigrations();
        await migrate(db, migrations);
        const first = migrations[0] as Migration;
        const edited: Migration = { ...first, checksum: 'f'.repeat(64) };
        await expect(migrate(db, [edited, ...migrations.slice(1)])).rejects.toThrow(/edited after it was applied/);
      } finally {
        await db.close();
      }
    });

    it('a failing migration leaves nothing behind', async () => {
      const db = await emptyDb(backend.kind);
      try {
        const migrations = await loadMigrations();
        const broken: Migration = {
          version: migrations.length + 1,
          name: 'broken',
          checksum: '0'.repeat(64),
          up: async (tx) => {
            await tx.exec('CREATE TABLE half_done (id int)');
            await tx.exec('SELECT * FROM no_such_table');
          },
        };
        await expect(migrate(db, [...migrations, broken])).rejects.toThrow();
        expect(await recorded(db)).toEqual(migrations.map((m) => m.version));
        expect(await tables(db)).not.toContain('half_done');
      } finally {
        await db.close();
      }
    });

    if (backend.kind === 'postgres') {
      it('two servers migrating one database at once apply each step once', async () => {
        const url = await freshPostgresUrl();
        const a = await openPostgres({ connectionString: url });
        const b = await openPostgres({ connectionString: url });
        try {
          const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
          const migrations = await loadMigrations();
          expect([...ra.applied, ...rb.applied].sort((x, y) => x - y)).toEqual(migrations.map((m) => m.version));
          expect(await recorded(a)).toEqual(migrations.map((m) => m.version));
        } finally {
          await a.close();
          await b.close();
        }
      });
    }
  });
}
