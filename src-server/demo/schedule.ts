/**
 * Every technician's bookings, day by day, so the demo never double-books
 * anyone, keeps every visit inside the business day, and leaves room to
 * travel exactly as the server's booking rules demand (src-shared/visits:
 * TECHNICIAN_BUSY, INSUFFICIENT_TRAVEL_TIME, OUTSIDE_BUSINESS_HOURS, HOLIDAY).
 *
 * The travel model is the server's (travel-gaps.ts): a technician is at a
 * place only during on-site visits, and at home when the desk opens; remote
 * sessions have no place but take driving time away. So every "leg" between
 * consecutive places of a day must satisfy
 *   next.start − prev.end − (remote minutes booked in between) ≥ travel(prev → next, leaving at prev.end).
 * Each booking checks only the legs it touches, and a cancellation is
 * allowed only when the merged leg still fits, so the invariant holds for
 * the whole day at every step.
 *
 * Bookings of one technician on one day are a short sorted list, so finding
 * a slot is a walk over the gaps of a few days: linear in the bookings of
 * those days, never in the size of the company.
 */
import type { BusinessCalendar } from '../../src-shared/calendar/index.ts';
import type { TravelTimeEstimator } from '../../src-shared/travel/index.ts';
import { MINUTE_MS, dayStart, isoDateOfDay, limaDay, limaMinute } from './clock.ts';

const QUARTER_MS = 15 * MINUTE_MS;

export interface Booking {
  readonly start: number;
  readonly end: number;
  /** UBIGEO of an on-site visit; null for a remote session. */
  readonly district: string | null;
}

export interface SlotRequest {
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

/** A place the technician is at: an on-site visit, or home at opening time (start = end = opens). */
interface Anchor {
  readonly end: number;
  readonly start: number;
  readonly district: string;
}

export class TechnicianSchedule {
  readonly #calendar: BusinessCalendar;
  readonly #travel: TravelTimeEstimator;
  readonly #homes: ReadonlyArray<string | null>;
  readonly #days: Array<Map<number, Booking[]>> = [];
  readonly #windows = new Map<number, Window | null>();
  /** Travel minutes by (from, to, departure minute of day); bookings sit on a 15-minute grid, so it stays small. */
  readonly #travelCache = new Map<number, number>();
  readonly #districtIndex = new Map<string, number>();
  /** Booked minutes per technician: lets callers spread work over the team. */
  readonly bookedMinutes: number[] = [];

  /** `homes[i]`: technician i's home district (where the day starts), or null. */
  constructor(calendar: BusinessCalendar, travel: TravelTimeEstimator, homes: ReadonlyArray<string | null>) {
    this.#calendar = calendar;
    this.#travel = travel;
    this.#homes = homes;
    for (let i = 0; i < homes.length; i++) {
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

  /** Whole minutes to drive between two districts leaving at `departAt` (the shared travel model, memoised). */
  travelMinutes(from: string, to: string, departAt: number): number {
    const key = (this.#indexOf(from) * 4_096 + this.#indexOf(to)) * 1_440 + limaMinute(departAt);
    let minutes = this.#travelCache.get(key);
    if (minutes === undefined) {
      minutes = this.#travel.minutesBetween(from, to, new Date(departAt));
      this.#travelCache.set(key, minutes);
    }
    return minutes;
  }

  #indexOf(ubigeo: string): number {
    let index = this.#districtIndex.get(ubigeo);
    if (index === undefined) {
      index = this.#districtIndex.size;
      this.#districtIndex.set(ubigeo, index);
    }
    return index;
  }

  /**
   * The first open day on which one of `technicians` is free, and on that day
   * the free start closest to the preferred time. Day by day for all
   * candidates at once, so a busy candidate never makes us scan weeks ahead.
   */
  findSlot(request: SlotRequest, technicians: readonly number[]): { readonly technician: number; readonly start: number } | null {
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
      let best: { technician: number; start: number } | null = null;
      for (const technician of technicians) {
        const start = this.#bestInDay(technician, day, win, request.district, lo, preferred, durationMs);
        if (start !== null && (best === null || Math.abs(start - preferred) < Math.abs(best.start - preferred))) best = { technician, start };
      }
      if (best !== null) return best;
    }
    return null;
  }

  #home(technician: number, win: Window): Anchor | null {
    const home = this.#homes[technician] ?? null;
    return home === null ? null : { start: win.opens, end: win.opens, district: home };
  }

  /** Remote minutes booked in [from, to) of a day's list. */
  #remoteMinutes(bookings: readonly Booking[], from: number, to: number): number {
    let total = 0;
    for (const b of bookings) if (b.district === null) total += Math.max(0, Math.min(b.end, to) - Math.max(b.start, from));
    return total;
  }

  /** The last place before index `i` (an on-site booking, else home), or null. */
  #placeBefore(bookings: readonly Booking[], i: number, home: Anchor | null): Anchor | null {
    for (let j = i - 1; j >= 0; j--) {
      const b = bookings[j] as Booking;
      if (b.district !== null) return { start: b.start, end: b.end, district: b.district };
    }
    return home;
  }

  #placeFrom(bookings: readonly Booking[], i: number): Anchor | null {
    for (let j = i; j < bookings.length; j++) {
      const b = bookings[j] as Booking;
      if (b.district !== null) return { start: b.start, end: b.end, district: b.district };
    }
    return null;
  }

  /** Does the leg prev → next leave enough driving time, with `extraBlocked` ms of a new remote session in it? */
  #legFits(bookings: readonly Booking[], prev: Anchor, next: Anchor, extraBlockedMs: number): boolean {
    const available = next.start - prev.end - this.#remoteMinutes(bookings, prev.end, next.start) - extraBlockedMs;
    return available >= this.travelMinutes(prev.district, next.district, prev.end) * MINUTE_MS;
  }

  #bestInDay(technician: number, day: number, win: Window, district: string | null, lo: number, preferred: number, durationMs: number): number | null {
    const bookings = this.#days[technician]?.get(day) ?? [];
    const home = this.#home(technician, win);
    let best: number | null = null;
    for (let i = 0; i <= bookings.length; i++) {
      const before = bookings[i - 1];
      const after = bookings[i];
      let gapLo = Math.max(lo, before?.end ?? lo);
      const gapEnd = Math.min(win.closes, after?.start ?? win.closes);
      const prev = this.#placeBefore(bookings, i, home);
      const next = this.#placeFrom(bookings, i);
      if (district === null) {
        // A remote session only takes driving time out of the leg it sits in.
        if (prev !== null && next !== null && !this.#legFits(bookings, prev, next, durationMs)) continue;
      } else if (prev !== null) {
        const drive = this.travelMinutes(prev.district, district, prev.end) * MINUTE_MS;
        gapLo = Math.max(gapLo, prev.end + drive + this.#remoteMinutes(bookings, prev.end, gapLo));
      }
      gapLo = ceilQuarter(gapLo);
      let start = Math.min(Math.max(preferred, gapLo), gapEnd - durationMs);
      start = Math.floor(start / QUARTER_MS) * QUARTER_MS;
      // Leaving later can mean arriving later (peak hours), so step back until the next place is reachable.
      while (district !== null && next !== null && start >= gapLo) {
        const end = start + durationMs;
        const available = next.start - end - this.#remoteMinutes(bookings, end, next.start);
        if (available >= this.travelMinutes(district, next.district, end) * MINUTE_MS) break;
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

  /**
   * Frees a cancelled booking — only when the day still works without it
   * (the server ignores cancelled visits, so the two legs around a cancelled
   * on-site visit become one that must fit). Returns false, keeping the
   * booking, when it does not; the caller then lets the visit happen.
   */
  cancel(technician: number, booking: Booking): boolean {
    const day = limaDay(booking.start);
    const list = this.#days[technician]?.get(day);
    const win = this.window(day);
    const index = list?.indexOf(booking) ?? -1;
    if (list === undefined || win === null || index < 0) return false;
    if (booking.district !== null) {
      const rest = list.filter((b) => b !== booking);
      const prev = this.#placeBefore(rest, index, this.#home(technician, win));
      const next = this.#placeFrom(rest, index);
      if (prev !== null && next !== null && !this.#legFits(rest, prev, next, 0)) return false;
    }
    list.splice(index, 1);
    this.bookedMinutes[technician] = (this.bookedMinutes[technician] ?? 0) - (booking.end - booking.start) / MINUTE_MS;
    return true;
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
