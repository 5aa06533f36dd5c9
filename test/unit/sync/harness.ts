/** Wiring for engine tests: a real cache in a temp dir, the fake server, manual timers, memory tokens. */
import type { SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import { SyncStatusSchema } from '../../../src-shared/ipc/desk-api.ts';
import type { FaultHook } from '../../../src-main/core/cache/faults.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { SyncEngine, type SyncEngineOptions } from '../../../src-main/core/sync/engine.ts';
import { memoryTokenStore } from '../../../src-main/core/sync/token-store.ts';
import { customer, memoryLogger, mustOpen, plan, planAssignment, tempDir, ticket, user } from '../cache/helpers.ts';
import { FakeServer } from './fake-server.ts';
import { ManualScheduler } from './manual-scheduler.ts';

export interface Harness {
  readonly dir: string;
  readonly server: FakeServer;
  readonly scheduler: ManualScheduler;
  readonly tokens: ReturnType<typeof memoryTokenStore>;
  readonly logger: ReturnType<typeof memoryLogger>;
  cache: CacheStore;
  engine: SyncEngine;
  readonly statuses: SyncStatus[];
  readonly rowEvents: string[][];
  readonly seed: { customerId: string; ticketIds: string[]; techId: string };
  newEngine(options?: Partial<SyncEngineOptions>): SyncEngine;
  close(): Promise<void>;
}

export function createHarness(options: { tickets?: number; faults?: FaultHook; engine?: Partial<SyncEngineOptions> } = {}): Harness {
  const { dir, cleanup } = tempDir();
  const server = new FakeServer();
  const tech = server.addUser('tecnico@demo.ayni.pe', 'ayni-demo', 'technician', user().id);
  server.addUser('despacho@demo.ayni.pe', 'ayni-demo', 'dispatcher');
  const pl = plan({ tier: 'premium' });
  const cu = customer({ name: 'Clínica Santa Rosa' });
  server.commit('plan', pl);
  server.commit('customer', cu);
  server.commit('planAssignment', planAssignment(cu.id, pl.id));
  server.commit('user', user({ id: tech.id, name: tech.name, email: tech.email }));
  const ticketIds: string[] = [];
  for (let i = 0; i < (options.tickets ?? 5); i += 1) {
    const t = ticket(cu.id, { number: 1000 + i, subject: `Caso ${i}` });
    ticketIds.push(t.id);
    server.commit('ticket', t);
  }
  const scheduler = new ManualScheduler();
  const tokens = memoryTokenStore();
  const logger = memoryLogger();
  const statuses: SyncStatus[] = [];
  const rowEvents: string[][] = [];
  const harness: Harness = {
    dir,
    server,
    scheduler,
    tokens,
    logger,
    cache: mustOpen(dir, options.faults === undefined ? {} : { faults: options.faults }),
    engine: undefined as unknown as SyncEngine,
    statuses,
    rowEvents,
    seed: { customerId: cu.id, ticketIds, techId: tech.id },
    newEngine(extra = {}) {
      const engine = new SyncEngine({ cache: harness.cache, serverUrl: server.url, fetch: server.fetch, tokens, scheduler, random: () => 0.5, logger, pollIntervalMs: 60_000,
        // Off unless a test is about pokes: a stream connecting at an arbitrary moment starts cycles tests did not ask for.
        serverEvents: false, ...options.engine, ...extra });
      engine.onStatus((s) => statuses.push(SyncStatusSchema.parse(s)));
      engine.onRowsChanged((e) => rowEvents.push(e.entities));
      return engine;
    },
    async close() {
      await harness.engine.stop();
      harness.cache.close();
      cleanup();
    },
  };
  harness.engine = harness.newEngine();
  return harness;
}

/** Resolves once the engine's status satisfies `predicate` (now or later). */
export function statusWhere(engine: SyncEngine, predicate: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  const current = engine.status();
  if (predicate(current)) return Promise.resolve(current);
  return new Promise((resolve) => {
    const off = engine.onStatus((s) => {
      if (predicate(s)) {
        off();
        resolve(s);
      }
    });
  });
}

/** Resolves on the next rows.changed event that mentions `entity`. */
export function rowsChanged(engine: SyncEngine, entity: string): Promise<void> {
  return new Promise((resolve) => {
    const off = engine.onRowsChanged((e) => {
      if (e.entities.includes(entity)) {
        off();
        resolve();
      }
    });
  });
}
