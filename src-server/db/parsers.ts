/**
 * Column parsing shared by both drivers, so a row reads the same whatever the
 * backend: instants come back as ISO strings (UTC, `Z`), dates as
 * `YYYY-MM-DD`, int8 as a number (our counters stay far below 2^53), xid8 as
 * a decimal string. Both drivers run sessions with TimeZone=UTC and
 * DateStyle=ISO, which is what these parsers assume.
 */

export const OID = {
  int8: 20,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  xid8: 5069,
  numeric: 1700,
} as const;

/** What a UTC session prints: `2026-03-02 13:00:00`, optional fraction, `+00`. */
const UTC_TIMESTAMPTZ = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * `2026-03-02 13:00:00.123456+00` → `2026-03-02T13:00:00.123Z`. Every instant
 * of every pulled row goes through here, so the common UTC form is rewritten
 * as text (milliseconds truncated, as Date does); anything else (another
 * offset, years beyond 9999) takes the general path through Date.
 */
export function parseTimestamptz(text: string): string {
  const utc = UTC_TIMESTAMPTZ.exec(text);
  if (utc !== null) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable timestamptz from the database: ${text}`);
  return date.toISOString();
}

/** `timestamp without time zone` is not used in the schema; read as UTC if it ever appears. */
export function parseTimestamp(text: string): string {
  return parseTimestamptz(`${text}+00`);
}

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`int8 beyond 2^53 from the database: ${text}`);
  return value;
}

const identity = (text: string): string => text;

export const COLUMN_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: parseInt8,
  // sum() over int8 yields numeric; the schema has no fractional columns.
  [OID.numeric]: (text: string) => Number(text),
  [OID.date]: identity,
  [OID.timestamp]: parseTimestamp,
  [OID.timestamptz]: parseTimestamptz,
  [OID.xid8]: identity,
};

/** Session settings both drivers apply on every connection. */
export const SESSION_SETTINGS = { TimeZone: 'UTC', DateStyle: 'ISO, YMD', IntervalStyle: 'postgres' } as const;
