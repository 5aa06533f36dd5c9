/**
 * Which database backends the server tests run against, from the environment:
 *
 *   AYNI_TEST_BACKENDS      pglite | postgres | both (default both)
 *   AYNI_TEST_DATABASE_URL  an existing PostgreSQL to use (a fresh database is
 *                           created in it per test file); without it, a
 *                           throwaway cluster is started when the binaries exist.
 *
 * When real PostgreSQL is wanted but cannot run here, its suites are skipped
 * and the reason is printed once per file.
 */
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import pg from 'pg';
import { openDatabase } from '../../../src-server/db/open.ts';
import type { DatabaseKind, Db } from '../../../src-server/db/types.ts';
import { pgClusterSkipReason, startPgCluster, type PgCluster } from '../../support/pg-cluster.ts';

export interface BackendChoice {
  readonly kind: DatabaseKind;
  /** Why this backend is skipped here, or null when it runs. */
  readonly skipReason: string | null;
}

export function chosenBackends(): BackendChoice[] {
  const wanted = (process.env.AYNI_TEST_BACKENDS ?? 'both').toLowerCase();
  const kinds: DatabaseKind[] = wanted === 'pglite' ? ['pglite'] : wanted === 'postgres' ? ['postgres'] : ['pglite', 'postgres'];
  return kinds.map((kind) => ({ kind, skipReason: kind === 'postgres' ? postgresSkipReason() : null }));
}

export function postgresSkipReason(): string | null {
  if (process.env.AYNI_TEST_DATABASE_URL !== undefined) return null;
  const reason = pgClusterSkipReason();
  return reason === null ? null : `real-PostgreSQL server tests skipped: ${reason}`;
}

let cluster: Promise<PgCluster> | null = null;
let stopRegistered = false;

/** Registers the file-level teardown; call at a test file's top level (collection time). */
export function registerClusterTeardown(): void {
  if (stopRegistered) return;
  stopRegistered = true;
  afterAll(async () => {
    const running = cluster;
    cluster = null;
    if (running !== null) await (await running).stop();
  });
}

/** A URL for a fresh, empty PostgreSQL database (one cluster per test file, one database per call). */
export async function freshPostgresUrl(): Promise<string> {
  const name = `ayni_test_${randomBytes(6).toString('hex')}`;
  const external = process.env.AYNI_TEST_DATABASE_URL;
  if (external !== undefined) {
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(external);
    url.pathname = `/${name}`;
    return url.toString();
  }
  cluster ??= startPgCluster();
  return (await cluster).createDatabase(name);
}

/** An open, migrated database of the given kind, and its URL on PostgreSQL (to open more connections to it). */
export async function openTestDatabase(kind: DatabaseKind, options: { maxConnections?: number } = {}): Promise<{ db: Db; url: string | null }> {
  if (kind === 'pglite') return { db: await openDatabase({}), url: null };
  const url = await freshPostgresUrl();
  return { db: await openDatabase({ databaseUrl: url, maxConnections: options.maxConnections ?? 20 }), url };
}

export async function openTestDb(kind: DatabaseKind, options: { maxConnections?: number } = {}): Promise<Db> {
  return (await openTestDatabase(kind, options)).db;
}
