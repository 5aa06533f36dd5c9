/**
 * Lima wall-clock arithmetic for the generator, on epoch milliseconds.
 * Lima is UTC-5 all year (no daylight saving since 1994), so a fixed offset
 * is exact; the business calendar in src-shared relies on the same fact.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = -5 * HOUR_MS;

/** Whole Lima days since 1970-01-01. */
export function limaDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** The instant a Lima day starts (00:00 Lima). */
export function dayStart(day: number): number {
  return day * DAY_MS - OFFSET_MS;
}

const dateCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (UTC or Lima alike); memoised, the generator asks for the same days all the time. */
export function isoDateOfDay(day: number): string {
  let text = dateCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateCache.size > 20_000) dateCache.clear();
    dateCache.set(day, text);
  }
  return text;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "HH:mm" of a millisecond-of-day. */
function clockText(msOfDay: number): string {
  const minutes = Math.floor(msOfDay / MINUTE_MS);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

export function limaDate(ms: number): string {
  return isoDateOfDay(limaDay(ms));
}

/** `YYYY-MM` of the Lima month an instant falls in. */
export function limaMonth(ms: number): string {
  return limaDate(ms).slice(0, 7);
}

/** Minutes since Lima midnight. */
export function limaMinute(ms: number): number {
  return Math.floor((ms - dayStart(limaDay(ms))) / MINUTE_MS);
}

/**
 * ISO 8601 in UTC, exactly as the server's database layer returns instants
 * (Date#toISOString). Hand-rolled because the generator formats millions of
 * instants at benchmark scale and toISOString dominated its profile.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  const seconds = Math.floor(rest / 1_000) % 60;
  const millis = rest % 1_000;
  return `${isoDateOfDay(day)}T${clockText(rest)}:${pad2(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** "12/03" — a short Lima date for messages. */
export function shortDate(ms: number): string {
  const d = limaDate(ms);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}`;
}

/** "09:00" in Lima. */
export function hourMinute(ms: number): string {
  return clockText(ms - dayStart(limaDay(ms)));
}

/** Day number of the first day of a `YYYY-MM` month, and of the month after it. */
export function monthBounds(yearMonth: string): { readonly firstDay: number; readonly nextFirstDay: number } {
  const year = Number(yearMonth.slice(0, 4));
  const month = Number(yearMonth.slice(5, 7));
  return {
    firstDay: Math.floor(Date.UTC(year, month - 1, 1) / DAY_MS),
    nextFirstDay: Math.floor(Date.UTC(year, month, 1) / DAY_MS),
  };
}

/** `YYYY-MM` shifted by `delta` months. */
export function addMonths(yearMonth: string, delta: number): string {
  const year = Number(yearMonth.slice(0, 4));
  const month = Number(yearMonth.slice(5, 7)) - 1 + delta;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function ceilToQuarterHour(ms: number): number {
  const quarter = 15 * MINUTE_MS;
  return Math.ceil(ms / quarter) * quarter;
}
