/**
 * Who may do what (DESIGN.md §1), by role. Roles are ranked: each one can
 * do all the lower one can, plus its own powers. Reads are open to every
 * role. The server enforces this table on every route and mutation; the
 * desk and the console read the same table to offer only what will be
 * accepted. Ownership rules that depend on the record (a technician books
 * only his own remote sessions) live beside the mutations and, where the
 * desk needs them too, in the domain's own rules (tickets/permissions.ts).
 */
import type { Role } from '../protocol/entities.ts';

const RANK: Readonly<Record<Role, number>> = { technician: 0, dispatcher: 1, supervisor: 2, admin: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Actions guarded by role alone, and the lowest role allowed. */
export const MINIMUM_ROLE = {
  read: 'technician',
  'ticket.create': 'technician',
  'ticket.update': 'technician',
  'ticket.setStatus': 'technician',
  'ticket.addNote': 'technician',
  'time.log': 'technician',
  'ticket.assign': 'dispatcher',
  /** Any visit for anyone; technicians have a narrower own-remote-session right. */
  'visit.manageAny': 'dispatcher',
  'plans.write': 'supervisor',
  'planAssignments.write': 'supervisor',
  'purchases.write': 'supervisor',
  'customers.write': 'supervisor',
  'users.write': 'admin',
  'calendar.write': 'admin',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MINIMUM_ROLE;

export function can(role: Role, action: Action): boolean {
  return atLeast(role, MINIMUM_ROLE[action]);
}
