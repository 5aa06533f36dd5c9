/**
 * Seeds the demo company into an empty server database, through the
 * server's own insert helpers: every row also lands in the change log, so a
 * desk that signs in pulls the company like any other data. Rows go in
 * large batched transactions while the generator streams, so even the
 * benchmark-size company (~100k tickets) never sits in memory whole.
 * Monthly balances are derived at the end with the server's own function.
 */
import { hashPassword } from '../auth/password.ts';
import { recomputeAllBalances } from '../balances/recompute.ts';
import type { Db, Tx } from '../db/types.ts';
import { insertCustomers, insertPlanAssignments, insertPlans, insertUsers, upsertCalendarDays, type StoredUser } from '../entities/index.ts';
import { bulkInsert } from './bulk.ts';
import { limaMonth } from './clock.ts';
import { streamDemoCompany, type DemoBatch, type DemoStats } from './generate.ts';

/** The seed of the company everyone sees with `npm start`; tests and benchmarks may pick another. */
export const DEFAULT_DEMO_SEED = 20_260_323;

/** Rows per transaction: big enough to amortise commits, small enough to keep each one short. */
const ROWS_PER_TRANSACTION = 25_000;

/** Advisory lock taken while checking emptiness, so two seeds racing on one PostgreSQL cannot both pass. */
const SEED_LOCK = [7, 20_260_323] as const;

export interface SeedDemoOptions {
  readonly seed?: number;
  readonly scale?: number;
  /** The demo's "now": the history ends here. Default: the real clock. */
  readonly today?: Date;
  /** Alias of `today`, as the server's startServer passes it. */
  readonly now?: Date;
  /** Called after each committed transaction, e.g. to print progress. */
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  readonly phase: 'reference' | 'tickets' | 'balances';
  /** Rows written so far (all entities, without the change log). */
  readonly rows: number;
}

export interface SeedResult {
  readonly counts: Readonly<Record<keyof DemoBatch | 'balances', number>>;
  readonly rows: number;
  readonly stats: DemoStats;
}

/** The database already holds data: the demo never mixes with real records. */
export class DemoSeedRefusedError extends Error {
  readonly code = 'DATABASE_NOT_EMPTY';
  constructor(message: string) {
    super(message);
    this.name = 'DemoSeedRefusedError';
  }
}

async function refuseIfNotEmpty(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [...SEED_LOCK]);
  const rows = await tx.query<{ users: number; customers: number; plans: number; tickets: number }>(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM customers) AS customers,
            (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM tickets) AS tickets`,
  );
  const row = rows[0];
  const total = (row?.users ?? 0) + (row?.customers ?? 0) + (row?.plans ?? 0) + (row?.tickets ?? 0);
  if (total > 0) {
    throw new DemoSeedRefusedError(
      `La base de datos ya tiene datos (${row?.users ?? 0} usuarios, ${row?.customers ?? 0} clientes, ${row?.plans ?? 0} planes, ${row?.tickets ?? 0} tickets): ` +
        'la empresa de demostración solo se siembra en una base vacía. Use otro directorio de datos o una base nueva.',
    );
  }
}

const TICKET_KEYS = ['tickets', 'ticketEvents', 'visits', 'timeEntries', 'purchases'] as const;

function emptyBatch(): DemoBatch {
  return { plans: [], customers: [], planAssignments: [], users: [], tickets: [], ticketEvents: [], visits: [], timeEntries: [], purchases: [], calendarDays: [] };
}

function emptyCounts(): Record<keyof DemoBatch | 'balances', number> {
  return { plans: 0, customers: 0, planAssignments: 0, users: 0, tickets: 0, ticketEvents: 0, visits: 0, timeEntries: 0, purchases: 0, calendarDays: 0, balances: 0 };
}

/** Ticket-side rows of several generator batches, written together in one transaction (parents first). */
async function writeTicketRows(tx: Tx, rows: DemoBatch): Promise<void> {
  // Unvalidated on purpose: the generator's output is schema-tested (test/server/demo-*.test.ts).
  await bulkInsert(tx, 'ticket', rows.tickets);
  await bulkInsert(tx, 'ticketEvent', rows.ticketEvents);
  await bulkInsert(tx, 'visit', rows.visits);
  await bulkInsert(tx, 'timeEntry', rows.timeEntries);
  await bulkInsert(tx, 'purchase', rows.purchases);
}

function rowCount(batch: DemoBatch): number {
  let n = 0;
  for (const list of Object.values(batch)) n += list.length;
  return n;
}

/**
 * Generates the demo company and writes it. Throws DemoSeedRefusedError when
 * the database already has users, customers, plans or tickets (the national
 * holidays the server publishes at start do not count).
 */
export async function seedDemoCompany(db: Db, options: SeedDemoOptions = {}): Promise<SeedResult> {
  const today = options.today ?? options.now ?? new Date();
  const stats: DemoStats = { unplacedVisits: 0 };
  const stream = streamDemoCompany({ seed: options.seed ?? DEFAULT_DEMO_SEED, today, scale: options.scale ?? 1 }, stats);
  const counts = emptyCounts();
  let rows = 0;

  const first = stream.next();
  if (first.done === true) throw new Error('demo seed: the generator produced nothing');
  const reference = first.value;
  // scrypt is slow on purpose: hash the four demo logins before taking any lock.
  const users: StoredUser[] = await Promise.all(
    reference.users.map(async ({ password, ...user }) => ({ ...user, passwordHash: password === null ? null : await hashPassword(password) })),
  );
  await db.transaction(async (tx) => {
    await refuseIfNotEmpty(tx);
    await insertPlans(tx, reference.plans);
    await insertUsers(tx, users);
    await insertCustomers(tx, reference.customers);
    await insertPlanAssignments(tx, reference.planAssignments);
    await upsertCalendarDays(tx, reference.calendarDays);
  });
  for (const key of ['plans', 'users', 'customers', 'planAssignments', 'calendarDays'] as const) counts[key] += reference[key].length;
  rows += rowCount(reference);
  options.onProgress?.({ phase: 'reference', rows });

  // One transaction in flight while the next rows are generated: on PostgreSQL the server works
  // in its own process meanwhile (on PGlite it changes nothing: same thread).
  let pending = emptyBatch();
  let pendingRows = 0;
  let inflight: Promise<void> | null = null;
  let failure: unknown = null;
  const settle = async (): Promise<void> => {
    if (inflight !== null) await inflight;
    inflight = null;
    if (failure !== null) throw failure;
  };
  const flush = async (): Promise<void> => {
    await settle();
    if (pendingRows === 0) return;
    const batch = pending;
    const batchRows = pendingRows;
    pending = emptyBatch();
    pendingRows = 0;
    inflight = db.transaction((tx) => writeTicketRows(tx, batch)).then(
      () => {
        for (const key of TICKET_KEYS) counts[key] += batch[key].length;
        rows += batchRows;
        options.onProgress?.({ phase: 'tickets', rows });
      },
      (error: unknown) => {
        failure = error;
      },
    );
  };
  for (let next = stream.next(); next.done !== true; next = stream.next()) {
    const batch = next.value;
    for (const key of TICKET_KEYS) {
      const target = pending[key] as unknown[];
      for (const item of batch[key]) target.push(item);
    }
    pendingRows += rowCount(batch);
    if (pendingRows >= ROWS_PER_TRANSACTION) await flush();
    // Let the in-flight transaction's replies in between generator batches.
    else if (inflight !== null) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await flush();
  await settle();

  counts.balances = await db.transaction((tx) => recomputeAllBalances(tx, limaMonth(today.getTime())));
  rows += counts.balances;
  options.onProgress?.({ phase: 'balances', rows });
  return { counts, rows, stats };
}
