/**
 * Desk cache reads at scale: 200k tickets in the cache (the demo company's
 * tickets, replicated to size), then
 *   queue.page.p95_ms  — queue pages over every view, sort and filter, first
 *                        page and keyset continuations (target ≤ 2 ms);
 *   search.p95_ms      — full-text search pages (target ≤ 20 ms).
 * Each figure is one CacheStore.queries.queuePage call as the desk core makes
 * it: input validation, the page query and the total count, row mapping.
 *
 * Environment: AYNI_BENCH_TICKETS (default 200000), AYNI_BENCH_ROUNDS (default 5).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ticket } from '../src-shared/protocol/entities.ts';
import type { Change } from '../src-shared/protocol/sync.ts';
import { openCache } from '../src-main/core/cache/open.ts';
import type { CacheStore } from '../src-main/core/cache/store.ts';
import type { QueuePageInput } from '../src-main/core/cache/queries/index.ts';
import { streamDemoCompany } from '../src-server/demo/generate.ts';
import { envNumber, note, percentile, report } from './support/report.ts';

const TICKETS = envNumber('AYNI_BENCH_TICKETS', 200_000);
const ROUNDS = envNumber('AYNI_BENCH_ROUNDS', 5);
/** Demo tickets generated before replication (the generator makes ~1,000 per unit of scale). */
const BASE_SCALE = Math.max(1, Math.min(20, Math.round(TICKETS / 10_000)));
const PAGE = 5_000;

function uuidFrom(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const silent = { warn: (m: string) => note(`[cache] ${m}`), error: (m: string, c?: unknown) => note(`[cache] ${m} ${String(c)}`) };

interface Fixture {
  readonly cache: CacheStore;
  readonly dir: string;
  readonly tickets: number;
  readonly me: string;
  readonly customerIds: readonly string[];
  readonly technicianIds: readonly string[];
  readonly words: readonly string[];
}

/** Fills an empty cache through its real pull path (pages of 5,000, bulk load, indexes built at the end). */
function buildFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'ayni-bench-queries-'));
  const opened = openCache({ dir, logger: silent });
  if (!opened.ok) throw new Error(`openCache: ${opened.error.message}`);
  const cache = opened.value;
  note(`generating the demo company at scale ${BASE_SCALE} and replicating its tickets to ${TICKETS}…`);
  const started = performance.now();
  const reference: Change[] = [];
  const base: Ticket[] = [];
  let technicians: string[] = [];
  let customerIds: string[] = [];
  for (const batch of streamDemoCompany({ seed: 7, today: new Date(), scale: BASE_SCALE })) {
    for (const p of batch.plans) reference.push({ entity: 'plan', op: 'upsert', id: p.id, rev: '1', data: p });
    for (const c of batch.customers) reference.push({ entity: 'customer', op: 'upsert', id: c.id, rev: '1', data: c });
    for (const a of batch.planAssignments) reference.push({ entity: 'planAssignment', op: 'upsert', id: a.id, rev: '1', data: a });
    for (const u of batch.users) {
      const { password: _password, ...wire } = u as typeof u & { password?: unknown };
      reference.push({ entity: 'user', op: 'upsert', id: u.id, rev: '1', data: wire });
    }
    technicians = technicians.concat(batch.users.filter((u) => u.role === 'technician').map((u) => u.id));
    customerIds = customerIds.concat(batch.customers.map((c) => c.id));
    for (const t of batch.tickets) base.push(t);
  }
  const changes: Change[] = [...reference];
  for (let copy = 0; changes.length - reference.length < TICKETS; copy++) {
    for (const t of base) {
      if (changes.length - reference.length >= TICKETS) break;
      const id = copy === 0 ? t.id : uuidFrom(`${t.id}/${copy}`);
      const number = t.number === null ? null : t.number + copy * 1_000_000;
      changes.push({ entity: 'ticket', op: 'upsert', id, rev: '1', data: { ...t, id, number } });
    }
  }
  note(`  ${changes.length} rows generated in ${((performance.now() - started) / 1000).toFixed(1)} s; loading the cache…`);
  const loadStarted = performance.now();
  for (let i = 0; i < changes.length; i += PAGE) {
    const slice = changes.slice(i, i + PAGE);
    const hasMore = i + PAGE < changes.length;
    const applied = cache.applyPulledPage({ cursor: `c${i}`, hasMore, lastSeq: 0, changes: slice }, PAGE);
    if (!applied.ok) throw new Error(`applyPulledPage: ${applied.error.code} ${applied.error.message}`);
  }
  note(`  loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
  const meRow = cache.db.prepare('SELECT assignee_id AS id, count(*) AS n FROM tickets WHERE assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY n DESC LIMIT 1').get() as { id: string };
  const me = meRow.id;
  const started2 = cache.beginSession('http://127.0.0.1:1', { id: me, name: 'Técnica de prueba', email: 'bench@demo.ayni.pe', role: 'technician' });
  if (!started2.ok) throw new Error(started2.error.message);
  // Search words as people type them: whole words and prefixes from real subjects.
  const subjects = cache.db.prepare('SELECT subject FROM tickets ORDER BY row_id LIMIT 2000').all() as { subject: string }[];
  const words = [...new Set(subjects.flatMap((s) => s.subject.toLowerCase().match(/\p{L}{4,}/gu) ?? []))].sort();
  const tickets = (cache.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  return { cache, dir, tickets, me, customerIds, technicianIds: technicians, words };
}

/** Every view × sort, and the filters a queue screen offers. */
function queueInputs(f: Fixture): QueuePageInput[] {
  const inputs: QueuePageInput[] = [];
  const views = ['mine', 'unassigned', 'onsite_pending', 'waiting_customer', 'all'] as const;
  const sorts = [
    { key: 'priority', dir: 'asc' },
    { key: 'createdAt', dir: 'desc' },
    { key: 'number', dir: 'desc' },
    { key: 'updatedAt', dir: 'desc' },
  ] as const;
  for (const view of views) for (const sort of sorts) inputs.push({ view, sort });
  const filters: NonNullable<QueuePageInput['filters']>[] = [
    { urgency: ['critical', 'high'] },
    { type: ['incidencia'] },
    { type: ['requerimiento'], urgency: ['low'] },
    { channel: ['email'] },
    { tier: ['premium'] },
    { status: ['in_progress', 'new'] },
    { customerId: f.customerIds.slice(0, 1) },
    { customerId: f.customerIds.slice(1, 6) },
    { technicianId: f.technicianIds.slice(0, 1) },
  ];
  for (const filter of filters) {
    inputs.push({ view: 'all', filters: filter, sort: { key: 'priority', dir: 'asc' } });
    inputs.push({ view: 'all', filters: filter, sort: { key: 'createdAt', dir: 'desc' } });
    inputs.push({ view: 'mine', filters: filter, sort: { key: 'updatedAt', dir: 'desc' } });
  }
  return inputs;
}

function searchInputs(f: Fixture): QueuePageInput[] {
  const pick = (i: number) => f.words[(i * 7919) % f.words.length] ?? 'error';
  const texts: string[] = [];
  for (let i = 0; i < 30; i++) texts.push(pick(i));
  for (let i = 0; i < 20; i++) texts.push(pick(i + 100).slice(0, 4));
  for (let i = 0; i < 20; i++) texts.push(`${pick(i + 200)} ${pick(i + 300)}`);
  texts.push('error', 'impresora', 'correo', 'vpn', 'no imprime', 'contraseña', 'lenta', 'servidor caído', 'zzzz-nada');
  return texts.flatMap((search) => [
    { view: 'all', search, sort: { key: 'priority', dir: 'asc' } } as const,
    { view: 'mine', search, sort: { key: 'updatedAt', dir: 'desc' } } as const,
  ]);
}

/** Times the first page and up to `pages - 1` keyset continuations of each input. */
function timePages(cache: CacheStore, inputs: readonly QueuePageInput[], pages: number): { times: number[]; rows: number } {
  const times: number[] = [];
  let rows = 0;
  for (const input of inputs) {
    let after: string | undefined;
    for (let p = 0; p < pages; p++) {
      const t = performance.now();
      const result = cache.queries.queuePage(after === undefined ? input : { ...input, after });
      times.push(performance.now() - t);
      if (!result.ok) throw new Error(`queuePage ${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`);
      rows += result.value.rows.length;
      if (result.value.nextCursor === null) break;
      after = result.value.nextCursor;
    }
  }
  return { times, rows };
}

const fixture = buildFixture();
try {
  const queue = queueInputs(fixture);
  const search = searchInputs(fixture);
  timePages(fixture.cache, queue, 2); // Warm the statement cache and SQLite's page cache.
  timePages(fixture.cache, search, 1);
  const queueTimes: number[] = [];
  const searchTimes: number[] = [];
  let queueRows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const q = timePages(fixture.cache, queue, 5);
    queueTimes.push(...q.times);
    queueRows += q.rows;
    searchTimes.push(...timePages(fixture.cache, search, 2).times);
  }
  const context = { tickets: fixture.tickets, limit: 50 };
  const q95 = percentile(queueTimes, 95);
  const s95 = percentile(searchTimes, 95);
  report('queue.page.p95_ms', q95, 'ms', { ...context, target: 2, met: q95 <= 2, calls: queueTimes.length, rows: queueRows, p50: round2(percentile(queueTimes, 50)), p99: round2(percentile(queueTimes, 99)), max: round2(Math.max(...queueTimes)) });
  report('search.p95_ms', s95, 'ms', { ...context, target: 20, met: s95 <= 20, calls: searchTimes.length, p50: round2(percentile(searchTimes, 50)), p99: round2(percentile(searchTimes, 99)), max: round2(Math.max(...searchTimes)) });
  note(`queue.page p95 ${q95.toFixed(2)} ms (target ≤ 2 ms) ${q95 <= 2 ? 'MET' : 'MISSED'}; search p95 ${s95.toFixed(2)} ms (target ≤ 20 ms) ${s95 <= 20 ? 'MET' : 'MISSED'}`);
  slowest(fixture.cache, queue, search);
} finally {
  fixture.cache.close();
  rmSync(fixture.dir, { recursive: true, force: true });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The slowest inputs, for whoever tunes the queries (stderr only). */
function slowest(cache: CacheStore, queue: readonly QueuePageInput[], search: readonly QueuePageInput[]): void {
  for (const [kind, inputs] of [['queue', queue], ['search', search]] as const) {
    const timed = inputs.map((input) => {
      const t = performance.now();
      for (let i = 0; i < 3; i++) cache.queries.queuePage(input);
      return { input, ms: (performance.now() - t) / 3 };
    });
    timed.sort((a, b) => b.ms - a.ms);
    for (const { input, ms } of timed.slice(0, 8)) note(`  slow ${kind}: ${ms.toFixed(2)} ms ${JSON.stringify(input)}`);
  }
}
