/**
 * Server benchmarks on the scaled demo company (~100k tickets, ~270k visits
 * at the default scale 100), through the real HTTP API:
 *   server.seed.*       seeding time and rows/s
 *   server.pull.*       a desk's full initial pull, rows/s
 *   server.push.*       mutations/s for a realistic mix, 500 per request
 *   server.pull.incremental_ms  pulling what those pushes changed
 * on PGlite and, when PostgreSQL binaries are installed, on PostgreSQL.
 *
 * Environment: AYNI_BENCH_SCALE (default 100), AYNI_BENCH_DB (pglite,postgres),
 * AYNI_BENCH_PUSH_SECONDS (default 20), AYNI_BENCH_PULL_LIMIT (default 5000),
 * AYNI_BENCH_PULL_TIMEOUT_S (default 1200).
 */
import { openDatabase, type Db } from '../src-server/db/open.ts';
import { seedDemoCompany } from '../src-server/demo/seed.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src-server/demo/staff.ts';
import { startServer } from '../src-server/server.ts';
import { pgClusterSkipReason, startPgCluster, type PgCluster } from '../test/support/pg-cluster.ts';
import { login, pullPage, push, type ApiClient } from './support/client.ts';
import { PushWorkload } from './support/push-workload.ts';
import { envNumber, note, percentile, report } from './support/report.ts';

const SCALE = envNumber('AYNI_BENCH_SCALE', 100);
const PUSH_SECONDS = envNumber('AYNI_BENCH_PUSH_SECONDS', 20);
const PULL_LIMIT = envNumber('AYNI_BENCH_PULL_LIMIT', 5_000);
const PULL_TIMEOUT_MS = envNumber('AYNI_BENCH_PULL_TIMEOUT_S', 1_200) * 1_000;
const PUSH_BATCH = 500;
const DATABASES = (process.env.AYNI_BENCH_DB ?? 'pglite,postgres').split(',').map((s) => s.trim()).filter((s) => s !== '');

type Kind = 'pglite' | 'postgres';

async function seed(db: Db, kind: Kind, today: Date): Promise<void> {
  note(`[${kind}] seeding the demo company at scale ${SCALE}…`);
  const started = performance.now();
  let lastNote = started;
  const result = await seedDemoCompany(db, {
    scale: SCALE,
    today,
    onProgress: (p) => {
      if (performance.now() - lastNote > 15_000) {
        lastNote = performance.now();
        note(`[${kind}]   ${p.phase}: ${p.rows} rows, ${Math.round((lastNote - started) / 1_000)} s`);
      }
    },
  });
  const ms = performance.now() - started;
  const context = { db: kind, scale: SCALE, rows: result.rows, tickets: result.counts.tickets, visits: result.counts.visits, ticketEvents: result.counts.ticketEvents };
  report('server.seed.ms', ms, 'ms', context);
  report('server.seed.rows_per_s', (result.rows / ms) * 1_000, 'rows/s', context);
}

interface PullOutcome {
  readonly rows: number;
  readonly cursor: string | undefined;
}

async function fullPull(client: ApiClient, kind: Kind, expected: number): Promise<PullOutcome> {
  note(`[${kind}] initial pull of ${expected} changes, ${PULL_LIMIT} per page…`);
  const clientId = `bench-pull-${kind}`;
  const started = performance.now();
  const pageMs: number[] = [];
  let cursor: string | undefined;
  let rows = 0;
  let bytes = 0;
  let complete = false;
  while (performance.now() - started < PULL_TIMEOUT_MS) {
    const t = performance.now();
    const { page, bytes: size } = await pullPage(client, clientId, cursor, PULL_LIMIT);
    pageMs.push(performance.now() - t);
    rows += page.changes.length;
    bytes += size;
    cursor = page.cursor;
    if (!page.hasMore) {
      complete = true;
      break;
    }
  }
  const ms = performance.now() - started;
  const context = { db: kind, scale: SCALE, rows, expected, pages: pageMs.length, limit: PULL_LIMIT, mb: Math.round(bytes / 1e5) / 10, complete };
  report('server.pull.rows_per_s', (rows / ms) * 1_000, 'rows/s', context);
  report('server.pull.ms', ms, 'ms', context);
  report('server.pull.page_p95_ms', percentile(pageMs, 95), 'ms', { db: kind, limit: PULL_LIMIT });
  if (!complete) note(`[${kind}] pull stopped after ${Math.round(ms / 1_000)} s (AYNI_BENCH_PULL_TIMEOUT_S)`);
  return { rows, cursor };
}

async function pushes(db: Db, client: ApiClient, kind: Kind, today: Date): Promise<void> {
  const technician = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_LOGINS.technician]);
  const open = await db.query<{ id: string }>("SELECT id FROM tickets WHERE status NOT IN ('closed', 'cancelled') LIMIT 5000");
  const customers = await db.query<{ id: string; email: string }>("SELECT id, emails->>0 AS email FROM customers WHERE active AND jsonb_array_length(emails) > 0 LIMIT 2000");
  const workload = new PushWorkload({ openTicketIds: open.map((r) => r.id), customers, technicianId: technician[0]?.id ?? '', now: today });
  note(`[${kind}] pushing for ${PUSH_SECONDS} s, ${PUSH_BATCH} mutations per request…`);
  const clientId = `bench-push-${kind}`;
  const requestMs: number[] = [];
  const rejected = new Map<string, number>();
  let applied = 0;
  let total = 0;
  const started = performance.now();
  while (requestMs.length < 2 || performance.now() - started < PUSH_SECONDS * 1_000) {
    const mutations = workload.batch(PUSH_BATCH);
    const t = performance.now();
    const answer = await push(client, { clientId, schemaVersion: 1, mutations });
    requestMs.push(performance.now() - t);
    total += mutations.length;
    for (const r of answer.results) {
      if (r.status === 'applied') applied++;
      else rejected.set(r.code ?? 'UNKNOWN', (rejected.get(r.code ?? 'UNKNOWN') ?? 0) + 1);
    }
    if (answer.lastSeq !== mutations[mutations.length - 1]?.seq) throw new Error(`push: server stopped at seq ${answer.lastSeq}`);
  }
  const ms = performance.now() - started;
  const context = { db: kind, scale: SCALE, mutations: total, applied, rejected: total - applied, batch: PUSH_BATCH };
  report('server.push.mutations_per_s', (total / ms) * 1_000, 'mutations/s', context);
  report('server.push.request_p50_ms', percentile(requestMs, 50), 'ms', { db: kind, batch: PUSH_BATCH });
  report('server.push.request_p95_ms', percentile(requestMs, 95), 'ms', { db: kind, batch: PUSH_BATCH });
  if (rejected.size > 0) note(`[${kind}] rejected: ${JSON.stringify(Object.fromEntries(rejected))}`);
}

async function incrementalPull(client: ApiClient, kind: Kind, cursor: string | undefined): Promise<void> {
  const started = performance.now();
  let rows = 0;
  for (let more = true; more; ) {
    const { page } = await pullPage(client, `bench-pull-${kind}`, cursor, PULL_LIMIT);
    rows += page.changes.length;
    cursor = page.cursor;
    more = page.hasMore;
  }
  report('server.pull.incremental_ms', performance.now() - started, 'ms', { db: kind, rows });
}

async function runOn(kind: Kind): Promise<void> {
  let cluster: PgCluster | undefined;
  let db: Db;
  if (kind === 'postgres') {
    cluster = await startPgCluster();
    db = await openDatabase({ databaseUrl: cluster.url });
  } else {
    db = await openDatabase();
  }
  try {
    const today = new Date();
    await seed(db, kind, today);
    const server = await startServer({ db, port: 0 });
    try {
      const client = await login(server.url, DEMO_LOGINS.technician, DEMO_PASSWORD);
      const expected = (await db.query<{ n: number }>('SELECT count(*) AS n FROM change_log'))[0]?.n ?? 0;
      const { cursor } = await fullPull(client, kind, expected);
      await pushes(db, client, kind, today);
      await incrementalPull(client, kind, cursor);
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
    await cluster?.stop();
  }
}

for (const kind of DATABASES) {
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`AYNI_BENCH_DB: unknown database "${kind}" (pglite, postgres)`);
  if (kind === 'postgres') {
    const skip = pgClusterSkipReason();
    if (skip !== null) {
      note(`[postgres] skipped: ${skip}`);
      continue;
    }
  }
  await runOn(kind);
}
