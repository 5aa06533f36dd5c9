/**
 * Playwright fixtures for the browser build of Ayni.
 *
 * - `desk` (one per worker): a browser bridge started in-process on a random
 *   loopback port over a fresh temporary data directory, with one company
 *   closure in its calendar (COMPANY_CLOSURE). Tests in one worker share it,
 *   so a test that changes settings should put them back.
 * - `deskWithServer` (one per worker, started only by tests that use it):
 *   the server of record in-process (startServer, PGlite on disk, the demo
 *   company with a fixed seed) and a bridge whose desk core has it as its
 *   default server. `stopServer()` takes the server down and
 *   `startServer()` brings it back on the same port and data, for offline
 *   tests. Tests in one worker share it (and its signed-in session).
 * - `startFreshDesk({serverUrl})` (per test): another bridge over a new,
 *   empty data directory, for a test that needs a desk that has never
 *   synced (the first sync); closed and removed after the test.
 * - `page`: a page of its own context (AxeBuilder needs one made by
 *   browser.newContext()), already navigated to the desk URL.
 * - `expectNoSeriousA11yViolations(page)` and `snap(page, name)`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { BRIDGE_PATH } from '../../src-shared/ipc/bridge-protocol.ts';
import type { DeskEventName } from '../../src-shared/ipc/names.ts';
import type { Result } from '../../src-shared/result.ts';
import type { CalendarOverride } from '../../src-shared/calendar/types.ts';
import { startBridge } from '../../src-main/bridge/server.ts';
import type { WorkerSyncTuning } from '../../src-main/core/worker-messages.ts';
import { startServer, type RunningServer } from '../../src-server/server.ts';

/** The demo company every e2e server is seeded with: fixed, so tests can rely on the same data run after run. */
export const E2E_DEMO_SEED = 20_260_323;
/** Demo users (seed only, loopback only): DESIGN.md §4. */
export const DEMO_PASSWORD = 'ayni-demo';
export const DEMO_USERS = {
  technician: 'tecnico@demo.ayni.pe',
  dispatcher: 'despacho@demo.ayni.pe',
  supervisor: 'supervisor@demo.ayni.pe',
  admin: 'admin@demo.ayni.pe',
} as const;

/** The one company decision every test desk starts with. */
export const COMPANY_CLOSURE: CalendarOverride = {
  date: '2026-12-24',
  kind: 'closure',
  name: 'Día no laborable (adoptado por la empresa)',
};

export interface DeskUnderTest {
  /** `http://127.0.0.1:PORT/#token=…` */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  readonly dataDir: string;
  readonly token: string;
}

export interface DeskWithServer extends DeskUnderTest {
  /** `http://127.0.0.1:PORT` of the server of record; the same after a restart. */
  readonly serverUrl: string;
  /** PGlite's data directory; kept across stopServer()/startServer(). */
  readonly serverDataDir: string;
  /** Takes the server down (the desk goes offline). No-op when already down. */
  stopServer(): Promise<void>;
  /** Brings the server back on the same port with the same data. No-op when up. */
  startServer(): Promise<void>;
}

interface WorkerFixtures {
  desk: DeskUnderTest;
  deskWithServer: DeskWithServer;
}

export interface FreshDeskOptions {
  /** The desk's default server of record. */
  readonly serverUrl: string;
  readonly syncTuning?: WorkerSyncTuning;
}

export interface FreshDesk extends DeskUnderTest {
  /** Closes the desk now (e.g. before taking its server away); the fixture closes it after the test otherwise. */
  close(): Promise<void>;
}

interface TestFixtures {
  /** Starts a desk over an empty data directory (never signed in, never synced); several per test are fine. */
  startFreshDesk: (options: FreshDeskOptions) => Promise<FreshDesk>;
}

/** Retries within a second or two, so a test that restarts the server sees the desk recover without waiting a minute. */
const E2E_SYNC_TUNING = { backoff: { baseMs: 200, maxMs: 2_000 } } as const;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  desk: [
    async ({}, use, workerInfo) => {
      const dataDir = await mkdtemp(join(tmpdir(), `ayni-e2e-w${workerInfo.workerIndex}-`));
      await writeFile(join(dataDir, 'calendar-overrides.json'), `${JSON.stringify([COMPANY_CLOSURE], null, 2)}\n`, 'utf8');
      const bridge = await startBridge({ port: 0, dataDir });
      await use({ url: bridge.url, origin: `http://127.0.0.1:${bridge.port}`, port: bridge.port, dataDir, token: bridge.token });
      await bridge.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  deskWithServer: [
    async ({}, use, workerInfo) => {
      const root = await mkdtemp(join(tmpdir(), `ayni-e2e-srv-w${workerInfo.workerIndex}-`));
      const serverDataDir = join(root, 'server');
      const dataDir = join(root, 'desk');
      const boot = (port: number) => startServer({ port, dataDir: serverDataDir, demo: true, seed: E2E_DEMO_SEED });
      let server: RunningServer | null = await boot(0);
      const serverPort = server.port;
      const serverUrl = server.url;
      const bridge = await startBridge({ port: 0, dataDir, serverUrl, syncTuning: E2E_SYNC_TUNING });
      await use({
        url: bridge.url,
        origin: `http://127.0.0.1:${bridge.port}`,
        port: bridge.port,
        dataDir,
        token: bridge.token,
        serverUrl,
        serverDataDir,
        async stopServer() {
          const running = server;
          server = null;
          if (running === null) return;
          // Like a server that goes away: the desk's open connections (the poke stream, keep-alive sockets) are cut
          // rather than waited for — a graceful close would wait on a desk that keeps them busy.
          const closing = running.close();
          running.app.server.closeAllConnections();
          await closing;
        },
        async startServer() {
          server ??= await boot(serverPort);
        },
      });
      await bridge.close();
      await server?.close();
      await rm(root, { recursive: true, force: true });
    },
    // Seeding the demo company into PGlite takes a while on a slow machine.
    { scope: 'worker', timeout: 300_000 },
  ],
  startFreshDesk: async ({}, use, testInfo) => {
    const started: Array<{ close(): Promise<void>; root: string }> = [];
    await use(async ({ serverUrl, syncTuning }) => {
      const root = await mkdtemp(join(tmpdir(), `ayni-e2e-fresh-w${testInfo.workerIndex}-`));
      const dataDir = join(root, 'desk');
      const bridge = await startBridge({ port: 0, dataDir, serverUrl, syncTuning: syncTuning ?? E2E_SYNC_TUNING });
      let closing: Promise<void> | null = null;
      const close = (): Promise<void> => (closing ??= bridge.close());
      started.push({ close, root });
      return { url: bridge.url, origin: `http://127.0.0.1:${bridge.port}`, port: bridge.port, dataDir, token: bridge.token, close };
    });
    for (const desk of started) {
      await desk.close();
      await rm(desk.root, { recursive: true, force: true });
    }
  },
  page: async ({ browser, desk }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(desk.url);
    await use(page);
    await context.close();
  },
});

export { expect };

/**
 * DeskApi spoken from Node over the bridge's WebSocket, with the page's own
 * Origin and token — the same wire the renderer uses, without a browser.
 * Records every pushed event so tests can wait on them.
 */
export interface DeskApiClient {
  call<T = unknown>(name: string, input?: unknown): Promise<Result<T>>;
  /** Like call(), but fails the test on `{ok:false}`. */
  value<T = unknown>(name: string, input?: unknown): Promise<T>;
  readonly events: ReadonlyArray<{ readonly event: DeskEventName; readonly payload: unknown }>;
  close(): Promise<void>;
}

export async function connectDeskApi(desk: DeskUnderTest): Promise<DeskApiClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${desk.port}${BRIDGE_PATH}?token=${encodeURIComponent(desk.token)}`, { origin: desk.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const events: Array<{ event: DeskEventName; payload: unknown }> = [];
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: DeskEventName; payload: unknown };
    if (message.type === 'event') events.push({ event: message.event, payload: message.payload });
    else pending.get(message.id)?.(message.result);
  });
  const call = <T>(name: string, input: unknown = {}): Promise<Result<T>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (result) => {
        pending.delete(id);
        resolve(result as Result<T>);
      });
      socket.send(JSON.stringify({ type: 'call', id, name, input }));
    });
  return {
    call,
    async value<T>(name: string, input: unknown = {}) {
      const result = await call<T>(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    events,
    close: () =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close(1000);
      }),
  };
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … y ${v.nodes.length - 5} más` : '';
      return `[${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now; fails listing every serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) console.log(`Accesibilidad: ${serious.length} problema(s) graves en ${page.url()}\n${describeViolations(serious)}`);
  expect(serious, describeViolations(serious)).toEqual([]);
}

/** Full-page screenshot kept at test-results/screens/<name>.png and attached to the report. */
export async function snap(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  const info = base.info();
  const dir = join(info.project.outputDir, 'screens');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${safe}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(safe, { path, contentType: 'image/png' });
  return path;
}
