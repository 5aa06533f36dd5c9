/**
 * Which status a ticket may move to from each status. The server enforces
 * it on `ticket.setStatus` (INVALID_TRANSITION, DESIGN.md §3); the desk uses
 * the same table to offer only moves that will be accepted.
 *
 *   new              → in_progress | waiting_customer | onsite_pending | resolved | cancelled
 *   in_progress      → waiting_customer | onsite_pending | resolved | cancelled
 *   waiting_customer → in_progress | resolved | cancelled
 *   onsite_pending   → onsite_scheduled | in_progress | cancelled
 *   onsite_scheduled → in_progress | onsite_pending | resolved
 *   resolved         → closed | in_progress (reopen)
 *   closed, cancelled: final
 *
 * Why these and not others:
 * - `onsite_scheduled` is only reached from `onsite_pending`: a visit is
 *   asked for first, then booked. Cancelling the visit sends the ticket back
 *   to `onsite_pending`.
 * - A ticket with a scheduled visit cannot be cancelled directly: the visit
 *   must be cancelled first, so no technician drives to a case that no
 *   longer exists.
 * - `waiting_customer` and `onsite_pending` go back through `in_progress`
 *   rather than jumping to each other: someone picks the case up again.
 * - `resolved` can be reopened (the customer says it is not fixed) until it
 *   is `closed`; a closed or cancelled case stays final, and a new problem is
 *   a new ticket, so monthly reports never change after the fact.
 * - Moving to the same status is not a transition and is rejected, so a
 *   replayed mutation cannot write a second status event.
 */
import { fail, ok, type Result } from '../result.ts';
import type { TicketStatus } from '../protocol/entities.ts';
import { STATUS_LABELS } from './labels.ts';

export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['in_progress', 'waiting_customer', 'onsite_pending', 'resolved', 'cancelled'],
  in_progress: ['waiting_customer', 'onsite_pending', 'resolved', 'cancelled'],
  waiting_customer: ['in_progress', 'resolved', 'cancelled'],
  onsite_pending: ['onsite_scheduled', 'in_progress', 'cancelled'],
  onsite_scheduled: ['in_progress', 'onsite_pending', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TICKET_TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** No way out: closed and cancelled. */
export function isFinalStatus(status: TicketStatus): boolean {
  return TICKET_TRANSITIONS[status].length === 0;
}

const es = (status: TicketStatus): string => `«${STATUS_LABELS[status]['es-PE']}»`;

/** "A", "A o B", "A, B o C". */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} o ${items[items.length - 1] ?? ''}`;
}

function rejectionMessage(from: TicketStatus, to: TicketStatus): string {
  if (from === to) return `El ticket ya está en ${es(from)}.`;
  if (from === 'closed') return 'El ticket está cerrado y ya no cambia de estado. Si el problema volvió, cree un ticket nuevo.';
  if (from === 'cancelled') return 'El ticket está anulado y ya no cambia de estado.';
  const base = `No se puede pasar un ticket de ${es(from)} a ${es(to)}.`;
  if (from === 'onsite_scheduled' && to === 'cancelled') return `${base} Anule primero la visita agendada; el ticket vuelve a ${es('onsite_pending')} y ahí se puede anular.`;
  if (to === 'onsite_scheduled') return `${base} Una visita se agenda desde ${es('onsite_pending')}.`;
  return `${base} Desde ${es(from)} puede pasar a ${orList(TICKET_TRANSITIONS[from].map(es))}.`;
}

/** ok({from, to}) when allowed; INVALID_TRANSITION with a Spanish message and the allowed moves otherwise. */
export function checkTransition(from: TicketStatus, to: TicketStatus): Result<{ from: TicketStatus; to: TicketStatus }> {
  if (canTransition(from, to)) return ok({ from, to });
  return fail('INVALID_TRANSITION', rejectionMessage(from, to), { from, to, allowed: [...TICKET_TRANSITIONS[from]] });
}
