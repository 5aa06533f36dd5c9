/**
 * Opening the desk's local data directory:
 *
 * - outbox.db (queued and rejected edits, client identity) is the
 *   connection's `main` schema; cache.db (everything downloadable) is
 *   attached as `cache`. One connection means one transaction covers an edit
 *   and its outbox row. On commit SQLite writes main's WAL before the
 *   attached one's, so a power cut between the two leaves the outbox ahead of
 *   the cache — which CacheStore.reconcile() repairs by replaying.
 * - Each file is checked with `PRAGMA quick_check` and migrated on its own
 *   connection first. A cache.db that fails (or cannot be opened, or was
 *   written by a newer version) is renamed aside with a timestamp and
 *   rebuilt empty; the next sync downloads it again and the queued edits are
 *   replayed on top. outbox.db is never moved or rebuilt: a damaged one is
 *   reported and left untouched for support.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import { createStderrLogger, type CoreLogger } from '../log.ts';
import type { FaultHook } from './faults.ts';
import { migrate, type Migration } from './migrate.ts';
import { CACHE_MIGRATIONS_TABLE, cacheMigrations } from './migrations/index.ts';
import { OUTBOX_MIGRATIONS_TABLE, outboxMigrations } from './outbox-migrations/index.ts';
import { applyDurabilityPragmas, openSqliteFile, quickCheck, type Db } from './sqlite.ts';
import { CACHE_SCHEMA, CacheStore, type CacheRecovery } from './store.ts';

export const CACHE_FILE = 'cache.db';
export const OUTBOX_FILE = 'outbox.db';

export interface OpenCacheOptions {
  /** The desk's data directory (created if missing). */
  readonly dir: string;
  readonly now?: () => Date;
  readonly logger?: CoreLogger;
  /** Crash-test seam; see faults.ts. */
  readonly faults?: FaultHook;
}

type Prepared = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly code: string };

/** Opens one file alone, checks it and brings its schema up to date. */
function prepareFile(path: string, migrations: readonly Migration[], table: string, now: () => Date): Prepared {
  let db: Db;
  try {
    db = openSqliteFile(path);
  } catch (error) {
    return { ok: false, code: 'UNREADABLE', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const check = quickCheck(db);
    if (!check.ok) return { ok: false, code: 'CORRUPT', reason: check.reason };
    const migrated = migrate(db, migrations, table, now);
    if (!migrated.ok) return { ok: false, code: migrated.error.code, reason: migrated.error.message };
    return { ok: true };
  } catch (error) {
    return { ok: false, code: 'UNREADABLE', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
}

function timestampSuffix(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Moves cache.db and its WAL/SHM companions aside; returns the new name of the database file. */
function moveAside(path: string, at: Date): string {
  const target = `${path}.corrupt-${timestampSuffix(at)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

export function openCache(options: OpenCacheOptions): Result<CacheStore> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createStderrLogger('cache');
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (error) {
    return fail('CACHE_DIR_UNAVAILABLE', `No se pudo crear la carpeta de datos local (${options.dir}).`, { reason: String(error) });
  }
  const outboxPath = join(options.dir, OUTBOX_FILE);
  const cachePath = join(options.dir, CACHE_FILE);

  const outbox = prepareFile(outboxPath, outboxMigrations, OUTBOX_MIGRATIONS_TABLE, now);
  if (!outbox.ok) {
    logger.error(`outbox.db no se pudo abrir (${outbox.code}): ${outbox.reason}`);
    return fail(
      'OUTBOX_UNREADABLE',
      'El archivo de cambios pendientes (outbox.db) está dañado o es de una versión más nueva. No se modificó ni se borró; contacte a soporte antes de reinstalar.',
      { path: outboxPath, code: outbox.code, reason: outbox.reason },
    );
  }

  let recovery: CacheRecovery | null = null;
  const cache = prepareFile(cachePath, cacheMigrations, CACHE_MIGRATIONS_TABLE, now);
  if (!cache.ok) {
    const movedTo = moveAside(cachePath, now());
    recovery = { movedTo, reason: `${cache.code}: ${cache.reason}` };
    logger.warn(`cache.db no se pudo usar (${cache.code}: ${cache.reason}); se movió a ${movedTo} y se reconstruirá desde el servidor. Los cambios pendientes se conservan.`);
    const rebuilt = prepareFile(cachePath, cacheMigrations, CACHE_MIGRATIONS_TABLE, now);
    if (!rebuilt.ok) return fail('CACHE_UNAVAILABLE', 'No se pudo crear la copia local de datos.', { reason: rebuilt.reason });
  }

  let db: Db | null = null;
  try {
    db = openSqliteFile(outboxPath);
    db.prepare(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`).run(cachePath);
    applyDurabilityPragmas(db, CACHE_SCHEMA);
    const store = new CacheStore({ db, now, logger, faults: options.faults, recovery });
    const reconciled = store.reconcile();
    if (reconciled.replayed > 0 || reconciled.dropped > 0) logger.warn(`Copia local reconciliada con la cola de cambios: ${reconciled.replayed} reaplicados, ${reconciled.dropped} descartados.`);
    return ok(store);
  } catch (error) {
    db?.close();
    logger.error('No se pudo abrir la copia local', error);
    return fail('CACHE_UNAVAILABLE', 'No se pudo abrir la copia local de datos.', { reason: error instanceof Error ? error.message : String(error) });
  }
}
