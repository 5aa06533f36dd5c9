/**
 * Typed helpers over the generic entity store, one per synced table, for the
 * mutations, the admin routes and the demo seed. Each writes the change log.
 */
import type { Customer, Plan, PlanAssignment, User, Ticket, TicketEvent, Visit, TimeEntry, Purchase, CalendarDayEntity } from '../../src-shared/protocol/entities.ts';
import type { Tx } from '../db/types.ts';
import { insertEntities, upsertEntities, type WriteOptions } from './store.ts';

export { insertEntities, upsertEntities, loadEntities, loadEntity, lockEntity, deleteEntities, type WriteOptions } from './store.ts';
export { recordChanges, currentRev, type ChangeOp } from './changes.ts';
export { ENTITY_SPECS, selectList, snakeCase } from './specs.ts';

/** A user row as stored: the wire shape plus its scrypt hash (auth/password.ts `hashPassword`). */
export type StoredUser = User & { readonly passwordHash?: string | null };

export const insertCustomers = (tx: Tx, rows: readonly Customer[], options?: WriteOptions) => insertEntities(tx, 'customer', rows, options);
export const insertPlans = (tx: Tx, rows: readonly Plan[], options?: WriteOptions) => insertEntities(tx, 'plan', rows, options);
export const insertPlanAssignments = (tx: Tx, rows: readonly PlanAssignment[], options?: WriteOptions) => insertEntities(tx, 'planAssignment', rows, options);
export const insertUsers = (tx: Tx, rows: readonly StoredUser[], options?: WriteOptions) => insertEntities(tx, 'user', rows, options);
export const insertTickets = (tx: Tx, rows: readonly Ticket[], options?: WriteOptions) => insertEntities(tx, 'ticket', rows, options);
export const insertTicketEvents = (tx: Tx, rows: readonly TicketEvent[], options?: WriteOptions) => insertEntities(tx, 'ticketEvent', rows, options);
export const insertVisits = (tx: Tx, rows: readonly Visit[], options?: WriteOptions) => insertEntities(tx, 'visit', rows, options);
export const insertTimeEntries = (tx: Tx, rows: readonly TimeEntry[], options?: WriteOptions) => insertEntities(tx, 'timeEntry', rows, options);
export const insertPurchases = (tx: Tx, rows: readonly Purchase[], options?: WriteOptions) => insertEntities(tx, 'purchase', rows, options);
export const upsertCalendarDays = (tx: Tx, rows: readonly CalendarDayEntity[], options?: WriteOptions) => upsertEntities(tx, 'calendarDay', rows, options);
