/**
 * Calendar dates typed by hand, for the console's date fields (DateField).
 *
 * Day first in both languages: dd/mm/aaaa in Spanish, dd/mm/yyyy in English.
 * The company and every customer are in Peru, where dates are written day
 * first; the same keystrokes must mean the same day whichever language the
 * console is in, so "03/04/2026" is always the 3rd of April. The field shows
 * the date spelled out in the UI language under it, which removes any doubt
 * for someone used to month-first dates.
 *
 * Values are ISO `YYYY-MM-DD` civil dates (a Lima day), as everywhere else.
 * Pure, for the unit tests.
 */
import type { Locale } from '../../../src-shared/ipc/desk-api.ts';
import { addMonths, parseIsoDate, toIsoDate, weekRows, type CivilDate } from './format.ts';

export type DateEntryProblem = 'empty' | 'format' | 'noSuchDay' | 'afterMax' | 'beforeMin';

export type DateEntry = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly problem: DateEntryProblem };

export interface DateEntryRules {
  /** Today in Lima (`YYYY-MM-DD`): the year of a date typed without one. */
  readonly today: string;
  /** Latest date allowed, inclusive. */
  readonly max?: string;
  /** Earliest date allowed, inclusive. */
  readonly min?: string;
}

/** What the field shows as its placeholder: the format in the words of each language. */
export const DATE_ENTRY_PATTERN: Readonly<Record<Locale, string>> = { 'es-PE': 'dd/mm/aaaa', en: 'dd/mm/yyyy' };

/** "23/11/2026", "23-11-26", "23.11", "23 11 2026": day, month, optional year. */
const DAY_FIRST = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{2}|\d{4}))?$/;
/** "23112026": eight digits typed on a numeric keypad without separators. */
const COMPACT = /^(\d{2})(\d{2})(\d{4})$/;
/** "2026-11-23": pasted from a system or a spreadsheet. Year first is never ambiguous. */
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function civilOf(text: string, today: string): CivilDate | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
  const match = DAY_FIRST.exec(text) ?? COMPACT.exec(text);
  if (!match) return null;
  const typedYear = match[3];
  // A two-digit year is this century's: nobody logs work in 1926.
  const year = typedYear === undefined ? parseIsoDate(today).year : typedYear.length === 2 ? 2000 + Number(typedYear) : Number(typedYear);
  return { year, month: Number(match[2]), day: Number(match[1]) };
}

/** Reads what the person typed; the reason when it is not a usable date. */
export function parseDateEntry(typed: string, rules: DateEntryRules): DateEntry {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const civil = civilOf(text, rules.today);
  if (civil === null) return { ok: false, problem: 'format' };
  if (civil.year < 1900 || civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > daysInMonth(civil.year, civil.month)) {
    return { ok: false, problem: 'noSuchDay' };
  }
  const iso = toIsoDate(civil);
  if (rules.max !== undefined && iso > rules.max) return { ok: false, problem: 'afterMax' };
  if (rules.min !== undefined && iso < rules.min) return { ok: false, problem: 'beforeMin' };
  return { ok: true, iso };
}

/** "2026-11-23" → "23/11/2026", the way the field shows a date in either language. */
export function formatDateEntry(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/** A civil date moved by whole days. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return toIsoDate({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** A civil date moved by whole months, on the same day or the month's last (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const target = addMonths(year, month, months);
  return toIsoDate({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
}

/** The date kept inside [min, max]. */
export function clampDate(iso: string, rules: Pick<DateEntryRules, 'min' | 'max'>): string {
  if (rules.max !== undefined && iso > rules.max) return rules.max;
  if (rules.min !== undefined && iso < rules.min) return rules.min;
  return iso;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/** A month as weeks of seven ISO dates, Monday first; `null` pads before the 1st and after the last day. */
export function monthWeeks(year: number, month: number): Array<Array<string | null>> {
  const days = Array.from({ length: daysInMonth(year, month) }, (_, i) => toIsoDate({ year, month, day: i + 1 }));
  return weekRows(days, isoWeekday(days[0] as string));
}
