/**
 * Ticket mutations: create, update, setStatus, assign, addNote.
 */
import { checkAssign, checkCreateAssignedTo, checkTransition, slaFieldsAfterMove } from '../../src-shared/tickets/index.ts';
import type { Ticket, TicketStatus, User } from '../../src-shared/protocol/entities.ts';
import type { MutationArgs } from '../../src-shared/protocol/sync.ts';
import { recomputeBalances } from '../balances/recompute.ts';
import { currentRev } from '../entities/changes.ts';
import { insertEntities, upsertEntities } from '../entities/store.ts';
import { addTicketEvent, limaMonthOf, loadOrReject, lockOrReject, rejectIfExists } from './common.ts';
import { Rejection, type MutationEnv, type MutationHandler } from './types.ts';

async function checkExpectedRev(env: MutationEnv, ticketId: string, expectedRev: string | undefined): Promise<void> {
  if (expectedRev === undefined) return;
  const rev = await currentRev(env.tx, 'ticket', ticketId);
  if (rev !== expectedRev) {
    throw new Rejection('CONFLICT', 'Otra persona cambió este ticket mientras usted lo editaba; revise la versión actual.', { expectedRev, currentRev: rev });
  }
}

async function activeAssignee(env: MutationEnv, assigneeId: string): Promise<User> {
  const user = await loadOrReject(env.tx, 'user', assigneeId);
  if (!user.active) throw new Rejection('VALIDATION', `${user.name} está inactivo y no puede recibir tickets.`, { assigneeId });
  return user;
}

export const createTicket: MutationHandler<'ticket.create'> = async (env, args) => {
  await rejectIfExists(env.tx, 'ticket', args.id);
  const customer = await loadOrReject(env.tx, 'customer', args.customerId);
  if (!customer.active) throw new Rejection('VALIDATION', `El cliente ${customer.name} está inactivo.`, { customerId: customer.id });
  const assigneeId = args.assigneeId ?? null;
  if (assigneeId !== null) {
    const allowed = checkCreateAssignedTo(env.actor, assigneeId);
    if (!allowed.ok) throw new Rejection('FORBIDDEN', allowed.error.message);
    await activeAssignee(env, assigneeId);
  }
  // Email tickets are accepted only from the customer's registered addresses (DESIGN.md §1).
  if (args.channel === 'email') {
    const from = args.requesterEmail?.toLowerCase() ?? null;
    if (from === null || !customer.emails.some((email) => email.toLowerCase() === from)) {
      throw new Rejection('VALIDATION', `El correo ${from ?? '(sin remitente)'} no está registrado para ${customer.name}.`, { field: 'requesterEmail' });
    }
  }
  const now = env.now.toISOString();
  const ticket: Ticket = {
    id: args.id,
    number: null,
    type: args.type,
    channel: args.channel,
    urgency: args.urgency,
    status: 'new',
    subject: args.subject,
    description: args.description,
    customerId: args.customerId,
    assigneeId,
    requesterName: args.requesterName ?? null,
    requesterEmail: args.requesterEmail ?? null,
    errorMessage: args.errorMessage ?? null,
    affectedSite: args.affectedSite ?? null,
    affectedAccount: args.affectedAccount ?? null,
    affectedEquipment: args.affectedEquipment ?? null,
    frequency: args.frequency ?? null,
    onsiteDistrictUbigeo: null,
    onsiteAddress: null,
    createdAt: now,
    updatedAt: now,
    waitingSince: null,
    slaPausedMinutes: 0,
    resolvedAt: null,
  };
  await insertEntities(env.tx, 'ticket', [ticket]);
  await addTicketEvent(env.tx, { ticketId: ticket.id, kind: 'status', authorId: env.actor.id, fromStatus: null, toStatus: 'new', createdAt: env.now });
  await recomputeBalances(env.tx, [{ customerId: ticket.customerId, month: limaMonthOf(env.now) }]);
};

export const updateTicket: MutationHandler<'ticket.update'> = async (env, args) => {
  const ticket = await lockOrReject(env.tx, 'ticket', args.id);
  await checkExpectedRev(env, args.id, args.expectedRev);
  const patch = Object.fromEntries(Object.entries(args.patch).filter(([, value]) => value !== undefined));
  await upsertEntities(env.tx, 'ticket', [{ ...ticket, ...patch, updatedAt: env.now.toISOString() }]);
};

/**
 * Fields that follow from entering `to`: the SLA clock's pauses, its stop at
 * resolution and its resumption on reopen (src-shared/tickets/sla.ts, the
 * same bookkeeping the desk applies to its optimistic edits).
 */
async function statusEffects(env: MutationEnv, ticket: Ticket, to: TicketStatus): Promise<Partial<Ticket>> {
  const touchesClock = ticket.status === 'waiting_customer' || ticket.status === 'resolved' || to === 'waiting_customer' || to === 'resolved';
  if (!touchesClock) return {};
  return slaFieldsAfterMove(ticket, to, env.now, await env.calendar());
}

/** Moves a locked ticket to `to`, writing the status event; shared with visit booking and cancelling. */
export async function moveTicket(env: MutationEnv, ticket: Ticket, to: TicketStatus, comment: string | null): Promise<Ticket> {
  const check = checkTransition(ticket.status, to);
  if (!check.ok) throw new Rejection('INVALID_TRANSITION', check.error.message, { from: ticket.status, to });
  const updated: Ticket = { ...ticket, ...(await statusEffects(env, ticket, to)), status: to, updatedAt: env.now.toISOString() };
  await upsertEntities(env.tx, 'ticket', [updated]);
  await addTicketEvent(env.tx, { ticketId: ticket.id, kind: 'status', authorId: env.actor.id, body: comment, fromStatus: ticket.status, toStatus: to, createdAt: env.now });
  // Cancelled tickets do not count against a ticket quota.
  if (to === 'cancelled') await recomputeBalances(env.tx, [{ customerId: ticket.customerId, month: limaMonthOf(ticket.createdAt) }]);
  return updated;
}

export const setTicketStatus: MutationHandler<'ticket.setStatus'> = async (env, args: MutationArgs<'ticket.setStatus'>) => {
  const ticket = await lockOrReject(env.tx, 'ticket', args.id);
  await checkExpectedRev(env, args.id, args.expectedRev);
  if (args.status === 'onsite_scheduled') {
    const scheduled = await env.tx.query("SELECT 1 FROM visits WHERE ticket_id = $1 AND kind = 'onsite' AND status = 'scheduled' LIMIT 1", [args.id]);
    if (scheduled.length === 0) throw new Rejection('INVALID_TRANSITION', 'Para marcar «Visita agendada», primero agende la visita.', { from: ticket.status, to: args.status });
  }
  await moveTicket(env, ticket, args.status, args.comment ?? null);
};

export const assignTicket: MutationHandler<'ticket.assign'> = async (env, args) => {
  // push.ts already refuses by role (MINIMUM_ROLE); the shared rule is stated here too, where the mutation lives.
  const allowed = checkAssign(env.actor);
  if (!allowed.ok) throw new Rejection('FORBIDDEN', allowed.error.message);
  const ticket = await lockOrReject(env.tx, 'ticket', args.id);
  const assignee = args.assigneeId === null ? null : await activeAssignee(env, args.assigneeId);
  if (ticket.assigneeId === args.assigneeId) return;
  await upsertEntities(env.tx, 'ticket', [{ ...ticket, assigneeId: args.assigneeId, updatedAt: env.now.toISOString() }]);
  await addTicketEvent(env.tx, { ticketId: ticket.id, kind: 'assignment', authorId: env.actor.id, body: assignee === null ? null : assignee.name, createdAt: env.now });
};

export const addNote: MutationHandler<'ticket.addNote'> = async (env, args) => {
  await rejectIfExists(env.tx, 'ticketEvent', args.id);
  await loadOrReject(env.tx, 'ticket', args.ticketId);
  await addTicketEvent(env.tx, { id: args.id, ticketId: args.ticketId, kind: args.kind, authorId: env.actor.id, body: args.body, createdAt: env.now });
};
