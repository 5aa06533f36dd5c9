/**
 * A desk with a big cache behind the browser bridge, for the UI benchmarks
 * (bench/ui-*.ts), ready in a few minutes on a clean machine:
 *
 * 1. The server of record: the normal demo company (`--demo`, scale 1,
 *    PGlite in a temporary directory, its own process). It is the desk's
 *    real server: the session, the sync cursor and the SSE stream are its.
 * 2. The cache is filled through the desk's own pull path: the demo company
 *    generated in memory at AYNI_BENCH_SCALE (~1,000 tickets per unit, with
 *    their customers, plans, users, events, visits, time entries and
 *    purchases; the same seed as the server, so the demo technician is the
 *    same user) is cut into pages of the wire's shape (`{entity, op:
 *    "upsert", id, rev, data}`, users without passwords) and handed to
 *    CacheStore.applyPulledPage — validation, row mapping, the bulk load
 *    with indexes and full text built at the end — followed by the server's
 *    own pull pages, fetched with the desk's clientId, the last of which
 *    (hasMore false) leaves the server's real cursor and finishes the bulk
 *    load. The desk then treats the cache as synced: its engine pulls from
 *    that cursor and finds nothing new.
 *    Not generated: balances (the server derives them in SQL), so customers
 *    that only the generated company has show no monthly balance.
 * 3. The browser bridge (the same desk core worker Electron uses) over that
 *    data directory, holding the session token from step 2, so the console
 *    opens signed in as the demo technician.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../../src-shared/protocol/sync.ts';
import type { CacheStore } from '../../src-main/core/cache/store.ts';
import { memoryTokenStore, openDeskData } from '../../src-main/core/sync/index.ts';
import { startBridge, type Bridge } from '../../src-main/bridge/server.ts';
import { DEMO_ENTITY_OF, streamDemoCompany, type DemoBatch } from '../../src-server/demo/generate.ts';
import { DEFAULT_DEMO_SEED } from '../../src-server/demo/seed.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src-server/demo/staff.ts';
import { freePort, ServerProcess } from '../../test/soak/processes.ts';
import { pullPage, type ApiClient } from './client.ts';
import { note } from './report.ts';

/** Rows per generated page (the cache's bulk load commits one transaction per page). */
const GENERATED_PAGE = 5_000;
/** The engine's own pull page size. */
const SERVER_PAGE = 1_000;

const ENTITY_OF = DEMO_ENTITY_OF;

export interface UiDesk {
  readonly bridge: Bridge;
  readonly serverUrl: string;
  /** The desk's data directory (cache.db, outbox.db), removed by close(). */
  readonly deskDir: string;
  /** Tickets in the desk's cache (generated + the server's). */
  readonly tickets: number;
  /** Rows of every entity in the cache. */
  readonly rows: number;
  readonly fillMs: number;
  close(): Promise<void>;
}

const logger = { warn: (m: string) => note(`[desk] ${m}`), error: (m: string, c?: unknown) => note(`[desk] ${m} ${String(c)}`) };

/** Generated pages through applyPulledPage; yields to the event loop between pages so the server's start is heard. */
async function fillGenerated(cache: CacheStore, scale: number): Promise<number> {
  let page: Change[] = [];
  let pages = 0;
  let rows = 0;
  const flush = (): void => {
    // Intermediate cursors are placeholders: the server's last page replaces them before anyone reads one.
    const applied = cache.applyPulledPage({ cursor: `bench-generated-${pages}`, hasMore: true, lastSeq: 0, changes: page }, GENERATED_PAGE);
    if (!applied.ok) throw new Error(`applyPulledPage (generated page ${pages}): ${applied.error.code} ${applied.error.message}`);
    pages += 1;
    rows += page.length;
    page = [];
  };
  for (const batch of streamDemoCompany({ seed: DEFAULT_DEMO_SEED, today: new Date(), scale })) {
    for (const key of Object.keys(ENTITY_OF) as Array<keyof DemoBatch>) {
      const entity = ENTITY_OF[key];
      for (const record of batch[key]) {
        // What the server sends for a user: the DemoUser without its seed-only password.
        const data = key === 'users' ? (({ password: _password, ...wire }) => wire)(record as DemoBatch['users'][number]) : record;
        page.push({ entity, op: 'upsert', id: record.id, rev: '1', data } as Change);
        if (page.length === GENERATED_PAGE) {
          flush();
          if (pages % 50 === 0) note(`  ${rows} generated rows in the cache…`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
  }
  if (page.length > 0) flush();
  return rows;
}

/** The server's own change feed, applied as the engine would; the last page carries the real cursor. */
async function pullServer(cache: CacheStore, client: ApiClient): Promise<number> {
  const { clientId } = cache.pullParams();
  let cursor: string | undefined;
  let rows = 0;
  for (;;) {
    const { page } = await pullPage(client, clientId, cursor, SERVER_PAGE);
    const applied = cache.applyPulledPage(page, SERVER_PAGE);
    if (!applied.ok) throw new Error(`applyPulledPage (server page): ${applied.error.code} ${applied.error.message}`);
    rows += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

function count(cache: CacheStore, table: string): number {
  return (cache.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export async function startUiDesk(options: { readonly scale: number }): Promise<UiDesk> {
  const work = mkdtempSync(join(tmpdir(), 'ayni-bench-ui-'));
  const server = new ServerProcess({ port: await freePort(), dataDir: join(work, 'server'), logPath: join(work, 'server.log') });
  const deskDir = join(work, 'desk');
  let bridge: Bridge | null = null;
  try {
    note(`starting the demo server (scale 1) and filling the desk's cache with the scale-${options.scale} demo company…`);
    const serverUp = server.start(300_000);
    serverUp.catch(() => {}); // Awaited below; this only keeps an early failure from being reported as unhandled.
    const tokens = memoryTokenStore();
    const opened = openDeskData({ dir: deskDir, serverUrl: server.url, tokens, logger });
    if (!opened.ok) throw new Error(`openDeskData: ${opened.error.message}`);
    const desk = opened.value;
    const started = performance.now();
    let tickets = 0;
    let rows = 0;
    try {
      const generated = await fillGenerated(desk.cache, options.scale);
      note(`  ${generated} generated rows applied in ${((performance.now() - started) / 1000).toFixed(1)} s; waiting for the server…`);
      await serverUp;
      const signedIn = await desk.engine.login(DEMO_LOGINS.technician, DEMO_PASSWORD);
      if (!signedIn.ok) throw new Error(`login: ${signedIn.error.code} ${signedIn.error.message}`);
      const token = tokens.peek();
      if (token === null) throw new Error('login stored no token');
      const pulled = await pullServer(desk.cache, { baseUrl: server.url, token });
      tickets = count(desk.cache, 'tickets');
      rows = ['customers', 'plans', 'plan_assignments', 'users', 'tickets', 'ticket_events', 'visits', 'time_entries', 'purchases', 'balances', 'calendar_days'].reduce((sum, t) => sum + count(desk.cache, t), 0);
      note(`  + ${pulled} rows pulled from the server; cache: ${tickets} tickets, ${rows} rows`);
    } finally {
      await desk.close();
    }
    const fillMs = performance.now() - started;
    note(`cache ready in ${(fillMs / 1000).toFixed(1)} s; starting the bridge`);
    const token = tokens.peek();
    bridge = await startBridge({ port: 0, dataDir: deskDir, serverUrl: server.url, tokens: memoryTokenStore(token) });
    const running = bridge;
    return {
      bridge: running,
      serverUrl: server.url,
      deskDir,
      tickets,
      rows,
      fillMs,
      async close() {
        await running.close();
        await server.stop();
        server.close();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await bridge?.close();
    await server.stop().catch(() => server.forceKill());
    server.close();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
