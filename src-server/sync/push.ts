/**
 * POST /api/v1/sync/push — client mutations, applied exactly once.
 *
 * Each client numbers its mutations 1, 2, 3, …. Every mutation runs in its
 * own transaction that (1) locks the client's row, (2) checks the seq is the
 * next one, (3) applies the mutation inside a savepoint, (4) records the
 * result and the new lastSeq. So lastSeq moves exactly when the effects
 * commit; a retried push gets the recorded results back; two pushes from one
 * client cannot interleave; a rejected mutation is recorded and the queue
 * moves on; a gap (seq > lastSeq + 1) stops processing.
 */
import { mutationArgs, MUTATION_NAMES, type Mutation, type MutationName, type PushResponse } from '../../src-shared/protocol/sync.ts';
import { defaultTravelEstimator } from '../../src-shared/travel/index.ts';
import { can, MINIMUM_ROLE, type Action } from '../auth/permissions.ts';
import type { Actor } from '../auth/sessions.ts';
import { loadCompanyCalendar } from '../calendar/company-calendar.ts';
import type { Db, Tx } from '../db/types.ts';
import { sqlState } from '../db/types.ts';
import { describeIssues, findUnstorableText, storableText, UNSTORABLE_TEXT_MESSAGE } from '../http/validate.ts';
import { MUTATION_HANDLERS } from '../mutations/index.ts';
import { Rejection, type MutationEnv } from '../mutations/types.ts';
import type { BusinessCalendar } from '../../src-shared/calendar/index.ts';

type PushResult = PushResponse['results'][number];

export interface PushInput {
  readonly clientId: string;
  readonly mutations: readonly Mutation[];
}

function isMutationName(name: string): name is MutationName {
  return (MUTATION_NAMES as readonly string[]).includes(name);
}

/** Applies one mutation's effects or throws Rejection. */
async function apply(tx: Tx, actor: Actor, mutation: Mutation, now: Date): Promise<void> {
  if (!isMutationName(mutation.name)) {
    throw new Rejection('UNKNOWN_MUTATION', `Operación desconocida: ${storableText(mutation.name)}.`);
  }
  const action = mutation.name as Action;
  if (action in MINIMUM_ROLE && !can(actor.role, action)) throw new Rejection('FORBIDDEN', 'Su rol no permite esta operación.');
  const bad = findUnstorableText(mutation.args);
  if (bad !== null) throw new Rejection('VALIDATION', UNSTORABLE_TEXT_MESSAGE, { path: bad.join('.') });
  const parsed = mutationArgs[mutation.name].safeParse(mutation.args);
  if (!parsed.success) throw new Rejection('VALIDATION', 'Datos no válidos.', { issues: describeIssues(parsed.error) });
  let calendar: Promise<BusinessCalendar> | undefined;
  const env: MutationEnv = {
    tx,
    actor,
    now,
    calendar: () => (calendar ??= loadCompanyCalendar(tx)),
    travel: defaultTravelEstimator,
  };
  const handler = MUTATION_HANDLERS[mutation.name] as (env: MutationEnv, args: unknown) => Promise<void>;
  await handler(env, parsed.data);
}

/** Database refusals that mean "this mutation is wrong", not "the server is broken". */
function rejectionFromDatabase(error: unknown): Rejection | null {
  const state = sqlState(error);
  if (state === undefined) return null;
  if (state === '23505') return new Rejection('CONFLICT', 'Ya existe un registro con esos datos.');
  if (state === '23503') return new Rejection('NOT_FOUND', 'Hace referencia a un registro que no existe.');
  if (state.startsWith('23') || state.startsWith('22')) return new Rejection('VALIDATION', 'La base de datos rechazó los datos.', { sqlState: state });
  return null;
}

async function processOne(db: Db, actor: Actor, clientId: string, mutation: Mutation, now: () => Date): Promise<{ result: PushResult | null; lastSeq: number }> {
  return db.transaction(async (tx) => {
    // Creating-or-locking the client row serialises pushes of one client.
    const locked = await tx.query<{ last_seq: number }>(
      `INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2)
       ON CONFLICT (client_id) DO UPDATE SET user_id = excluded.user_id
       RETURNING last_seq`,
      [clientId, actor.id],
    );
    const lastSeq = locked[0]?.last_seq ?? 0;
    if (mutation.seq <= lastSeq) return { result: await recordedResult(tx, clientId, mutation.seq), lastSeq };
    if (mutation.seq > lastSeq + 1) return { result: null, lastSeq };

    let result: PushResult;
    await tx.query('SAVEPOINT mutation');
    try {
      await apply(tx, actor, mutation, now());
      await tx.query('RELEASE SAVEPOINT mutation');
      result = { seq: mutation.seq, status: 'applied' };
    } catch (error) {
      const rejection = error instanceof Rejection ? error : rejectionFromDatabase(error);
      if (rejection === null) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT mutation');
      result = { seq: mutation.seq, status: 'rejected', code: rejection.code, message: rejection.message };
    }
    await tx.query(
      'INSERT INTO mutation_results (client_id, seq, mutation_id, name, status, code, message) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [clientId, mutation.seq, storableText(mutation.id), storableText(mutation.name), result.status, result.code ?? null, result.message ?? null],
    );
    await tx.query('UPDATE sync_clients SET last_seq = $2, updated_at = now() WHERE client_id = $1', [clientId, mutation.seq]);
    return { result, lastSeq: mutation.seq };
  });
}

async function recordedResult(tx: Tx, clientId: string, seq: number): Promise<PushResult> {
  const rows = await tx.query<{ status: 'applied' | 'rejected'; code: string | null; message: string | null }>(
    'SELECT status, code, message FROM mutation_results WHERE client_id = $1 AND seq = $2',
    [clientId, seq],
  );
  const row = rows[0];
  if (row === undefined) return { seq, status: 'applied' };
  return row.status === 'applied' ? { seq, status: 'applied' } : { seq, status: 'rejected', code: row.code ?? 'VALIDATION', message: row.message ?? '' };
}

export async function push(db: Db, actor: Actor, input: PushInput, now: () => Date): Promise<PushResponse> {
  // One result per seq: a batch that repeats a seq gets it processed once.
  const ordered = [...new Map(input.mutations.map((m) => [m.seq, m] as const)).values()].sort((a, b) => a.seq - b.seq);
  const results: PushResult[] = [];
  let lastSeq = (await db.query<{ last_seq: number }>('SELECT last_seq FROM sync_clients WHERE client_id = $1', [input.clientId]))[0]?.last_seq ?? 0;
  for (const mutation of ordered) {
    const outcome = await processOne(db, actor, input.clientId, mutation, now);
    lastSeq = Math.max(lastSeq, outcome.lastSeq);
    if (outcome.result === null) break; // A gap: the client must send the missing seq first.
    results.push(outcome.result);
  }
  return { lastSeq, results };
}
