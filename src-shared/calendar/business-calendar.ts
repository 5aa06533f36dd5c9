/**
 * The company's business calendar: Mon–Fri 08:00–21:00 America/Lima, minus
 * national holidays, with company overrides (closures and openings) on top.
 *
 * Everything runs on Lima day numbers with a fixed UTC-5 offset (see
 * lima-time.ts) and each resolved day is memoised, so the interval functions
 * cost O(days spanned), never O(minutes): the server checks every booking and
 * the SLA timer sums business minutes for thousands of rows.
 */
import type { CalendarDay, CalendarMonth } from '../ipc/desk-api.ts';
import {
  MINUTE_MS,
  assertMonth,
  assertYear,
  dayNumberFromParts,
  dayNumberOf,
  dayStartMs,
  epochMsOrNull,
  formatHourMinute,
  isoDateOfDay,
  isoWeekday,
  parseHourMinute,
  parseIsoDate,
  partsOfDay,
  toEpochMs,
} from './lima-time.ts';
import { END_NOT_AFTER_START_MESSAGE, INVALID_INSTANT_MESSAGE, closureMessage, holidayMessage, outsideHoursMessage, weekendMessage } from './messages.ts';
import { peruNationalHolidays } from './peru-holidays.ts';
import {
  LIMA_TZ,
  STANDARD_CLOSES_AT,
  STANDARD_OPENS_AT,
  type BusinessCalendar,
  type BusinessCalendarOptions,
  type CalendarOverride,
  type Instant,
  type IntervalCheck,
  type NationalHoliday,
  type NationalHolidaySource,
} from './types.ts';

const STANDARD_OPENS_MIN = parseHourMinute(STANDARD_OPENS_AT, 'opensAt');
const STANDARD_CLOSES_MIN = parseHourMinute(STANDARD_CLOSES_AT, 'closesAt');

/**
 * How many closed days in a row we accept before deciding the data is broken.
 * Real calendars never close for more than a couple of weeks; without a bound a
 * bad holiday source would make nextOpening/addBusinessMinutes loop forever.
 */
const MAX_CLOSED_RUN_DAYS = 400;

interface ValidOverride {
  readonly kind: 'closure' | 'opening';
  readonly name: string;
  readonly opensMin: number;
  readonly closesMin: number;
}

/** One Lima day, resolved once: the public CalendarDay plus its open window as instants. */
interface ResolvedDay {
  readonly view: CalendarDay;
  readonly open: boolean;
  /** Epoch ms of opening and closing; equal (an empty window) when closed. */
  readonly opensMs: number;
  readonly closesMs: number;
}

interface HolidayYear {
  readonly list: ReadonlyArray<NationalHoliday>;
  readonly byDay: ReadonlyMap<number, string>;
}

function validateOverrides(overrides: readonly CalendarOverride[]): Map<number, ValidOverride> {
  const byDay = new Map<number, ValidOverride>();
  for (const [index, o] of overrides.entries()) {
    const where = `override #${index} (${JSON.stringify(o?.date)})`;
    const dayNumber = parseIsoDate(o.date, `${where} date`);
    if (o.kind !== 'closure' && o.kind !== 'opening') throw new Error(`Business calendar: ${where} kind must be "closure" or "opening", got ${JSON.stringify(o.kind)}.`);
    if (typeof o.name !== 'string' || o.name.trim() === '') throw new Error(`Business calendar: ${where} needs a name people can read.`);
    if (byDay.has(dayNumber)) throw new Error(`Business calendar: ${where} repeats a date; keep one override per day.`);
    if (o.kind === 'closure' && (o.opensAt !== undefined || o.closesAt !== undefined)) {
      throw new Error(`Business calendar: ${where} is a closure (closed all day) and cannot carry opening hours.`);
    }
    const opensMin = o.opensAt === undefined ? STANDARD_OPENS_MIN : parseHourMinute(o.opensAt, `${where} opensAt`);
    const closesMin = o.closesAt === undefined ? STANDARD_CLOSES_MIN : parseHourMinute(o.closesAt, `${where} closesAt`);
    if (closesMin <= opensMin) throw new Error(`Business calendar: ${where} closes (${formatHourMinute(closesMin)}) before it opens (${formatHourMinute(opensMin)}).`);
    byDay.set(dayNumber, { kind: o.kind, name: o.name.trim(), opensMin, closesMin });
  }
  return byDay;
}

export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const overrides = validateOverrides(options.overrides ?? []);
  const holidaySource: NationalHolidaySource = options.nationalHolidays ?? peruNationalHolidays;
  const holidayYears = new Map<number, HolidayYear>();
  const days = new Map<number, ResolvedDay>();

  function holidayYear(year: number): HolidayYear {
    const cached = holidayYears.get(year);
    if (cached !== undefined) return cached;
    const list: NationalHoliday[] = [];
    const byDay = new Map<number, string>();
    for (const h of holidaySource(year)) {
      const dayNumber = parseIsoDate(h.date, `holiday ${JSON.stringify(h.name)}`);
      if (partsOfDay(dayNumber).year !== year) throw new Error(`Business calendar: the holiday source returned ${h.date} for year ${year}.`);
      if (byDay.has(dayNumber)) continue; // Two names for one date: the day is closed either way, keep the first.
      byDay.set(dayNumber, h.name);
      list.push({ date: h.date, name: h.name });
    }
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const entry: HolidayYear = { list: Object.freeze(list), byDay };
    holidayYears.set(year, entry);
    return entry;
  }

  function openDay(dayNumber: number, view: CalendarDay, opensMin: number, closesMin: number): ResolvedDay {
    const start = dayStartMs(dayNumber);
    return { view: Object.freeze(view), open: true, opensMs: start + opensMin * MINUTE_MS, closesMs: start + closesMin * MINUTE_MS };
  }

  function closedDay(dayNumber: number, view: CalendarDay): ResolvedDay {
    const start = dayStartMs(dayNumber);
    return { view: Object.freeze(view), open: false, opensMs: start, closesMs: start };
  }

  /** The single place the rules are decided: override, then holiday, then weekend, then the usual hours. */
  function resolve(dayNumber: number): ResolvedDay {
    const cached = days.get(dayNumber);
    if (cached !== undefined) return cached;
    const date = isoDateOfDay(dayNumber);
    const weekday = isoWeekday(dayNumber);
    const holidayName = holidayYear(partsOfDay(dayNumber).year).byDay.get(dayNumber);
    const weekend = weekday >= 6;
    const override = overrides.get(dayNumber);
    let day: ResolvedDay;
    if (override?.kind === 'closure') {
      day = closedDay(dayNumber, { date, weekday, open: false, reason: 'closure', name: override.name });
    } else if (override?.kind === 'opening') {
      const opensAt = formatHourMinute(override.opensMin);
      const closesAt = formatHourMinute(override.closesMin);
      const wouldBeClosed = holidayName !== undefined || weekend;
      const view: CalendarDay = wouldBeClosed
        ? { date, weekday, open: true, opensAt, closesAt, name: override.name, companyOpening: true }
        : { date, weekday, open: true, opensAt, closesAt, name: override.name };
      day = openDay(dayNumber, view, override.opensMin, override.closesMin);
    } else if (holidayName !== undefined) {
      // A holiday that falls on a weekend is reported as the holiday: its name says more.
      day = closedDay(dayNumber, { date, weekday, open: false, reason: 'holiday', name: holidayName });
    } else if (weekend) {
      day = closedDay(dayNumber, { date, weekday, open: false, reason: 'weekend' });
    } else {
      day = openDay(dayNumber, { date, weekday, open: true, opensAt: STANDARD_OPENS_AT, closesAt: STANDARD_CLOSES_AT }, STANDARD_OPENS_MIN, STANDARD_CLOSES_MIN);
    }
    days.set(dayNumber, day);
    return day;
  }

  function tooManyClosedDays(fromMs: number): Error {
    return new Error(`Business calendar: no open day within ${MAX_CLOSED_RUN_DAYS} days after ${new Date(fromMs).toISOString()}; check the holidays and overrides.`);
  }

  function monthDays(year: number, month: number): { first: number; last: number } {
    assertMonth(year, month);
    const first = dayNumberFromParts(year, month, 1);
    const last = dayNumberFromParts(year, month + 1, 1) - 1; // Date.UTC rolls month 13 into January.
    return { first, last };
  }

  return {
    timezone: LIMA_TZ,

    day(date: string): CalendarDay {
      return resolve(parseIsoDate(date)).view;
    },

    month(year: number, month: number): CalendarMonth {
      const { first, last } = monthDays(year, month);
      const list: CalendarDay[] = [];
      let businessDays = 0;
      let businessMs = 0;
      for (let dn = first; dn <= last; dn++) {
        const d = resolve(dn);
        list.push(d.view);
        if (d.open) {
          businessDays++;
          businessMs += d.closesMs - d.opensMs;
        }
      }
      return { year, month, timezone: LIMA_TZ, businessDays, businessMinutes: businessMs / MINUTE_MS, days: list };
    },

    holidays(year: number): ReadonlyArray<NationalHoliday> {
      assertYear(year);
      return holidayYear(year).list;
    },

    isOpen(at: Instant): boolean {
      const ms = toEpochMs(at);
      const d = resolve(dayNumberOf(ms));
      return d.open && ms >= d.opensMs && ms < d.closesMs;
    },

    nextOpening(at: Instant): Date {
      const ms = toEpochMs(at);
      let dn = dayNumberOf(ms);
      const today = resolve(dn);
      if (today.open && ms < today.closesMs) return new Date(Math.max(ms, today.opensMs));
      for (let closedRun = 0; closedRun < MAX_CLOSED_RUN_DAYS; closedRun++) {
        dn++;
        const d = resolve(dn);
        if (d.open) return new Date(d.opensMs);
      }
      throw tooManyClosedDays(ms);
    },

    businessMinutesBetween(from: Instant, to: Instant): number {
      const fromMs = toEpochMs(from, 'from');
      const toMs = toEpochMs(to, 'to');
      if (toMs <= fromMs) return 0;
      let openMs = 0;
      const lastDay = dayNumberOf(toMs);
      for (let dn = dayNumberOf(fromMs); dn <= lastDay; dn++) {
        const d = resolve(dn);
        if (!d.open) continue;
        const lo = Math.max(fromMs, d.opensMs);
        const hi = Math.min(toMs, d.closesMs);
        if (hi > lo) openMs += hi - lo;
      }
      return openMs / MINUTE_MS;
    },

    addBusinessMinutes(from: Instant, minutes: number): Date {
      const fromMs = toEpochMs(from, 'from');
      if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
        throw new Error(`Business calendar: minutes must be a finite number >= 0, got ${String(minutes)}.`);
      }
      let remaining = Math.round(minutes * MINUTE_MS);
      // Zero minutes reach `from` itself, open or not: the earliest instant with 0 open minutes behind it.
      if (remaining === 0) return new Date(fromMs);
      let cursor = fromMs;
      let dn = dayNumberOf(fromMs);
      let idleRun = 0;
      for (;;) {
        const d = resolve(dn);
        const lo = Math.max(cursor, d.opensMs);
        const available = d.open ? d.closesMs - lo : 0;
        if (available > 0) {
          if (remaining <= available) return new Date(lo + remaining);
          remaining -= available;
          idleRun = 0;
        } else if (++idleRun > MAX_CLOSED_RUN_DAYS) {
          throw tooManyClosedDays(fromMs);
        }
        dn++;
        cursor = dayStartMs(dn);
      }
    },

    nthBusinessDay(year: number, month: number, n: number): string | null {
      const { first, last } = monthDays(year, month);
      if (!Number.isInteger(n) || n < 1) throw new Error(`Business calendar: n must be an integer >= 1, got ${String(n)}.`);
      let seen = 0;
      for (let dn = first; dn <= last; dn++) {
        const d = resolve(dn);
        if (d.open && ++seen === n) return d.view.date;
      }
      return null;
    },

    checkInterval(start: Instant, end: Instant): IntervalCheck {
      const startMs = epochMsOrNull(start);
      const endMs = epochMsOrNull(end);
      if (startMs === null || endMs === null) return { ok: false, code: 'VALIDATION', message: INVALID_INSTANT_MESSAGE };
      const dn = dayNumberOf(startMs);
      const d = resolve(dn);
      const date = d.view.date;
      if (endMs <= startMs) return { ok: false, code: 'VALIDATION', message: END_NOT_AFTER_START_MESSAGE, date };
      if (!d.open) {
        const name = d.view.name ?? '';
        switch (d.view.reason) {
          case 'holiday':
            return { ok: false, code: 'HOLIDAY', message: holidayMessage(dn, name), date, holidayName: name };
          case 'closure':
            return { ok: false, code: 'HOLIDAY', message: closureMessage(dn, name), date, holidayName: name };
          default:
            // Only weekends are closed without a holiday or closure behind them.
            return { ok: false, code: 'OUTSIDE_BUSINESS_HOURS', message: weekendMessage(dn), date };
        }
      }
      if (dayNumberOf(endMs) !== dn || startMs < d.opensMs || endMs > d.closesMs) {
        return { ok: false, code: 'OUTSIDE_BUSINESS_HOURS', message: outsideHoursMessage(d.view.opensAt ?? STANDARD_OPENS_AT, d.view.closesAt ?? STANDARD_CLOSES_AT), date };
      }
      return { ok: true, date };
    },
  };
}
