import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import type { DeskEventName } from '../../../src-shared/ipc/names.ts';
import { MAX_RESTARTS_PER_WINDOW, startDeskCoreWorker, type DeskCoreHandle } from '../../../src-main/core/worker-host.ts';
import { tempDataDir } from './core-test-helpers.ts';

const REAL_WORKER = new URL('../../../src-main/core/worker.ts', import.meta.url);
const CRASHING_WORKER = new URL('./core-crashing-worker.ts', import.meta.url);

let data: Awaited<ReturnType<typeof tempDataDir>>;
let host: DeskCoreHandle | null = null;
let events: Array<{ event: DeskEventName; payload: unknown }>;

function start(workerPath: URL): DeskCoreHandle {
  host = startDeskCoreWorker({ workerPath, dataDir: data.dir, mode: 'web', appVersion: '1.2.3-test' });
  host.onEvent((event, payload) => events.push({ event, payload }));
  return host;
}

function syncStatuses(): SyncStatus[] {
  return events.filter((e) => e.event === 'sync.status').map((e) => e.payload as SyncStatus);
}

beforeEach(async () => {
  data = await tempDataDir();
  events = [];
});

afterEach(async () => {
  await host?.close();
  host = null;
  await data.remove();
});

describe('desk core worker host', () => {
  it('runs the TypeScript worker entry directly and round-trips calls', async () => {
    const core = start(REAL_WORKER);
    expect(await core.call('app.info', {})).toEqual({ ok: true, value: { version: '1.2.3-test', mode: 'web', platform: process.platform } });
    const invalid = await core.call('calendar.month', { year: 2026 });
    expect(invalid.ok === false && invalid.error.code).toBe('VALIDATION');
  });

  it('answers concurrent calls each with its own result', async () => {
    const core = start(REAL_WORKER);
    const months = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => core.call('calendar.month', { year: 2026, month })));
    expect(months.map((r) => r.ok && (r.value as { month: number }).month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('forwards the core events to subscribers, and stops after unsubscribe', async () => {
    const core = start(REAL_WORKER);
    const seen: unknown[] = [];
    const stop = core.onEvent((event, payload) => seen.push([event, payload]));
    await core.call('settings.update', { locale: 'en' });
    await vi.waitFor(() => expect(seen).toEqual([['settings.changed', { locale: 'en' }]]));
    stop();
    await core.call('settings.update', { locale: 'es-PE' });
    await vi.waitFor(() => expect(events.filter((e) => e.event === 'settings.changed')).toHaveLength(2));
    expect(seen).toHaveLength(1);
  });

  it('resolves calls in flight to CORE_UNAVAILABLE when the worker dies, then restarts it', async () => {
    const core = start(CRASHING_WORKER);
    expect((await core.call('app.info', {})).ok).toBe(true);

    const crashed = await core.call('app.info', { crashWorker: true });
    expect(crashed.ok === false && crashed.error.code).toBe('CORE_UNAVAILABLE');
    await vi.waitFor(() => expect(syncStatuses()[0]).toMatchObject({ state: 'error' }));
    expect(syncStatuses()[0]?.message).toMatch(/reinici/);

    // Recovery is announced with the core's real status, which clears the error in the UI.
    await vi.waitFor(() => expect(syncStatuses().at(-1)).toMatchObject({ state: 'signedOut', pendingEdits: 0, lastSyncAt: null }), { timeout: 10_000 });
    expect(await core.call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('keeps data written before a crash', async () => {
    const core = start(CRASHING_WORKER);
    await core.call('settings.update', { locale: 'en' });
    await core.call('app.info', { crashWorker: true });
    await vi.waitFor(() => expect(syncStatuses().at(-1)?.state).toBe('signedOut'), { timeout: 10_000 });
    expect(await core.call('settings.get', {})).toEqual({ ok: true, value: { locale: 'en' } });
  });

  it('gives up after repeated crashes and says so, instead of restarting forever', async () => {
    const core = start(CRASHING_WORKER);
    expect((await core.call('app.info', {})).ok).toBe(true);
    await writeFile(join(data.dir, 'crash-on-start'), '', 'utf8');
    await core.call('app.info', { crashWorker: true });

    await vi.waitFor(() => expect(syncStatuses().at(-1)?.message).toMatch(/no se reiniciará/), { timeout: 20_000, interval: 100 });
    const errors = syncStatuses().filter((s) => s.state === 'error');
    expect(errors).toHaveLength(MAX_RESTARTS_PER_WINDOW + 1);
    const after = await core.call('app.info', {});
    expect(after.ok === false && after.error.code).toBe('CORE_UNAVAILABLE');
  });

  it('refuses calls after close', async () => {
    const core = start(REAL_WORKER);
    await core.close();
    const result = await core.call('app.info', {});
    expect(result.ok === false && result.error.code).toBe('CORE_UNAVAILABLE');
  });
});
