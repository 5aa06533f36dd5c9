/**
 * startServer: open (and migrate) the database, publish the calendar's
 * national holidays, optionally seed the demo company, listen. Used by the
 * CLI, the desk's embedded server, tests and benchmarks.
 */
import type { FastifyInstance } from 'fastify';
import pkg from '../package.json' with { type: 'json' };
import { buildApp, type AppOptions } from './app.ts';
import { ensureMonthBalances } from './balances/recompute.ts';
import { publishNationalHolidays } from './calendar/admin-routes.ts';
import type { ServerContext } from './context.ts';
import { openDatabase } from './db/open.ts';
import type { Db } from './db/types.ts';
import { limaMonthOf } from './mutations/common.ts';

export const SERVER_VERSION: string = pkg.version;
export const DEMO_EMAIL_DOMAIN = 'demo.ayni.pe';

export interface StartServerOptions extends AppOptions {
  /** 0 (default) = a random free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** PGlite data directory; omitted (and no databaseUrl) = PGlite in memory. */
  readonly dataDir?: string;
  /** postgres://… — use a real PostgreSQL instead of PGlite. */
  readonly databaseUrl?: string;
  /** An already-open, migrated database (tests, benchmarks). close() leaves it open. */
  readonly db?: Db;
  /** Seed the demo company into an empty database (src-server/demo/seed.ts). */
  readonly demo?: boolean;
  readonly seed?: number;
  readonly scale?: number;
  /** The server clock; default the real one. */
  readonly now?: () => Date;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly db: Db;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

const ENSURE_BALANCES_EVERY_MS = 60 * 60 * 1000;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Work every server does at start: holidays for the years around now, and this month's balances. */
export async function prepareDatabase(db: Db, now: Date): Promise<void> {
  const year = Number(limaMonthOf(now).slice(0, 4));
  await db.transaction(async (tx) => {
    await publishNationalHolidays(tx, [year - 1, year, year + 1, year + 2]);
    await ensureMonthBalances(tx, limaMonthOf(now));
  });
}

interface DemoModule {
  seedDemoCompany(db: Db, options: { seed?: number; scale?: number; now?: Date }): Promise<unknown>;
}

async function seedDemo(db: Db, options: StartServerOptions, now: Date): Promise<void> {
  const users = await db.query<{ n: number }>('SELECT count(*) AS n FROM users');
  if ((users[0]?.n ?? 0) > 0) return; // Seed an empty database only; a restart keeps the data.
  let demo: DemoModule;
  try {
    // A variable specifier: the demo module is optional at build time (another team's folder).
    const specifier = './demo/seed.ts';
    demo = (await import(specifier)) as DemoModule;
  } catch (error) {
    throw new Error(`--demo aún no disponible: no se pudo cargar src-server/demo/seed.ts (${(error as Error).message})`, { cause: error });
  }
  await demo.seedDemoCompany(db, { seed: options.seed, scale: options.scale, now });
}

async function hasDemoUsers(db: Db): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE lower(email) LIKE $1 LIMIT 1', [`%@${DEMO_EMAIL_DOMAIN}`]);
  return rows.length > 0;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const ownsDb = options.db === undefined;
  const db = options.db ?? (await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }));
  let timer: NodeJS.Timeout | undefined;
  try {
    if (options.demo === true) await seedDemo(db, options, now());
    await prepareDatabase(db, now());
    // Demo passwords are public: such a server must never be reachable from the network.
    if (!isLoopback(host) && (await hasDemoUsers(db))) {
      throw new Error(`Este servidor tiene usuarios de demostración (@${DEMO_EMAIL_DOMAIN}) y solo escucha en loopback (127.0.0.1), no en ${host}.`);
    }
    const ctx: ServerContext = { db, now, version: SERVER_VERSION };
    const app = buildApp(ctx, options);
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    timer = setInterval(() => {
      db.transaction((tx) => ensureMonthBalances(tx, limaMonthOf(now()))).catch((error: unknown) => {
        console.error('ayni-server: could not create this month\'s balances:', error);
      });
    }, ENSURE_BALANCES_EVERY_MS);
    timer.unref();
    let closed = false;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      db,
      app,
      async close() {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        // Event streams and keep-alive sockets of connected desks would hold
        // app.close() open for minutes: stop accepting, then cut them.
        const closing = app.close();
        app.server.closeAllConnections();
        await closing;
        if (ownsDb) await db.close();
      },
    };
  } catch (error) {
    clearInterval(timer);
    if (ownsDb) await db.close();
    throw error;
  }
}
