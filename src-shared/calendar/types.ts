/**
 * The business calendar's public shape. Implemented in `business-calendar.ts`;
 * booking rules, SLA timers, report deadlines and the Calendario screen use it.
 * Instants are `Date` (or epoch ms); calendar dates are Lima-local `YYYY-MM-DD`.
 */
import type { CalendarDay, CalendarMonth } from '../ipc/desk-api.ts';

export const LIMA_TZ = 'America/Lima';

/** A company decision that changes one day: a closure (e.g. an adopted día no laborable) or an opening. */
export interface CalendarOverride {
  readonly date: string;
  readonly kind: 'closure' | 'opening';
  readonly name: string;
  /** For openings or shortened days; defaults to the usual 08:00–21:00. */
  readonly opensAt?: string;
  readonly closesAt?: string;
}

export type Instant = Date | number;

/** The usual service hours, Lima time (DESIGN.md §1). */
export const STANDARD_OPENS_AT = '08:00';
export const STANDARD_CLOSES_AT = '21:00';

/** One national holiday (feriado nacional). */
export interface NationalHoliday {
  /** Lima calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Spanish name, as the law names it. */
  readonly name: string;
}

/** Where national holidays come from: by default the date-holidays package; a client may pass server-synced data. */
export type NationalHolidaySource = (year: number) => ReadonlyArray<NationalHoliday>;

export interface BusinessCalendarOptions {
  /** Company decisions, at most one per date; they win over holidays and weekends. */
  readonly overrides?: readonly CalendarOverride[];
  /** Replaces the built-in Peru national holidays (e.g. with the `calendarDay` rows synced from the server). */
  readonly nationalHolidays?: NationalHolidaySource;
}

export type IntervalCheck =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly code: 'HOLIDAY' | 'OUTSIDE_BUSINESS_HOURS' | 'VALIDATION'; readonly message: string; readonly date?: string; readonly holidayName?: string };

export interface BusinessCalendar {
  readonly timezone: typeof LIMA_TZ;
  /** How one Lima calendar day looks: open or not, hours, and why. */
  day(date: string): CalendarDay;
  month(year: number, month: number): CalendarMonth;
  /** National holidays of a year (Easter Sunday dropped), Spanish names. */
  holidays(year: number): ReadonlyArray<{ date: string; name: string }>;
  isOpen(at: Instant): boolean;
  /** `at` itself when open, else the next instant the desk opens. */
  nextOpening(at: Instant): Date;
  /** Open minutes in [from, to); 0 when to <= from. */
  businessMinutesBetween(from: Instant, to: Instant): number;
  /** The instant reached after `minutes` open minutes from `from` (minutes >= 0). */
  addBusinessMinutes(from: Instant, minutes: number): Date;
  /** The date of the nth (1-based) business day of a month, or null when the month has fewer. */
  nthBusinessDay(year: number, month: number, n: number): string | null;
  /** Does [start, end) lie inside one business day's open hours? Codes match DESIGN.md §3. */
  checkInterval(start: Instant, end: Instant): IntervalCheck;
}
