/**
 * The desk's sync at scale, against the real server (src-server CLI in its own
 * process, PGlite, the `--scale` demo company: ~1,000 tickets per unit of
 * scale, ~2.6 visits per ticket, plus their events, time entries, balances):
 *
 *   sync.pull_only.rows_per_s  pages fetched and parsed, nothing stored (the
 *                            server's and HTTP's share), over the first minute;
 *   sync.initial.total_ms    login → the core stage of the initial sync
 *                            stored and indexed in an empty cache with the real
 *                            SyncEngine: every ticket, visit, customer, user,
 *                            plan, balance and calendar day — queues, search
 *                            and calendars complete (target ≤ 8 s);
 *   sync.initial.floor_ms    the same core rows inserted straight into an empty
 *                            cache schema, indexes and full-text built after;
 *   sync.initial.ratio       total / floor (target ≤ 1.8);
 *   sync.complete.total_ms   login → everything, the tickets' history (events,
 *                            time entries: most of the rows) included, with
 *                            sync.complete.floor_ms / .ratio likewise;
 *   edit.roundtrip.p50_ms    a note saved → pushed → acknowledged → pulled
 *                            back from the server (target ≤ 100 ms);
 *   mainloop.stall.p99_ms    the host's event-loop delay while the desk core
 *                            worker (worker-host.ts) does the initial sync,
 *                            over its first minute (target ≤ 20 ms).
 *
 * Environment: AYNI_BENCH_SCALE (default 100), AYNI_BENCH_SERVER_DIR (reuse a
 * PGlite directory already seeded at that scale), AYNI_BENCH_DATABASE_URL (a
 * real PostgreSQL database instead of PGlite — the production server of
 * record; seeded on first use when empty), AYNI_BENCH_SEEDED=1 (the database
 * URL is already seeded), AYNI_BENCH_ROUNDTRIPS
 * (default 40), AYNI_BENCH_PAGE_LIMIT (the engine's default, 1000), AYNI_BENCH_INITIAL_PAGE_LIMIT (the engine's default for the initial load, 1000),
 * AYNI_BENCH_WINDOW_S (default 60), AYNI_BENCH_PHASES (pull,mainloop,sync).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HISTORY_TABLES } from '../src-main/core/cache/bulk-load.ts';
import { validatePullPage } from '../src-main/core/cache/pull-page.ts';
import { ENTITY_TABLE_NAMES } from '../src-main/core/cache/rows.ts';
import type { CacheStore } from '../src-main/core/cache/store.ts';
import { memoryTokenStore, openDeskData, type DeskData } from '../src-main/core/sync/index.ts';
import { startDeskCoreWorker } from '../src-main/core/worker-host.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src-server/demo/staff.ts';
import { freePort, ServerProcess } from '../test/soak/processes.ts';
import { measureFloor } from './support/desk-floor.ts';
import { login, pullPage } from './support/client.ts';
import { envNumber, note, percentile, report } from './support/report.ts';

const SCALE = envNumber('AYNI_BENCH_SCALE', 100);
const ROUNDTRIPS = envNumber('AYNI_BENCH_ROUNDTRIPS', 40);
const PAGE_LIMIT = envNumber('AYNI_BENCH_PAGE_LIMIT', 1_000);
/** The engine's page size during the initial load (its default). */
const INITIAL_PAGE_LIMIT = envNumber('AYNI_BENCH_INITIAL_PAGE_LIMIT', 1_000);
/** The diagnostic phases (pull only, the worker's sync) stop after this long: their rates are steady after a minute. */
const WINDOW_MS = envNumber('AYNI_BENCH_WINDOW_S', 60) * 1_000;
const reuse = process.env.AYNI_BENCH_SERVER_DIR;
const databaseUrl = process.env.AYNI_BENCH_DATABASE_URL;
/** AYNI_BENCH_PHASES=mainloop,sync (default both): run only some phases, e.g. to re-measure one. */
const PHASES = (process.env.AYNI_BENCH_PHASES ?? 'pull,mainloop,sync').split(',').map((p) => p.trim());
const phase = (name: 'pull' | 'mainloop' | 'sync') => PHASES.includes(name);
const EMAIL = DEMO_LOGINS.supervisor;
const logger = { warn: (m: string) => note(`[desk] ${m}`), error: (m: string, c?: unknown) => note(`[desk] ${m} ${String(c)}`) };
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (value: number, target: number) => (value <= target ? 'MET' : 'MISSED');

const work = mkdtempSync(join(tmpdir(), 'ayni-bench-desk-sync-'));
const serverDir = reuse ?? join(work, 'server');
const seeded = databaseUrl !== undefined ? process.env.AYNI_BENCH_SEEDED === '1' : reuse !== undefined && existsSync(reuse) && readdirSync(reuse).length > 0;
const where = databaseUrl !== undefined ? { databaseUrl } : { dataDir: serverDir };
const backend = databaseUrl !== undefined ? 'postgresql' : 'pglite';
const server = new ServerProcess({ port: await freePort(), ...where, scale: SCALE, logPath: join(work, 'server.log') });

async function pullOnly(): Promise<{ rows: number; pages: number; validateMsPerRow: number }> {
  const client = await login(server.url, EMAIL, DEMO_PASSWORD);
  const started = performance.now();
  let cursor: string | undefined;
  let rows = 0;
  let pages = 0;
  let validateMs = 0;
  let validatedRows = 0;
  let more = true;
  while (more && performance.now() - started < WINDOW_MS) {
    const { page } = await pullPage(client, `bench-desk-pull-${randomUUID().slice(0, 8)}`, cursor, PAGE_LIMIT);
    if (pages < 20) {
      // A sample of the desk's page validation (zod, every entity), timed apart from the fetch.
      const t = performance.now();
      const valid = validatePullPage(page, PAGE_LIMIT);
      validateMs += performance.now() - t;
      validatedRows += page.changes.length;
      if (!valid.ok) throw new Error(`page ${pages} does not validate: ${valid.error.message}`);
    }
    rows += page.changes.length;
    pages += 1;
    cursor = page.cursor;
    more = page.hasMore;
  }
  const ms = performance.now() - started;
  // What fetching and parsing the pages costs without storing anything: the server's share of the sync.
  report('sync.pull_only.rows_per_s', (rows / ms) * 1000, 'rows/s', { scale: SCALE, backend, rows, pages, limit: PAGE_LIMIT, ms: Math.round(ms), complete: !more });
  return { rows, pages, validateMsPerRow: validatedRows === 0 ? 0 : validateMs / validatedRows };
}

/** Times every applyPulledPage of this cache (the desk's own CPU per page), and the last one (indexes + full text). */
interface ApplyTiming {
  applyMs: number;
  /** The page that built the core indexes and full text (the first history page), and the last page (history indexes). */
  corePageMs: number;
  lastPageMs: number;
  pages: number;
  /** performance.now() when the core part of the initial load was complete (queues, search, calendars usable). */
  coreReadyAt: number | null;
  corePages: number;
  coreApplyMs: number;
}

/** Times every applyPulledPage of this cache (the desk's own CPU per page), and when the core part was ready. */
function timeApply(cache: CacheStore): ApplyTiming {
  const timing: ApplyTiming = { applyMs: 0, corePageMs: 0, lastPageMs: 0, pages: 0, coreReadyAt: null, corePages: 0, coreApplyMs: 0 };
  const original = cache.applyValidatedPages.bind(cache);
  cache.applyValidatedPages = (pages) => {
    const t = performance.now();
    const result = original(pages);
    const ms = performance.now() - t;
    timing.applyMs += ms;
    timing.pages += 1;
    if (result.ok && result.value.coreReady) {
      timing.coreReadyAt = performance.now();
      timing.corePageMs = ms;
      timing.corePages = timing.pages;
      timing.coreApplyMs = timing.applyMs;
    }
    if (result.ok && !result.value.hasMore && result.value.initialLoad) timing.lastPageMs = ms;
    return result;
  };
  return timing;
}

/** The tables of the server's core stage: every entity table but the history. */
const CORE_TABLES = ENTITY_TABLE_NAMES.filter((table) => !HISTORY_TABLES.includes(table));

/**
 * sync.initial.total_ms: login → the core part of the initial sync stored and
 * indexed (every ticket, visit, customer, user, plan, balance and calendar
 * day; queues, search and calendars complete) — the server sends the tickets'
 * history (events, time entries) after that, and the console works while it
 * arrives. sync.complete.total_ms: login → everything, history included.
 */
async function initialSync(pulled: { rows: number; validateMsPerRow: number }): Promise<{ desk: DeskData; totalMs: number; completeMs: number; dir: string }> {
  const dir = join(work, 'desk');
  const opened = openDeskData({ dir, serverUrl: server.url, tokens: memoryTokenStore(), logger, engine: { pageLimit: PAGE_LIMIT, initialPageLimit: INITIAL_PAGE_LIMIT } });
  if (!opened.ok) throw new Error(opened.error.message);
  const desk = opened.value;
  const timing = timeApply(desk.cache);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await desk.engine.start();
  const signedIn = await desk.engine.login(EMAIL, DEMO_PASSWORD);
  if (!signedIn.ok) throw new Error(`login: ${signedIn.error.message}`);
  const synced = await desk.engine.syncNow();
  if (!synced.ok) throw new Error(`sync: ${synced.error.code} ${synced.error.message}`);
  const completeMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const totalMs = (timing.coreReadyAt ?? performance.now()) - started;
  const coreRows = countRows(desk.cache, CORE_TABLES);
  const allRows = coreRows + countRows(desk.cache, HISTORY_TABLES);
  const tickets = countRows(desk.cache, ['tickets']);
  const visits = countRows(desk.cache, ['visits']);
  report('sync.initial.total_ms', totalMs, 'ms', {
    scale: SCALE,
    backend,
    rows: coreRows,
    tickets,
    visits,
    pages: timing.corePages,
    limit: INITIAL_PAGE_LIMIT,
    apply_ms: Math.round(timing.coreApplyMs),
    core_index_page_ms: Math.round(timing.corePageMs),
    waiting_on_server_ms: Math.round(totalMs - timing.coreApplyMs),
    target: 8000,
    met: totalMs <= 8000,
  });
  note(`sync.initial.total ${sec(totalMs)} for ${coreRows} core rows (${tickets} tickets, ${visits} visits; target ≤ 8 s) ${verdict(totalMs, 8000)}: desk apply ${sec(timing.coreApplyMs)} (of which the page that built indexes + full text ${sec(timing.corePageMs)})`);
  report('sync.complete.total_ms', completeMs, 'ms', {
    scale: SCALE,
    backend,
    rows: allRows,
    pages: timing.pages,
    limit: INITIAL_PAGE_LIMIT,
    apply_ms: Math.round(timing.applyMs),
    last_page_ms: Math.round(timing.lastPageMs),
    validate_ms_est: Math.round(pulled.validateMsPerRow * allRows),
    desk_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
  });
  note(`sync.complete.total ${sec(completeMs)} for ${allRows} rows with the history: desk apply ${sec(timing.applyMs)} (last page: history indexes ${sec(timing.lastPageMs)}), desk CPU ${sec((cpu.user + cpu.system) / 1000)}`);
  return { desk, totalMs, completeMs, dir };
}

function countRows(cache: CacheStore, tables: readonly string[]): number {
  return tables.reduce((sum, t) => sum + (cache.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);
}

/** A note saved locally until the server's copy of it is back in the cache, confirmed. */
async function roundtrips(desk: DeskData): Promise<void> {
  const { cache, engine } = desk;
  const tickets = (cache.db.prepare("SELECT id FROM tickets WHERE status NOT IN ('closed', 'cancelled') ORDER BY row_id LIMIT 50").all() as { id: string }[]).map((r) => r.id);
  const state = cache.db.prepare("SELECT rev, EXISTS (SELECT 1 FROM overlay_touches o WHERE o.entity = 'ticketEvent' AND o.id = e.id) AS pending FROM ticket_events e WHERE id = ?");
  const times: number[] = [];
  for (let i = 0; i < ROUNDTRIPS + 3; i++) {
    const id = randomUUID();
    const back = new Promise<void>((resolve, reject) => {
      const done = () => {
        const row = state.get(id) as { rev: string | null; pending: number } | undefined;
        if (row !== undefined && row.rev !== null && row.pending === 0 && engine.status().pendingEdits === 0) {
          stop();
          resolve();
        }
      };
      const offRows = engine.onRowsChanged(done);
      const offStatus = engine.onStatus(done);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`edit ${id} did not come back within 10 s`));
      }, 10_000);
      const stop = () => {
        offRows();
        offStatus();
        clearTimeout(timer);
      };
    });
    const t = performance.now();
    const saved = engine.edit('ticket.addNote', { id, ticketId: tickets[i % tickets.length], kind: 'note', body: `Nota de benchmark ${i}` });
    if (!saved.ok) throw new Error(`edit: ${saved.error.message}`);
    await back;
    if (i >= 3) times.push(performance.now() - t); // The first few warm the statements and connections.
  }
  const p50 = percentile(times, 50);
  report('edit.roundtrip.p50_ms', p50, 'ms', { scale: SCALE, backend, edits: times.length, p95: Math.round(percentile(times, 95) * 10) / 10, max: Math.round(Math.max(...times) * 10) / 10, target: 100, met: p50 <= 100 });
  note(`edit.roundtrip p50 ${p50.toFixed(1)} ms (target ≤ 100 ms) ${verdict(p50, 100)}`);
}

/** The host's event loop while the desk core worker does an initial sync of the same company. */
async function mainLoopStall(): Promise<void> {
  const dataDir = join(work, 'desk-worker');
  const handle = startDeskCoreWorker({ workerPath: new URL('../src-main/core/worker.ts', import.meta.url), dataDir, mode: 'web', appVersion: 'bench', serverUrl: server.url });
  let sawSyncing = false;
  const synced = new Promise<void>((resolve) => {
    handle.onEvent((event, payload) => {
      if (event !== 'sync.status') return;
      const status = payload as { state: string; progress?: unknown };
      if (status.state === 'syncing') sawSyncing = true;
      if (sawSyncing && status.state === 'online' && status.progress === undefined) resolve();
    });
  });
  // Let the worker start up before measuring: its boot is not the sync.
  await handle.call('app.info', {});
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const started = performance.now();
  delay.enable();
  const signedIn = await handle.call('session.login', { serverUrl: server.url, email: EMAIL, password: DEMO_PASSWORD });
  if (!signedIn.ok) {
    delay.disable();
    await handle.close();
    note(`mainloop.stall: not measured — the desk core refused session.login (${signedIn.error.code}: ${signedIn.error.message})`);
    return;
  }
  // The whole sync, or its first WINDOW_MS: the stalls come page by page, so a minute of pages is representative.
  const finished = await Promise.race([synced.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), WINDOW_MS))]);
  delay.disable();
  const syncMs = performance.now() - started;
  await handle.close();
  const p99 = delay.percentile(99) / 1e6;
  report('mainloop.stall.p99_ms', p99, 'ms', { scale: SCALE, backend, measured_ms: Math.round(syncMs), sync_complete: finished, max: Math.round(delay.max / 1e5) / 10, mean: Math.round(delay.mean / 1e4) / 100, target: 20, met: p99 <= 20 });
  note(`mainloop.stall p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms over ${sec(syncMs)} of the worker's sync${finished ? '' : ' (first window)'} (target p99 ≤ 20 ms) ${verdict(p99, 20)}`);
}

try {
  const place = databaseUrl !== undefined ? databaseUrl.replace(/\/\/[^@]*@/, '//') : serverDir;
  note(seeded ? `reusing the seeded server data in ${place} (${backend})` : `seeding the demo company at scale ${SCALE} into ${place} (${backend}; minutes at scale 100)…`);
  const seedStarted = performance.now();
  await server.start(3_600_000);
  note(`server up in ${sec(performance.now() - seedStarted)}`);
  if (!seeded) {
    // Start again on the seeded data, as a desk meets a server that was seeded long ago. (A PGlite
    // server that has just seeded scale 100 keeps the WASM heap the seed grew; in one run it died
    // during the desk's sync.)
    await server.stop();
    await server.start(600_000);
  }
  const pulled = phase('pull') ? await pullOnly() : { rows: 0, pages: 0, validateMsPerRow: 0 };
  // The worker's sync first, while this (host) process's heap is still small: a host that has just
  // stored millions of rows itself would add its own garbage collections to the stalls.
  if (phase('mainloop')) await mainLoopStall();
  if (phase('sync')) {
    const { desk, totalMs, completeMs, dir } = await initialSync(pulled);
    await roundtrips(desk);
    await desk.close();
    // The floor of what sync.initial.total_ms measures (the core tables), then of everything.
    const floorMs = measureFloor(join(dir, 'cache.db'), join(work, 'floor'), { tables: CORE_TABLES, name: 'sync.initial.floor_ms' });
    report('sync.initial.ratio', totalMs / floorMs, 'x', { scale: SCALE, backend, total_ms: Math.round(totalMs), floor_ms: Math.round(floorMs), target: 1.8, met: totalMs / floorMs <= 1.8 });
    note(`sync.initial.ratio ${(totalMs / floorMs).toFixed(2)} × floor (target ≤ 1.8) ${verdict(totalMs / floorMs, 1.8)}`);
    const completeFloorMs = measureFloor(join(dir, 'cache.db'), join(work, 'floor-complete'), { name: 'sync.complete.floor_ms' });
    report('sync.complete.ratio', completeMs / completeFloorMs, 'x', { scale: SCALE, backend, total_ms: Math.round(completeMs), floor_ms: Math.round(completeFloorMs) });
    note(`sync.complete.ratio ${(completeMs / completeFloorMs).toFixed(2)} × floor`);
  }
} catch (error) {
  // The server's own account of what went wrong, before its log goes away with the work directory.
  const log = join(work, 'server.log');
  if (existsSync(log)) note(`--- last lines of the server's log:\n${readFileSync(log, 'utf8').trimEnd().split('\n').slice(-30).join('\n')}`);
  throw error;
} finally {
  await server.stop();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
