/**
 * What the desk adds to a ticket row on the way out: its place in the queue
 * (priority level P1–P16 and the words that explain it) and its SLA clock, both in
 * business time from the company calendar.
 */
import type { BusinessCalendar } from '../../../src-shared/calendar/types.ts';
import type { Channel, TicketStatus, Tier, Urgency } from '../../../src-shared/protocol/entities.ts';
import { rankTicket } from '../../../src-shared/tickets/rank.ts';
import { slaFor, type Sla } from '../../../src-shared/tickets/sla.ts';

export interface ClockInput {
  readonly id: string;
  readonly number: number | null;
  readonly channel: Channel;
  readonly urgency: Urgency;
  readonly status: TicketStatus;
  readonly tier: Tier | null;
  readonly createdAt: string;
  readonly waitingSince: string | null;
  readonly slaPausedMinutes: number;
  readonly resolvedAt: string | null;
  /** Where a finished ticket's SLA clock stops if `resolvedAt` is missing (never "now"). */
  readonly updatedAt: string;
}

export interface TicketClock {
  /** `score` is the priority level 1–16 (P1 first), see src-shared/tickets/rank.ts. */
  readonly rank: { readonly score: number; readonly explanation: { readonly es: string; readonly en: string } };
  readonly sla: Sla;
}

export function ticketClock(ticket: ClockInput, now: Date, calendar: BusinessCalendar): TicketClock {
  const rank = rankTicket(
    { id: ticket.id, ...(ticket.number === null ? {} : { label: `#${ticket.number}` }), createdAt: ticket.createdAt, urgency: ticket.urgency, tier: ticket.tier, status: ticket.status },
    now,
    { calendar },
  );
  return { rank: { score: rank.score, explanation: rank.explanation }, sla: slaFor(ticket, now, calendar) };
}
