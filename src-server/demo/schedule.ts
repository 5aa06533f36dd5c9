/**
 * Every technician's bookings, day by day, so the demo never double-books
 * anyone, keeps every visit inside the business day, and leaves room to
 * travel between on-site visits (DESIGN.md §1 and §3: TECHNICIAN_BUSY,
 * INSUFFICIENT_TRAVEL_TIME, OUTSIDE_BUSINESS_HOURS, HOLIDAY).
 *
 * Bookings of one technician on one day are a short sorted list, so finding
 * a slot is a walk over the gaps of a few days: linear in the bookings of
 * those days, never in the size of the company.
 */
import type { BusinessCalendar } from '../../src-shared/calendar/index.ts';
import type { TravelTimeEstimator } from '../../src-shared/travel/index.ts';
import { MINUTE_MS, dayStart, isoDateOfDay, limaDay, limaMinute } from './clock.ts';

const QUARTER_MS = 15 * MINUTE_MS;

/**
 * Minutes a technician needs between a remote session and an on-site visit
 * (either order): the travel model only knows districts, and a remote session
 * has none, so we leave time to get to (or away from) a desk with a laptop.
 */
export const REMOTE_ONSITE_BUFFER_MINUTES = 30;

export interface Booking {
  readonly start: number;
  readonly end: number;
  /** UBIGEO of an on-site visit; null for a remote session. */
  readonly district: string | null;
}

export interface SlotRequest {
  readonly technician: number;
  /** No start before this instant. */
  readonly earliest: number;
  readonly minutes: number;
  readonly district: string | null;
  /** Minute of the Lima day the booker would like, e.g. 600 = 10:00; the closest free slot wins. */
  readonly preferredMinute: number;
  /** How many open days to look at before giving up. */
  readonly maxOpenDays: number;
}

interface Window {
  readonly opens: number;
  readonly closes: number;
}

export class TechnicianSchedule {
  readonly #calendar: BusinessCalendar;
  readonly #travel: TravelTimeEstimator;
  readonly #days: Array<Map<number, Booking[]>> = [];
  readonly #windows = new Map<number, Window | null>();
  readonly #travelCache = new Map<string, number>();
  /** Booked minutes per technician: lets callers spread work over the team. */
  readonly bookedMinutes: number[] = [];

  constructor(calendar: BusinessCalendar, travel: TravelTimeEstimator, technicians: number) {
    this.#calendar = calendar;
    this.#travel = travel;
    for (let i = 0; i < technicians; i++) {
      this.#days.push(new Map());
      this.bookedMinutes.push(0);
    }
  }

  /** The open hours of a Lima day as instants, or null when the desk is closed. */
  window(day: number): Window | null {
    const cached = this.#windows.get(day);
    if (cached !== undefined) return cached;
    const view = this.#calendar.day(isoDateOfDay(day));
    let result: Window | null = null;
    if (view.open && view.opensAt !== undefined && view.closesAt !== undefined) {
      const start = dayStart(day);
      result = { opens: start + toMinutes(view.opensAt) * MINUTE_MS, closes: start + toMinutes(view.closesAt) * MINUTE_MS };
    }
    this.#windows.set(day, result);
    return result;
  }

  /** Minutes that must separate `from` (ending at `departAt`) and the next booking `to`. */
  separation(from: string | null, to: string | null, departAt: number): number {
    if (from === null && to === null) return 0;
    if (from === null || to === null) return REMOTE_ONSITE_BUFFER_MINUTES;
    const key = `${from}${to}${limaMinute(departAt)}`;
    let minutes = this.#travelCache.get(key);
    if (minutes === undefined) {
      minutes = this.#travel.minutesBetween(from, to, new Date(departAt));
      this.#travelCache.set(key, minutes);
    }
    return minutes;
  }

  /** The free start closest to the preferred time on the first open day that has one, or null. */
  findSlot(request: SlotRequest): number | null {
    const durationMs = request.minutes * MINUTE_MS;
    let day = limaDay(request.earliest);
    let openDays = 0;
    // Closed stretches are short (weekends, holidays); the bound only guards against a broken calendar.
    for (let scanned = 0; openDays < request.maxOpenDays && scanned < request.maxOpenDays * 3 + 15; scanned++, day++) {
      const win = this.window(day);
      if (win === null) continue;
      openDays++;
      const lo = Math.max(win.opens, ceilQuarter(request.earliest));
      if (lo + durationMs > win.closes) continue;
      const preferred = dayStart(day) + request.preferredMinute * MINUTE_MS;
      const found = this.#bestInDay(request, this.#days[request.technician]?.get(day) ?? [], lo, win.closes, preferred, durationMs);
      if (found !== null) return found;
    }
    return null;
  }

  #bestInDay(request: SlotRequest, bookings: readonly Booking[], lo: number, closes: number, preferred: number, durationMs: number): number | null {
    let best: number | null = null;
    for (let i = 0; i <= bookings.length; i++) {
      const prev = bookings[i - 1];
      const next = bookings[i];
      let gapLo = lo;
      if (prev !== undefined) gapLo = Math.max(gapLo, ceilQuarter(prev.end + this.separation(prev.district, request.district, prev.end) * MINUTE_MS));
      const gapEnd = next === undefined ? closes : Math.min(closes, next.start);
      let start = Math.min(Math.max(preferred, gapLo), gapEnd - durationMs);
      start = Math.floor(start / QUARTER_MS) * QUARTER_MS;
      // Leaving later can mean arriving later (peak hours), so step back until the next booking is reachable.
      while (start >= gapLo && next !== undefined && start + durationMs + this.separation(request.district, next.district, start + durationMs) * MINUTE_MS > next.start) {
        start -= QUARTER_MS;
      }
      if (start < gapLo || start + durationMs > gapEnd) continue;
      if (best === null || Math.abs(start - preferred) < Math.abs(best - preferred)) best = start;
    }
    return best;
  }

  /** Records a booking found by findSlot. */
  book(technician: number, booking: Booking): void {
    const days = this.#days[technician];
    if (days === undefined) throw new Error(`demo schedule: no technician #${technician}`);
    const day = limaDay(booking.start);
    let list = days.get(day);
    if (list === undefined) {
      list = [];
      days.set(day, list);
    }
    let at = list.length;
    while (at > 0 && (list[at - 1] as Booking).start > booking.start) at--;
    list.splice(at, 0, booking);
    this.bookedMinutes[technician] = (this.bookedMinutes[technician] ?? 0) + (booking.end - booking.start) / MINUTE_MS;
  }

  /** Drops days before `day`: nothing is ever booked in the past of the ticket being simulated. */
  forgetBefore(day: number): void {
    for (const days of this.#days) {
      for (const key of days.keys()) if (key < day) days.delete(key);
    }
    for (const key of this.#windows.keys()) if (key < day) this.#windows.delete(key);
  }
}

function ceilQuarter(ms: number): number {
  return Math.ceil(ms / QUARTER_MS) * QUARTER_MS;
}

function toMinutes(hourMinute: string): number {
  return Number(hourMinute.slice(0, 2)) * 60 + Number(hourMinute.slice(3, 5));
}
