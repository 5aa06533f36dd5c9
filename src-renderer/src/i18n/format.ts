/**
 * Date formatting for the console. Two kinds of values:
 * - calendar dates (`YYYY-MM-DD`, a Lima day): formatted as a civil date,
 *   never shifted by any time zone, so "2026-07-28" is the 28th everywhere;
 * - instants (ISO 8601 with offset): shown in Lima time, whatever the
 *   machine's zone, because the business runs on Lima time.
 * Times use a 24-hour clock in both languages: service hours are written
 * 08:00–21:00 across the company.
 */
import type { Locale } from '../../../src-shared/ipc/desk-api.ts';
import { limaDateOf } from '../../../src-shared/calendar/lima-time.ts';
import { INTL_LOCALE } from './catalog.ts';

export { limaDateOf };

export const LIMA_TIME_ZONE = 'America/Lima';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(iso: string): CivilDate {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function toIsoDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Noon UTC of a civil date: formatting it in UTC shows that date in every locale. */
function civilToUtcNoon({ year, month, day }: CivilDate): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    formatters.set(key, f);
  }
  return f;
}

function capitalize(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + text.slice(1);
}

/**
 * "martes 28 de julio de 2026" / "Tuesday, July 28, 2026". Spanish drops the
 * comma CLDR puts after the weekday: it reads as a full date in a sentence.
 */
export function formatLongDate(iso: string, locale: Locale): string {
  const date = civilToUtcNoon(parseIsoDate(iso));
  const text = formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return locale === 'es-PE' ? text.replace(/^(\p{L}+),\s/u, '$1 ') : text;
}

/** "Julio de 2026" / "July 2026": month headings start with a capital in both languages. */
export function formatMonthYear(year: number, month: number, locale: Locale): string {
  const text = formatter(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(civilToUtcNoon({ year, month, day: 1 }));
  return capitalize(text, locale);
}

/** "Enero" … "Diciembre" / "January" … "December", for month pickers. */
export function monthNames(locale: Locale): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    capitalize(formatter(locale, { month: 'long', timeZone: 'UTC' }).format(civilToUtcNoon({ year: 2024, month: i + 1, day: 1 })), locale),
  );
}

/** "28 jul." / "Jul 28" for compact lists. */
export function formatDayMonth(iso: string, locale: Locale): string {
  return formatter(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(civilToUtcNoon(parseIsoDate(iso)));
}

export interface WeekdayName {
  /** ISO weekday, 1 = Monday. */
  readonly isoWeekday: number;
  readonly short: string;
  readonly long: string;
}

/** Monday-first weekday names for a grid header: "Lun"/"lunes", "Mon"/"Monday". */
export function weekdayNames(locale: Locale): WeekdayName[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = civilToUtcNoon({ year: 2024, month: 1, day: 1 + i });
    const short = formatter(locale, { weekday: 'short', timeZone: 'UTC' }).format(date).replace(/\.$/, '');
    const long = formatter(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
    return { isoWeekday: i + 1, short: capitalize(short, locale), long };
  });
}

/** "14:05" in Lima time. */
export function formatLimaTime(at: Date, locale: Locale): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: LIMA_TIME_ZONE }).format(at);
}

/** "28 jul. 2026, 14:05" / "Jul 28, 2026, 14:05" in Lima time. */
export function formatLimaDateTime(at: Date, locale: Locale): string {
  return formatter(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: LIMA_TIME_ZONE,
  }).format(at);
}

/** Days between two civil dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((civilToUtcNoon(parseIsoDate(b)).getTime() - civilToUtcNoon(parseIsoDate(a)).getTime()) / 86_400_000);
}

export type RelativeDay = { readonly kind: 'today' | 'yesterday'; readonly time: string } | { readonly kind: 'other'; readonly text: string };

/** How recent an instant is in Lima terms, for "Última sincronización: hoy, 14:05". */
export function describeInstant(at: Date, now: Date, locale: Locale): RelativeDay {
  const gap = daysBetween(limaDateOf(at), limaDateOf(now));
  if (gap === 0) return { kind: 'today', time: formatLimaTime(at, locale) };
  if (gap === 1) return { kind: 'yesterday', time: formatLimaTime(at, locale) };
  return { kind: 'other', text: formatLimaDateTime(at, locale) };
}

/** "12,345" (es-PE and en alike group thousands with a comma): counts of records, tickets, changes. */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 }).format(count);
}

/** Minutes → hours for totals: whole numbers stay whole, otherwise one decimal ("247 h", "12,5 h"). */
export function formatHours(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** Rows of seven cells, Monday to Sunday, for month grids: `null` pads before the 1st (ISO weekday `firstWeekday`) and after the last day. */
export function weekRows<T>(days: readonly T[], firstWeekday: number): Array<Array<T | null>> {
  const cells: Array<T | null> = [...Array.from({ length: firstWeekday - 1 }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<T | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Shifts a (year, month) by whole months. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
