/**
 * time.log: minutes worked on a ticket, billed to the Lima month of workDate.
 */
import { limaDateOf } from '../../src-shared/calendar/index.ts';
import type { TimeEntry } from '../../src-shared/protocol/entities.ts';
import { recomputeBalances } from '../balances/recompute.ts';
import { insertEntities } from '../entities/store.ts';
import { addTicketEvent, loadOrReject, rejectIfExists } from './common.ts';
import { Rejection, type MutationEnv, type MutationHandler } from './types.ts';

const KIND_ES = { remote: 'remoto', onsite: 'en sitio' } as const;

/** Writes a time entry for a ticket, its ticket event and the balance; shared with visit check-out. */
export async function logTime(env: MutationEnv, entry: Omit<TimeEntry, 'customerId' | 'createdAt'>): Promise<void> {
  const ticket = await loadOrReject(env.tx, 'ticket', entry.ticketId);
  const row: TimeEntry = { ...entry, customerId: ticket.customerId, createdAt: env.now.toISOString() };
  await insertEntities(env.tx, 'timeEntry', [row]);
  await addTicketEvent(env.tx, { ticketId: ticket.id, kind: 'time', authorId: env.actor.id, body: `${row.minutes} min ${KIND_ES[row.kind]}${row.note === null ? '' : ` — ${row.note}`}`, createdAt: env.now });
  await recomputeBalances(env.tx, [{ customerId: ticket.customerId, month: row.workDate.slice(0, 7) }]);
}

export const logTimeMutation: MutationHandler<'time.log'> = async (env, args) => {
  await rejectIfExists(env.tx, 'timeEntry', args.id);
  if (args.workDate > limaDateOf(env.now)) {
    throw new Rejection('VALIDATION', 'No se puede registrar tiempo en una fecha futura.', { field: 'workDate' });
  }
  await logTime(env, {
    id: args.id,
    ticketId: args.ticketId,
    technicianId: env.actor.id,
    kind: args.kind,
    minutes: args.minutes,
    workDate: args.workDate,
    billable: args.billable,
    note: args.note ?? null,
  });
};
