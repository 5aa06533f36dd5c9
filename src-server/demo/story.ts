/**
 * Records one ticket's life as it would have been written to the server:
 * status changes, replies, notes, visits and time entries, each stamped.
 * The life is simulated to its end, but nothing after "now" is kept: the
 * ticket's status is whatever it had reached by then, so young tickets are
 * open and old ones closed without a separate rule for each.
 */
import type { Ticket, TicketEvent, TicketStatus, TimeEntry, Visit } from '../../src-shared/protocol/entities.ts';
import type { BusinessCalendar } from '../../src-shared/calendar/index.ts';
import { MINUTE_MS, iso } from './clock.ts';
import type { Rng } from './prng.ts';

type EventKind = TicketEvent['kind'];

export class Story {
  readonly events: TicketEvent[] = [];
  readonly visits: Visit[] = [];
  readonly timeEntries: TimeEntry[] = [];
  status: TicketStatus = 'new';
  assigneeId: string | null = null;
  /** Set once a step falls after "now": the rest of the life has not happened yet. */
  stopped = false;
  /** Instant of the last recorded event (epoch ms). */
  last: number;
  resolvedAt: number | null = null;
  waitingSince: number | null = null;
  slaPausedMinutes = 0;

  readonly #rng: Rng;
  readonly #calendar: BusinessCalendar;
  readonly #now: number;
  readonly ticketId: string;

  constructor(rng: Rng, calendar: BusinessCalendar, nowMs: number, ticketId: string, createdAt: number) {
    this.#rng = rng;
    this.#calendar = calendar;
    this.#now = nowMs;
    this.ticketId = ticketId;
    this.last = createdAt;
  }

  get now(): number {
    return this.#now;
  }

  /** An instant `min`–`max` business minutes after `from` (the desk works Mon–Fri 08:00–21:00). */
  after(from: number, min: number, max: number): number {
    return this.#calendar.addBusinessMinutes(from, this.#rng.int(min, max)).getTime();
  }

  /**
   * Records an event at `at` (or just after the previous one). Returns its
   * instant, or null — and stops the story — when that is after now.
   */
  emit(at: number, kind: EventKind, authorId: string | null, body: string | null, fromStatus: TicketStatus | null = null, toStatus: TicketStatus | null = null): number | null {
    if (this.stopped) return null;
    const time = Math.max(at, this.last + MINUTE_MS);
    if (time > this.#now) {
      this.stopped = true;
      return null;
    }
    this.events.push({ id: this.#rng.uuid(), ticketId: this.ticketId, kind, authorId, body, fromStatus, toStatus, createdAt: iso(time) });
    this.last = time;
    return time;
  }

  /** A status change, with the SLA pause bookkeeping of waiting_customer. */
  setStatus(at: number, to: TicketStatus, authorId: string | null, body: string | null = null): number | null {
    const from = this.status;
    const time = this.emit(at, 'status', authorId, body, from, to);
    if (time === null) return null;
    if (from === 'waiting_customer' && this.waitingSince !== null) {
      this.slaPausedMinutes += this.#calendar.businessMinutesBetween(this.waitingSince, time);
      this.waitingSince = null;
    }
    if (to === 'waiting_customer') this.waitingSince = time;
    if (to === 'resolved') this.resolvedAt = time;
    this.status = to;
    return time;
  }

  /** Stops the story at `at` when that is after now (for waits that write no event). */
  reach(at: number): boolean {
    if (at > this.#now) this.stopped = true;
    return !this.stopped;
  }

  finish(base: Omit<Ticket, 'status' | 'assigneeId' | 'updatedAt' | 'waitingSince' | 'slaPausedMinutes' | 'resolvedAt'>): Ticket {
    return {
      ...base,
      status: this.status,
      assigneeId: this.assigneeId,
      updatedAt: iso(this.last),
      waitingSince: this.status === 'waiting_customer' && this.waitingSince !== null ? iso(this.waitingSince) : null,
      slaPausedMinutes: this.slaPausedMinutes,
      resolvedAt: (this.status === 'resolved' || this.status === 'closed') && this.resolvedAt !== null ? iso(this.resolvedAt) : null,
    };
  }
}
