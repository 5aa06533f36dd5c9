/**
 * The desk process of the fault test: the real desk cache and sync engine
 * in a data directory that survives `kill -9`, driven line by line by the
 * driver (protocol.ts). It performs the deterministic script (script.ts) and
 * reports each edit as `saved` only after the engine's edit call returned
 * saved — i.e. after the SQLite transaction holding the rows and the outbox
 * entry committed.
 *
 *   node test/soak/desk-child.ts --dir D --server URL --email E --password P --run-tag T [--tickets a,b,c]
 *
 * SOAK_PLANT=early-saved plants a bug for the checker to catch: the report
 * is written from the cache's fault hook *before* the commit, and the commit
 * is delayed so a kill lands in between.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { limaDateOf } from '../../src-shared/calendar/index.ts';
import type { Result } from '../../src-shared/result.ts';
import { openCache } from '../../src-main/core/cache/open.ts';
import type { CacheStore, LocalEditSaved } from '../../src-main/core/cache/store.ts';
import { openDeskData, SyncEngine, type TokenStore } from '../../src-main/core/sync/index.ts';
import { createStderrLogger } from '../../src-main/core/log.ts';
import { DESK_PLANTS, type DeskCommand, type DeskPlant, type DeskReport } from './protocol.ts';
import { minutesOf, nextToggleStatus, planEdit, EDITS_PER_TRIAL_MAX, TOGGLE_STATUSES } from './script.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    server: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    'run-tag': { type: 'string' },
    tickets: { type: 'string' },
    'ticket-count': { type: 'string', default: '8' },
  },
  strict: true,
});

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new Error(`desk-child: --${name} is required`);
  return value;
}

const dir = required('dir', values.dir);
const serverUrl = required('server', values.server);
const runTag = required('run-tag', values['run-tag']);
const plantEnv = process.env.SOAK_PLANT;
const plant: DeskPlant | null = plantEnv === undefined || plantEnv === '' ? null : (DESK_PLANTS as readonly string[]).includes(plantEnv) ? (plantEnv as DeskPlant) : null;
if (plantEnv !== undefined && plantEnv !== '' && plant === null) throw new Error(`desk-child: unknown SOAK_PLANT ${plantEnv}`);

/** One line per report, written synchronously: it is in the pipe before the next statement runs, even if a kill follows. */
function report(message: DeskReport): void {
  writeSync(1, `${JSON.stringify(message)}\n`);
}

/** The session token survives a kill in a file beside the cache, as the real desk keeps it in the OS keychain. */
function fileTokenStore(path: string): TokenStore {
  return {
    load: () => Promise.resolve(existsSync(path) ? readFileSync(path, 'utf8') : null),
    save: (token) => {
      writeFileSync(path, token);
      return Promise.resolve();
    },
    clear: () => {
      rmSync(path, { force: true });
      return Promise.resolve();
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const blockFor = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The edit in flight, for the planted early report. */
let inFlight: number | null = null;

function open(): { cache: CacheStore; engine: SyncEngine; close(): Promise<void> } {
  const logger = createStderrLogger('soak-desk');
  const tokens = fileTokenStore(join(dir, 'soak-token'));
  // Short timeouts and retries: the driver's faults should cost seconds, not the production minute.
  const engineOptions = { requestTimeoutMs: 5_000, backoff: { baseMs: 100, maxMs: 1_000 }, pollIntervalMs: 60_000 };
  if (plant === null) {
    const opened = openDeskData({ dir, serverUrl, tokens, logger, engine: engineOptions });
    if (!opened.ok) throw new Error(`openDeskData: ${opened.error.code} ${opened.error.message}`);
    return opened.value;
  }
  const cache = openCache({
    dir,
    logger,
    faults: (point) => {
      if (point !== 'edit.beforeCommit' || inFlight === null) return;
      // PLANTED BUG: promise "saved" before the commit, then linger so a kill can land in between.
      report({ type: 'saved', index: inFlight, mutationId: null, seq: null });
      blockFor(60);
    },
  });
  if (!cache.ok) throw new Error(`openCache: ${cache.error.code} ${cache.error.message}`);
  const engine = new SyncEngine({ cache: cache.value, serverUrl, tokens, fetch: (input, init) => fetch(input, init), logger, ...engineOptions });
  return {
    cache: cache.value,
    engine,
    async close() {
      await engine.stop();
      cache.value.close();
    },
  };
}

const desk = open();
const { cache, engine } = desk;

function currentStatus(ticketId: string): string {
  const row = cache.db.prepare('SELECT status FROM tickets WHERE id = ?').get(ticketId) as { status: string } | undefined;
  if (row === undefined) throw new Error(`desk-child: ticket ${ticketId} is not in the cache`);
  return row.status;
}

function performEdit(index: number, tickets: readonly string[]): Result<LocalEditSaved> {
  const plan = planEdit(runTag, index, tickets);
  switch (plan.kind) {
    case 'note':
      return engine.edit('ticket.addNote', { id: plan.rowId, ticketId: plan.ticketId, kind: 'note', body: plan.marker });
    case 'time':
      return engine.edit('time.log', { id: plan.rowId, ticketId: plan.ticketId, kind: 'remote', minutes: minutesOf(index), workDate: limaDateOf(new Date()), billable: true, note: plan.marker });
    case 'status':
      // From what the desk shows now (pending edits included), so every change is a valid transition.
      return engine.edit('ticket.setStatus', { id: plan.ticketId, status: nextToggleStatus(currentStatus(plan.ticketId)), comment: plan.marker });
  }
}

async function syncUntilIdle(): Promise<number> {
  let cycles = 0;
  for (;;) {
    cycles += 1;
    const result = await engine.syncNow();
    if (result.ok && engine.status().pendingEdits === 0) return cycles;
    await sleep(50);
  }
}

async function run(command: Extract<DeskCommand, { cmd: 'run' }>, tickets: readonly string[]): Promise<void> {
  if (command.count > EDITS_PER_TRIAL_MAX) throw new Error('desk-child: too many edits for one trial');
  for (let j = 0; j < command.count; j++) {
    const index = command.trial * EDITS_PER_TRIAL_MAX + j;
    report({ type: 'begin', index });
    inFlight = index;
    const result = performEdit(index, tickets);
    inFlight = null;
    if (!result.ok) report({ type: 'refused', index, code: result.error.code, message: result.error.message });
    else if (plant === null) report({ type: 'saved', index, mutationId: result.value.mutationId, seq: result.value.seq });
    const gap = command.gapsMs[j] ?? 0;
    if (gap > 0) await sleep(gap);
  }
  report({ type: 'ran', trial: command.trial });
}

function drainedReport(cycles: number): DeskReport {
  const client = cache.db.prepare('SELECT client_id, next_seq, acked_seq FROM client_state WHERE id = 1').get() as { client_id: string; next_seq: number; acked_seq: number };
  return {
    type: 'drained',
    clientId: client.client_id,
    nextSeq: client.next_seq,
    ackedSeq: client.acked_seq,
    pending: engine.status().pendingEdits,
    needsAttention: cache.needsAttention().map((item) => {
      const args = item.args as { body?: unknown; note?: unknown; comment?: unknown };
      const marker = [args.body, args.note, args.comment].find((v): v is string => typeof v === 'string') ?? null;
      return { seq: item.seq, mutationId: item.mutationId, name: item.name, code: item.code, marker };
    }),
    cycles,
  };
}

async function main(): Promise<void> {
  await engine.start();
  const started = performance.now();
  if (engine.status().state === 'signedOut') {
    const login = await engine.login(required('email', values.email), required('password', values.password));
    if (!login.ok) throw new Error(`login: ${login.error.code} ${login.error.message}`);
  }
  await syncUntilIdle();
  const initialSyncMs = performance.now() - started;
  let tickets: readonly string[];
  if (values.tickets !== undefined && values.tickets !== '') {
    tickets = values.tickets.split(',');
  } else {
    const placeholders = TOGGLE_STATUSES.map(() => '?').join(', ');
    tickets = (cache.db.prepare(`SELECT id FROM tickets WHERE status IN (${placeholders}) ORDER BY id LIMIT ?`).all(...TOGGLE_STATUSES, Number(values['ticket-count'])) as { id: string }[]).map((r) => r.id);
    if (tickets.length === 0) throw new Error('desk-child: the cache has no ticket in a status the script toggles');
  }
  report({ type: 'ready', clientId: cache.syncInfo().clientId, tickets, recovered: cache.recovery !== null, initialSyncMs });

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const command = JSON.parse(line) as DeskCommand;
    switch (command.cmd) {
      case 'run':
        await run(command, tickets);
        break;
      case 'drain':
        report(drainedReport(await syncUntilIdle()));
        break;
      case 'exit':
        await desk.close();
        process.exit(0);
    }
  }
  // The driver went away: close cleanly.
  await desk.close();
}

main().catch((error: unknown) => {
  report({ type: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(2);
});
