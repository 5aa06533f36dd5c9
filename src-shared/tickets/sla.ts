/**
 * The SLA clock of a ticket, in business time (Mon–Fri 08:00–21:00 Lima,
 * minus holidays and company closures).
 *
 * Promises by channel (DESIGN.md §1: "Email requests carry no response-time
 * promise; portal tickets do"):
 *
 *   portal, phone   response and resolution targets by urgency (below)
 *   email           no promise: state 'none', no due time
 *
 * Phone tickets are typed in by our own staff while the customer is on the
 * line, so they carry the same promise as a portal ticket: the customer was
 * heard by a person, and nothing about the call makes the case less urgent.
 *
 * Targets in business minutes (a business day is 13 h = 780 min):
 *
 *   urgency    response        resolution
 *   critical   30 min          4 h
 *   high       1 h             8 h
 *   medium     4 h             2 business days
 *   low        8 h             5 business days
 *
 * Which target the clock shows: while the ticket is `new` nobody has taken
 * it up yet, so the clock runs against the response target; from the first
 * move out of `new` it runs against the resolution target. Both count from
 * `createdAt`.
 *
 * Pauses: while the ticket waits on the customer (`waitingSince` set, or
 * status `waiting_customer`) the clock stands still; `slaPausedMinutes` holds
 * the business minutes of earlier pauses and is subtracted from the elapsed
 * time. A resolved or closed ticket's clock stops at `resolvedAt`: 'met'
 * when it was resolved in time, 'breached' (with the overrun) when late — a
 * late resolution stays visible as late, and the minutes never grow after
 * it. A finished ticket never counts up to now: without `resolvedAt` (a row
 * from before the server recorded it) the clock stops at `updatedAt`, the
 * last change, which is no earlier than the resolution. Cancelled tickets
 * have no clock.
 *
 * Reopening (resolved → in_progress, the customer says it is not fixed)
 * resumes the clock where it stopped: the time the ticket spent resolved is
 * banked into `slaPausedMinutes`, like a wait on the customer, because the
 * case was waiting on the customer's confirmation, not on our team.
 * `slaFieldsAfterMove` is that bookkeeping; the server applies it on every
 * status move and the desk on its optimistic edits, so both agree.
 */
import type { BusinessCalendar } from '../calendar/types.ts';
import type { Channel, TicketStatus, Urgency } from '../protocol/entities.ts';

export type SlaState = 'none' | 'ok' | 'warning' | 'breached' | 'paused' | 'met';
export type SlaTarget = 'response' | 'resolution';

export interface SlaTargets {
  /** Business minutes to the first response (the ticket leaves `new`). */
  readonly response: number;
  /** Business minutes to resolution. */
  readonly resolution: number;
}

const BUSINESS_DAY = 13 * 60;

/** The promise of a portal ticket; a phone ticket gets the same. */
const PERSONAL_PROMISE: Readonly<Record<Urgency, SlaTargets>> = Object.freeze({
  critical: Object.freeze({ response: 30, resolution: 4 * 60 }),
  high: Object.freeze({ response: 60, resolution: 8 * 60 }),
  medium: Object.freeze({ response: 4 * 60, resolution: 2 * BUSINESS_DAY }),
  low: Object.freeze({ response: 8 * 60, resolution: 5 * BUSINESS_DAY }),
});

/** Targets per channel and urgency; null = no promise on that channel. */
export const SLA_TARGETS: Readonly<Record<Channel, Readonly<Record<Urgency, SlaTargets>> | null>> = Object.freeze({
  portal: PERSONAL_PROMISE,
  phone: PERSONAL_PROMISE,
  email: null,
});

/** A clock with less than this share of its target left is a warning. */
export const SLA_WARNING_SHARE = 0.25;

export interface SlaInput {
  readonly channel: Channel;
  readonly urgency: Urgency;
  readonly status: TicketStatus;
  readonly createdAt: Date | string;
  readonly waitingSince: Date | string | null;
  readonly slaPausedMinutes: number;
  readonly resolvedAt: Date | string | null;
  /** The last change; where a finished ticket's clock stops when `resolvedAt` is missing. */
  readonly updatedAt?: Date | string;
}

export interface Sla {
  readonly state: SlaState;
  /** When the target falls due; null when there is no promise or the clock is paused (the due time moves). */
  readonly dueAt: string | null;
  /** Business minutes left; negative when overdue; null without a promise. Frozen while paused or once resolved. */
  readonly minutesLeft: number | null;
  /** Which promise the clock runs against; absent without one. */
  readonly target?: SlaTarget;
}

const NO_SLA: Sla = Object.freeze({ state: 'none', dueAt: null, minutesLeft: null });

function ms(value: Date | string, what: string): number {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(t)) throw new RangeError(`slaFor: ${what} is not a valid instant (${String(value)}).`);
  return t;
}

export function slaTargetsFor(channel: Channel, urgency: Urgency): SlaTargets | null {
  return SLA_TARGETS[channel]?.[urgency] ?? null;
}

/** The SLA clock of one ticket at `now`. */
export function slaFor(ticket: SlaInput, now: Date, calendar: Pick<BusinessCalendar, 'businessMinutesBetween' | 'addBusinessMinutes'>): Sla {
  const targets = slaTargetsFor(ticket.channel, ticket.urgency);
  if (targets === null || ticket.status === 'cancelled') return NO_SLA;
  const createdMs = ms(ticket.createdAt, 'createdAt');
  const nowMs = ms(now, 'now');
  const paused = Math.max(0, ticket.slaPausedMinutes);
  const target: SlaTarget = ticket.status === 'new' ? 'response' : 'resolution';
  const budget = targets[target];
  const elapsedUntil = (endMs: number): number => Math.max(0, calendar.businessMinutesBetween(createdMs, Math.max(createdMs, endMs)) - paused);
  const dueAt = (): string => calendar.addBusinessMinutes(createdMs, budget + paused).toISOString();

  if (ticket.status === 'resolved' || ticket.status === 'closed') {
    const stoppedAt = ticket.resolvedAt ?? ticket.updatedAt ?? null;
    // Finished at an unknown time: no honest verdict, and counting to now would grow forever.
    if (stoppedAt === null) return NO_SLA;
    const left = budget - elapsedUntil(Math.min(nowMs, ms(stoppedAt, ticket.resolvedAt === null ? 'updatedAt' : 'resolvedAt')));
    return { state: left >= 0 ? 'met' : 'breached', dueAt: dueAt(), minutesLeft: left, target };
  }

  const waiting = ticket.waitingSince !== null || ticket.status === 'waiting_customer';
  if (waiting) {
    const sinceMs = ticket.waitingSince === null ? nowMs : Math.min(nowMs, ms(ticket.waitingSince, 'waitingSince'));
    return { state: 'paused', dueAt: null, minutesLeft: budget - elapsedUntil(sinceMs), target };
  }

  const left = budget - elapsedUntil(nowMs);
  const state: SlaState = left <= 0 ? 'breached' : left < budget * SLA_WARNING_SHARE ? 'warning' : 'ok';
  return { state, dueAt: dueAt(), minutesLeft: left, target };
}

/** The fields of a ticket that carry its SLA clock between status moves. */
export interface SlaClockFields {
  readonly waitingSince: string | null;
  readonly slaPausedMinutes: number;
  readonly resolvedAt: string | null;
}

/**
 * The SLA fields after the ticket moves from its status to `to` at `at`:
 *
 *   leaving waiting_customer     the wait is banked into slaPausedMinutes
 *   entering waiting_customer    waitingSince = at (the clock stands still)
 *   entering resolved            resolvedAt = at (the clock stops)
 *   resolved → in_progress       the time spent resolved is banked and
 *                                resolvedAt cleared (the clock resumes where
 *                                it stopped)
 *   resolved → closed            unchanged: closing does not move the verdict
 *
 * Pauses are counted in business minutes of `calendar`, as the clock is.
 */
export function slaFieldsAfterMove(
  ticket: SlaClockFields & { readonly status: TicketStatus },
  to: TicketStatus,
  at: Date,
  calendar: Pick<BusinessCalendar, 'businessMinutesBetween'>,
): SlaClockFields {
  const atMs = ms(at, 'at');
  const banked = (sinceIso: string): number => calendar.businessMinutesBetween(Math.min(atMs, ms(sinceIso, 'since')), atMs);
  let { waitingSince, slaPausedMinutes, resolvedAt } = ticket;
  if (ticket.status === 'waiting_customer' && waitingSince !== null) {
    slaPausedMinutes += banked(waitingSince);
    waitingSince = null;
  }
  if (ticket.status === 'resolved' && to === 'in_progress') {
    if (resolvedAt !== null) slaPausedMinutes += banked(resolvedAt);
    resolvedAt = null;
  }
  if (to === 'waiting_customer') waitingSince = at.toISOString();
  if (to === 'resolved') resolvedAt = at.toISOString();
  return { waitingSince, slaPausedMinutes, resolvedAt };
}
