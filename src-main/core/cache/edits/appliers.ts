/**
 * What each mutation does to the cached rows while the server has not yet
 * answered (optimistic edits). Every mutation becomes a list of row
 * operations, each a pure function of the row's current value and the
 * mutation's args, so the same edit can be replayed on top of a newer server
 * version of the row (rebase) or after a cache rebuild.
 *
 * Only effects the client can know for sure are shown: the server decides
 * ticket numbers, status history events and balances, and those arrive with
 * the next pull.
 */
import type { AppError } from '../../../../src-shared/result.ts';
import type { EntityData, EntityName, Ticket } from '../../../../src-shared/protocol/entities.ts';
import type { MutationArgs, MutationName } from '../../../../src-shared/protocol/sync.ts';
import { assertNever } from '../../../../src-shared/result.ts';
import { createBusinessCalendar, type BusinessCalendar } from '../../../../src-shared/calendar/index.ts';
import { slaFieldsAfterMove } from '../../../../src-shared/tickets/sla.ts';

export type RowData = Record<string, unknown>;

export interface OpContext {
  /** The row as the overlay currently shows it (server version + earlier edits). */
  read<E extends EntityName>(entity: E, id: string): EntityData<E> | null;
}

export interface RowOp {
  readonly entity: EntityName;
  readonly id: string;
  /**
   * Checked only when the user makes the edit, not on replays: refusing an
   * edit of a ticket the cache does not have is better than queueing a
   * mutation the server will reject.
   */
  check?(current: RowData | null, ctx: OpContext): AppError | null;
  /** The new row, or null to leave the row absent. Must not throw on rows it cannot apply to: return `current`. */
  apply(current: RowData | null, ctx: OpContext): RowData | null;
}

export interface EditContext {
  /** When the edit was made (UTC ISO); replays reuse it so they give the same rows. */
  readonly at: string;
  /** The signed-in user who made the edit. */
  readonly actorId: string | null;
}

/**
 * The SLA clock's pauses are business minutes. The company calendar (with its
 * closures) lives in the desk's handlers, not here; the standard one (Mon–Fri
 * 08:00–21:00 minus national holidays) differs only on a company closure day,
 * and the server's own figure replaces this one with the next pull.
 */
let standard: BusinessCalendar | null = null;
const standardCalendar = (): BusinessCalendar => (standard ??= createBusinessCalendar());

const notFound = (what: string): AppError => ({ code: 'NOT_FOUND', message: `${what} no existe en la copia local.` });
const exists = (what: string): AppError => ({ code: 'CONFLICT', message: `${what} ya existe.` });

const mustExist = (what: string) => (current: RowData | null): AppError | null => (current === null ? notFound(what) : null);
const mustNotExist = (what: string) => (current: RowData | null): AppError | null => (current === null ? null : exists(what));

function ticketExists(ticketId: string) {
  return (_current: RowData | null, ctx: OpContext): AppError | null => (ctx.read('ticket', ticketId) === null ? notFound('El ticket') : null);
}

/** Copies only the keys present in `patch` (a missing key means "unchanged", an explicit null clears). */
function patched(row: RowData, patch: Record<string, unknown>): RowData {
  const out = { ...row };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  return out;
}

function updateTicket(id: string, edit: EditContext, change: (ticket: Ticket) => Partial<Ticket>): RowOp {
  return {
    entity: 'ticket',
    id,
    check: mustExist('El ticket'),
    apply: (current) => (current === null ? null : { ...patched(current, change(current as Ticket)), updatedAt: edit.at }),
  };
}

function updateVisit(id: string, change: (visit: RowData) => RowData): RowOp {
  return { entity: 'visit', id, check: mustExist('La visita'), apply: (current) => (current === null ? null : patched(current, change(current))) };
}

/** The row operations of one mutation. `args` must already have passed `mutationArgs[name]`. */
export function opsFor(name: MutationName, rawArgs: unknown, edit: EditContext): RowOp[] {
  switch (name) {
    case 'ticket.create': {
      const args = rawArgs as MutationArgs<'ticket.create'>;
      const row: Ticket = {
        id: args.id,
        number: null,
        type: args.type,
        channel: args.channel,
        urgency: args.urgency,
        status: 'new',
        subject: args.subject,
        description: args.description,
        customerId: args.customerId,
        assigneeId: args.assigneeId ?? null,
        requesterName: args.requesterName ?? null,
        requesterEmail: args.requesterEmail ?? null,
        errorMessage: args.errorMessage ?? null,
        affectedSite: args.affectedSite ?? null,
        affectedAccount: args.affectedAccount ?? null,
        affectedEquipment: args.affectedEquipment ?? null,
        frequency: args.frequency ?? null,
        onsiteDistrictUbigeo: null,
        onsiteAddress: null,
        createdAt: edit.at,
        updatedAt: edit.at,
        waitingSince: null,
        slaPausedMinutes: 0,
        resolvedAt: null,
      };
      // Once the server has the ticket, its version (with a number) wins.
      return [{ entity: 'ticket', id: args.id, check: mustNotExist('El ticket'), apply: (current) => current ?? row }];
    }
    case 'ticket.update': {
      const args = rawArgs as MutationArgs<'ticket.update'>;
      return [updateTicket(args.id, edit, () => args.patch as Partial<Ticket>)];
    }
    case 'ticket.setStatus': {
      const args = rawArgs as MutationArgs<'ticket.setStatus'>;
      return [
        updateTicket(args.id, edit, (ticket) => ({
          status: args.status,
          ...slaFieldsAfterMove(ticket, args.status, new Date(edit.at), standardCalendar()),
        })),
      ];
    }
    case 'ticket.assign': {
      const args = rawArgs as MutationArgs<'ticket.assign'>;
      return [updateTicket(args.id, edit, () => ({ assigneeId: args.assigneeId }))];
    }
    case 'ticket.addNote': {
      const args = rawArgs as MutationArgs<'ticket.addNote'>;
      const row = { id: args.id, ticketId: args.ticketId, kind: args.kind, authorId: edit.actorId, body: args.body, fromStatus: null, toStatus: null, createdAt: edit.at };
      return [
        {
          entity: 'ticketEvent',
          id: args.id,
          check: (current, ctx) => mustNotExist('La nota')(current) ?? ticketExists(args.ticketId)(current, ctx),
          apply: (current) => current ?? row,
        },
      ];
    }
    case 'time.log': {
      const args = rawArgs as MutationArgs<'time.log'>;
      return [
        {
          entity: 'timeEntry',
          id: args.id,
          check: (current, ctx) =>
            mustNotExist('El registro de horas')(current) ??
            ticketExists(args.ticketId)(current, ctx) ??
            (edit.actorId === null ? { code: 'SIGNED_OUT', message: 'Inicie sesión para registrar horas.' } : null),
          apply: (current, ctx) => {
            if (current !== null) return current;
            const ticket = ctx.read('ticket', args.ticketId);
            if (ticket === null || edit.actorId === null) return null;
            return {
              id: args.id,
              ticketId: args.ticketId,
              customerId: ticket.customerId,
              technicianId: edit.actorId,
              kind: args.kind,
              minutes: args.minutes,
              workDate: args.workDate,
              billable: args.billable,
              note: args.note ?? null,
              createdAt: edit.at,
            };
          },
        },
      ];
    }
    case 'visit.book': {
      const args = rawArgs as MutationArgs<'visit.book'>;
      const row = {
        id: args.id,
        ticketId: args.ticketId,
        technicianId: args.technicianId,
        kind: args.kind,
        startsAt: args.startsAt,
        endsAt: args.endsAt,
        districtUbigeo: args.districtUbigeo ?? null,
        address: args.address ?? null,
        status: 'scheduled',
        checkInAt: null,
        checkOutAt: null,
        createdAt: edit.at,
      };
      return [
        {
          entity: 'visit',
          id: args.id,
          check: (current, ctx) => mustNotExist('La visita')(current) ?? ticketExists(args.ticketId)(current, ctx),
          apply: (current) => current ?? row,
        },
      ];
    }
    case 'visit.reschedule': {
      const args = rawArgs as MutationArgs<'visit.reschedule'>;
      return [updateVisit(args.id, (visit) => ({ startsAt: args.startsAt, endsAt: args.endsAt, technicianId: args.technicianId ?? visit.technicianId }))];
    }
    case 'visit.cancel': {
      const args = rawArgs as MutationArgs<'visit.cancel'>;
      return [updateVisit(args.id, () => ({ status: 'cancelled' }))];
    }
    case 'visit.checkIn': {
      const args = rawArgs as MutationArgs<'visit.checkIn'>;
      return [updateVisit(args.id, () => ({ status: 'in_progress', checkInAt: args.at ?? edit.at }))];
    }
    case 'visit.checkOut': {
      const args = rawArgs as MutationArgs<'visit.checkOut'>;
      return [updateVisit(args.id, () => ({ status: 'done', checkOutAt: args.at ?? edit.at }))];
    }
    default:
      return assertNever(name, 'mutation');
  }
}
