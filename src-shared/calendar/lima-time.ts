/**
 * Lima wall-clock arithmetic with a fixed UTC-5 offset.
 *
 * Peru has not observed daylight saving time since 1994, so every instant
 * from then on is UTC-5 in America/Lima. Using the fixed offset instead of
 * Intl/tz lookups keeps the calendar cheap enough to run over thousands of
 * rows; test/unit/shared/calendar-timezone.test.ts checks the assumption
 * against @date-fns/tz for instants across 1994–2100.
 *
 * Dates are handled as "day numbers": whole days since 1970-01-01 in Lima,
 * which makes stepping day by day plain integer arithmetic.
 */
import type { Instant } from './types.ts';

export const LIMA_OFFSET_MINUTES = -5 * 60;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const LIMA_OFFSET_MS = LIMA_OFFSET_MINUTES * MINUTE_MS;

/** Years the calendar accepts. Outside this the fixed offset or the holiday data stop meaning anything. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MINUTE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Why an instant is unusable, or null when it is fine. */
function instantProblem(ms: unknown): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'is not a valid date/time';
  const year = new Date(ms + LIMA_OFFSET_MS).getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return `falls outside the supported years ${MIN_YEAR}–${MAX_YEAR}`;
  return null;
}

/** Epoch ms of an instant; throws on anything that is not a real point in time (a programmer error). */
export function toEpochMs(at: Instant, what = 'instant'): number {
  const ms = at instanceof Date ? at.getTime() : at;
  const problem = instantProblem(ms);
  if (problem !== null) throw new Error(`Business calendar: ${what} ${problem} (${String(at)}).`);
  return ms;
}

/** Like toEpochMs, but returns null instead of throwing: checkInterval reports bad input as VALIDATION. */
export function epochMsOrNull(at: unknown): number | null {
  const ms = at instanceof Date ? at.getTime() : at;
  return instantProblem(ms) === null ? (ms as number) : null;
}

export function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Business calendar: year must be an integer in ${MIN_YEAR}–${MAX_YEAR}, got ${String(year)}.`);
  }
}

export function assertMonth(year: number, month: number): void {
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`Business calendar: month must be an integer 1–12, got ${String(month)}.`);
  }
}

/** Lima day number of an instant. */
export function dayNumberOf(ms: number): number {
  return Math.floor((ms + LIMA_OFFSET_MS) / DAY_MS);
}

/** The instant a Lima day starts (00:00 Lima). */
export function dayStartMs(dayNumber: number): number {
  return dayNumber * DAY_MS - LIMA_OFFSET_MS;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Day number of a civil date (proleptic Gregorian); month is 1-based. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function partsOfDay(dayNumber: number): DateParts {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDateOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Parses a real `YYYY-MM-DD` calendar date into its day number; throws on anything else. */
export function parseIsoDate(date: string, what = 'date'): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match === null) throw new Error(`Business calendar: ${what} must be YYYY-MM-DD, got ${JSON.stringify(date)}.`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  assertYear(year);
  const dayNumber = dayNumberFromParts(year, month, day);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches dates that do not exist.
  if (isoDateOfDay(dayNumber) !== date) throw new Error(`Business calendar: ${what} ${date} does not exist.`);
  return dayNumber;
}

/** Minutes after midnight of an `HH:mm` string; throws on anything else. */
export function parseHourMinute(value: string, what: string): number {
  const match = typeof value === 'string' ? HOUR_MINUTE.exec(value) : null;
  if (match === null) throw new Error(`Business calendar: ${what} must be HH:mm (00:00–23:59), got ${JSON.stringify(value)}.`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatHourMinute(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The Lima calendar date (`YYYY-MM-DD`) an instant falls on. */
export function limaDateOf(at: Instant): string {
  return isoDateOfDay(dayNumberOf(toEpochMs(at)));
}

/** The instant of a Lima wall-clock time, e.g. limaInstant('2026-07-28', '08:00'). */
export function limaInstant(date: string, time: string): Date {
  return new Date(dayStartMs(parseIsoDate(date)) + parseHourMinute(time, 'time') * MINUTE_MS);
}

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const WEEKDAYS_ES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

/** "28 de julio de 2026" — how a date is written in a Spanish sentence. */
export function spanishDate(dayNumber: number): string {
  const { year, month, day } = partsOfDay(dayNumber);
  return `${day} de ${MONTHS_ES[month - 1] ?? ''} de ${year}`;
}

/** "sábado" — lower case, as inside a sentence. */
export function spanishWeekday(dayNumber: number): string {
  return WEEKDAYS_ES[isoWeekday(dayNumber) - 1] ?? '';
}
