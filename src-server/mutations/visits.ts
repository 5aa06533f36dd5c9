/**
 * Visit mutations: book, reschedule, cancel, check in, check out.
 *
 * Who: dispatchers and up manage any visit; a technician books, moves and
 * cancels only his own remote sessions, and only the visit's technician
 * checks in and out. Booking rules (hours, holidays, service area, overlaps,
 * travel) are the shared `checkBooking`, run under the technician's lock.
 */
import { randomUUID } from 'node:crypto';
import { limaDateOf } from '../../src-shared/calendar/index.ts';
import type { Ticket, Visit } from '../../src-shared/protocol/entities.ts';
import { canTransition, isFinalStatus } from '../../src-shared/tickets/index.ts';
import { checkBooking, type BookingVisit } from '../../src-shared/visits/index.ts';
import { can } from '../auth/permissions.ts';
import { insertEntities, upsertEntities } from '../entities/store.ts';
import { selectList } from '../entities/specs.ts';
import { addTicketEvent, loadOrReject, lockOrReject, rejectIfExists } from './common.ts';
import { lockTechnicians } from './locks.ts';
import { moveTicket } from './tickets.ts';
import { logTime } from './time.ts';
import { Rejection, type MutationEnv, type MutationHandler } from './types.ts';

const DAY_MS = 86_400_000;
/** Check-ins and check-outs may be stamped a little ahead of the server clock (device clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

function toBookingVisit(visit: Pick<Visit, 'id' | 'technicianId' | 'kind' | 'startsAt' | 'endsAt' | 'districtUbigeo'>): BookingVisit {
  return { id: visit.id, technicianId: visit.technicianId, kind: visit.kind, startsAt: new Date(visit.startsAt), endsAt: new Date(visit.endsAt), districtUbigeo: visit.districtUbigeo };
}

/** Own remote session, or a dispatcher-and-up: who may book, move or cancel `visit`. */
function mayManage(env: MutationEnv, visit: Pick<Visit, 'technicianId' | 'kind'>): boolean {
  return can(env.actor.role, 'visit.manageAny') || (visit.kind === 'remote' && visit.technicianId === env.actor.id);
}

function forbidManage(): Rejection {
  return new Rejection('FORBIDDEN', 'Un técnico solo agenda, mueve o cancela sus propias sesiones remotas; las visitas las gestiona despacho.');
}

function when(visit: Pick<Visit, 'startsAt' | 'endsAt'>): string {
  const time = (iso: string) => new Date(new Date(iso).getTime() - 5 * 3_600_000).toISOString().slice(11, 16);
  return `${limaDateOf(new Date(visit.startsAt))} ${time(visit.startsAt)}–${time(visit.endsAt)}`;
}

/** Runs the shared booking rules for `candidate` under its technician's lock. */
async function checkSlot(env: MutationEnv, candidate: Visit): Promise<void> {
  const technician = await loadOrReject(env.tx, 'user', candidate.technicianId);
  if (!technician.active) throw new Rejection('VALIDATION', `${technician.name} está inactivo.`, { technicianId: technician.id });
  await lockTechnicians(env.tx, [candidate.technicianId]);
  const start = new Date(candidate.startsAt).getTime();
  const end = new Date(candidate.endsAt).getTime();
  // The rules look at the same day's neighbours; a day either side is plenty.
  const others = await env.tx.query<Visit>(
    `SELECT ${selectList('visit')} FROM visits
      WHERE technician_id = $1 AND status <> 'cancelled' AND id <> $2 AND starts_at < $4 AND ends_at > $3`,
    [candidate.technicianId, candidate.id, new Date(start - DAY_MS).toISOString(), new Date(end + DAY_MS).toISOString()],
  );
  const verdict = checkBooking(toBookingVisit(candidate), {
    calendar: await env.calendar(),
    otherVisits: others.map(toBookingVisit),
    travel: env.travel,
    technicianHomeUbigeo: technician.homeDistrictUbigeo,
  });
  if (!verdict.ok) throw new Rejection(verdict.code, verdict.message, { ...verdict.details });
}

/** Moves the ticket along as far as the state machine allows toward `target`, via `onsite_pending` when needed. */
async function advanceTicket(env: MutationEnv, ticket: Ticket, path: readonly Ticket['status'][], note: string): Promise<void> {
  let current = ticket;
  for (const status of path) {
    if (current.status === status) continue;
    if (!canTransition(current.status, status)) return;
    current = await moveTicket(env, current, status, note);
  }
}

export const bookVisit: MutationHandler<'visit.book'> = async (env, args) => {
  if (!mayManage(env, args)) throw forbidManage();
  await rejectIfExists(env.tx, 'visit', args.id);
  const ticket = await lockOrReject(env.tx, 'ticket', args.ticketId);
  if (isFinalStatus(ticket.status)) throw new Rejection('VALIDATION', `El ticket #${ticket.number ?? ''} está cerrado; no se le agendan visitas.`, { status: ticket.status });
  let districtUbigeo: string | null = null;
  let address: string | null = null;
  if (args.kind === 'onsite') {
    const customer = await loadOrReject(env.tx, 'customer', ticket.customerId);
    districtUbigeo = args.districtUbigeo ?? ticket.onsiteDistrictUbigeo ?? customer.districtUbigeo;
    address = args.address ?? ticket.onsiteAddress ?? customer.address;
  }
  const visit: Visit = {
    id: args.id,
    ticketId: args.ticketId,
    technicianId: args.technicianId,
    kind: args.kind,
    startsAt: new Date(args.startsAt).toISOString(),
    endsAt: new Date(args.endsAt).toISOString(),
    districtUbigeo,
    address,
    status: 'scheduled',
    checkInAt: null,
    checkOutAt: null,
    createdAt: env.now.toISOString(),
  };
  await checkSlot(env, visit);
  await insertEntities(env.tx, 'visit', [visit]);
  const label = visit.kind === 'onsite' ? 'Visita en sitio' : 'Sesión remota';
  await addTicketEvent(env.tx, { ticketId: ticket.id, kind: 'visit', authorId: env.actor.id, body: `${label} agendada: ${when(visit)}`, createdAt: env.now });
  if (visit.kind === 'onsite') await advanceTicket(env, ticket, ['onsite_pending', 'onsite_scheduled'], 'Visita agendada');
};

async function lockScheduled(env: MutationEnv, id: string): Promise<Visit> {
  const visit = await lockOrReject(env.tx, 'visit', id);
  if (!mayManage(env, visit)) throw forbidManage();
  if (visit.status !== 'scheduled') throw new Rejection('INVALID_TRANSITION', 'Solo se mueve o cancela una visita agendada que aún no empezó.', { status: visit.status });
  return visit;
}

export const rescheduleVisit: MutationHandler<'visit.reschedule'> = async (env, args) => {
  const visit = await lockScheduled(env, args.id);
  const moved: Visit = {
    ...visit,
    startsAt: new Date(args.startsAt).toISOString(),
    endsAt: new Date(args.endsAt).toISOString(),
    technicianId: args.technicianId ?? visit.technicianId,
  };
  if (!mayManage(env, moved)) throw forbidManage();
  await checkSlot(env, moved);
  await upsertEntities(env.tx, 'visit', [moved]);
  await addTicketEvent(env.tx, { ticketId: visit.ticketId, kind: 'visit', authorId: env.actor.id, body: `Reprogramada: ${when(visit)} → ${when(moved)}`, createdAt: env.now });
};

export const cancelVisit: MutationHandler<'visit.cancel'> = async (env, args) => {
  const visit = await lockScheduled(env, args.id);
  await upsertEntities(env.tx, 'visit', [{ ...visit, status: 'cancelled' }]);
  await addTicketEvent(env.tx, { ticketId: visit.ticketId, kind: 'visit', authorId: env.actor.id, body: `Cancelada: ${when(visit)}${args.reason == null ? '' : ` — ${args.reason}`}`, createdAt: env.now });
  if (visit.kind !== 'onsite') return;
  // Without another scheduled visit the ticket is back to "por agendar".
  const ticket = await lockOrReject(env.tx, 'ticket', visit.ticketId);
  const remaining = await env.tx.query("SELECT 1 FROM visits WHERE ticket_id = $1 AND kind = 'onsite' AND status = 'scheduled' LIMIT 1", [visit.ticketId]);
  if (ticket.status === 'onsite_scheduled' && remaining.length === 0) await moveTicket(env, ticket, 'onsite_pending', 'Visita cancelada');
};

function stampedAt(env: MutationEnv, at: string | undefined): Date {
  const stamp = at === undefined ? env.now : new Date(at);
  if (stamp.getTime() > env.now.getTime() + CLOCK_SKEW_MS) throw new Rejection('VALIDATION', 'La hora registrada está en el futuro.', { at });
  return stamp;
}

async function lockOwnVisit(env: MutationEnv, id: string): Promise<Visit> {
  const visit = await lockOrReject(env.tx, 'visit', id);
  if (visit.technicianId !== env.actor.id) throw new Rejection('FORBIDDEN', 'Solo el técnico de la visita registra su llegada y su salida.');
  return visit;
}

export const checkInVisit: MutationHandler<'visit.checkIn'> = async (env, args) => {
  const visit = await lockOwnVisit(env, args.id);
  if (visit.status !== 'scheduled') throw new Rejection('INVALID_TRANSITION', 'Solo se registra la llegada a una visita agendada.', { status: visit.status });
  const at = stampedAt(env, args.at);
  await upsertEntities(env.tx, 'visit', [{ ...visit, status: 'in_progress', checkInAt: at.toISOString() }]);
  await addTicketEvent(env.tx, { ticketId: visit.ticketId, kind: 'visit', authorId: env.actor.id, body: `Llegada registrada`, createdAt: env.now });
  const ticket = await lockOrReject(env.tx, 'ticket', visit.ticketId);
  if (ticket.status === 'new' || ticket.status === 'onsite_scheduled') await moveTicket(env, ticket, 'in_progress', 'Trabajo iniciado');
};

export const checkOutVisit: MutationHandler<'visit.checkOut'> = async (env, args) => {
  const visit = await lockOwnVisit(env, args.id);
  if (visit.status !== 'in_progress' || visit.checkInAt === null) throw new Rejection('INVALID_TRANSITION', 'Primero registre la llegada.', { status: visit.status });
  const at = stampedAt(env, args.at);
  const checkIn = new Date(visit.checkInAt);
  if (at.getTime() < checkIn.getTime()) throw new Rejection('VALIDATION', 'La salida no puede ser anterior a la llegada.', { checkInAt: visit.checkInAt });
  await upsertEntities(env.tx, 'visit', [{ ...visit, status: 'done', checkOutAt: at.toISOString() }]);
  // The time on site is what the customer's on-site (or remote) minutes are charged.
  const minutes = Math.min(24 * 60, Math.max(1, Math.ceil((at.getTime() - checkIn.getTime()) / 60_000)));
  await logTime(env, {
    id: randomUUID(),
    ticketId: visit.ticketId,
    technicianId: visit.technicianId,
    kind: visit.kind,
    minutes,
    workDate: limaDateOf(checkIn),
    billable: true,
    note: visit.kind === 'onsite' ? 'Visita en sitio' : 'Sesión remota',
  });
};
