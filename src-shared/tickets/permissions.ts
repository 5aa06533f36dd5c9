/**
 * Who may assign tickets (DESIGN.md §1: "Dispatchers assign tickets";
 * supervisors and admins can do everything dispatchers can). The server
 * enforces these rules on `ticket.assign` and `ticket.create`; the desk
 * refuses an edit they forbid before queueing it, and the console offers
 * only the actions they allow — one definition for all three.
 */
import { can } from '../auth/permissions.ts';
import type { Role } from '../protocol/entities.ts';
import { fail, ok, type Result } from '../result.ts';

/** The signed-in person, as the server's session and the desk's session both know them. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export const ASSIGN_FORBIDDEN_MESSAGE = 'Solo despacho, supervisión o administración asignan tickets.';
export const ASSIGN_OTHERS_FORBIDDEN_MESSAGE = 'Solo despacho o supervisión asignan tickets a otra persona.';

/**
 * May `actor` change who works a ticket (`ticket.assign`)? Dispatch roles
 * may, for any ticket, to anyone (themselves included) or to nobody.
 *
 * A technician may not, not even take an unassigned ticket for themselves:
 * the server checks `ticket.assign` by role before it looks at the ticket,
 * so a technician's "Asignarme" would only come back rejected. Work reaches
 * a technician through dispatch, or through a ticket they create assigned to
 * themselves (`canCreateAssignedTo`). Signed out (null): no.
 */
export function canAssign(actor: Pick<Actor, 'role'> | null): boolean {
  return actor !== null && can(actor.role, 'ticket.assign');
}

/**
 * May `actor` create a ticket assigned to `assigneeId` (`ticket.create`)?
 * Anyone who may create tickets may leave them unassigned or take them
 * themselves (a technician writing up a phone call keeps the case); only
 * dispatch roles may create one for someone else.
 */
export function canCreateAssignedTo(actor: Actor | null, assigneeId: string | null): boolean {
  if (actor === null || !can(actor.role, 'ticket.create')) return false;
  return assigneeId === null || assigneeId === actor.id || canAssign(actor);
}

/** `canAssign` as a result, with the refusal the person reads (FORBIDDEN). */
export function checkAssign(actor: Pick<Actor, 'role'> | null): Result<void> {
  return canAssign(actor) ? ok(undefined) : fail('FORBIDDEN', ASSIGN_FORBIDDEN_MESSAGE);
}

/** `canCreateAssignedTo` as a result, with the refusal the person reads (FORBIDDEN). */
export function checkCreateAssignedTo(actor: Actor | null, assigneeId: string | null): Result<void> {
  return canCreateAssignedTo(actor, assigneeId) ? ok(undefined) : fail('FORBIDDEN', ASSIGN_OTHERS_FORBIDDEN_MESSAGE);
}
