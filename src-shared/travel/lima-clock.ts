/**
 * Lima wall-clock helpers for the travel model and booking rules.
 *
 * Peru has kept UTC-5 all year since 1994 (no daylight saving time), so a
 * fixed offset is exact for every instant the product deals with and avoids
 * an Intl/tz lookup per call. The business calendar relies on the same fact.
 */
export const LIMA_UTC_OFFSET_MINUTES = -5 * 60;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const OFFSET_MS = LIMA_UTC_OFFSET_MINUTES * MINUTE_MS;

function epochMs(at: Date | number): number {
  const ms = at instanceof Date ? at.getTime() : at;
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(at)}`);
  return ms;
}

/** Minutes since Lima midnight, with the fraction of seconds: 07:30:30 → 450.5. */
export function limaMinuteOfDay(at: Date | number): number {
  const localMinutes = (epochMs(at) + OFFSET_MS) / MINUTE_MS;
  return ((localMinutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** The Lima calendar date of an instant, `YYYY-MM-DD`. */
export function limaDateOf(at: Date | number): string {
  return new Date(epochMs(at) + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a Lima wall-clock time: `limaInstant('2025-03-10', '08:00')` is 13:00 UTC. */
export function limaInstant(date: string, hourMinute: string): Date {
  const parsed = new Date(`${date}T${hourMinute}:00.000Z`);
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`Not a Lima date/time: ${date} ${hourMinute}`);
  return new Date(parsed.getTime() - OFFSET_MS);
}

/** "HH:mm" of an instant in Lima, for messages. */
export function limaHourMinute(at: Date | number): string {
  return new Date(epochMs(at) + OFFSET_MS).toISOString().slice(11, 16);
}
