/**
 * Time entries as technicians type them, and the company's rounding rule.
 *
 * Accepted: "1 h", "1h", "1,5 h", "1.5 horas", "45 min", "45m", "45", "1:30",
 * "1 h 30 min", "1h30", "2 horas 15 minutos". A bare number is minutes.
 *
 * Rounding (stated in the UI next to the field and applied to the minutes
 * sent): remote work rounds up to the next 15 minutes, on-site work to the
 * next 30 minutes. One entry is at most 24 h (the wire's limit).
 */
import type { WorkKind } from '../../../../src-shared/protocol/entities.ts';

export const ROUNDING_MINUTES: Readonly<Record<WorkKind, number>> = { remote: 15, onsite: 30 };
export const MAX_ENTRY_MINUTES = 24 * 60;

export type ParsedDuration = { readonly ok: true; readonly minutes: number } | { readonly ok: false; readonly reason: 'empty' | 'invalid' | 'tooLong' };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const HOURS_WORD = String.raw`(?:h|hr|hrs|hora|horas|hour|hours)`;
const MINUTES_WORD = String.raw`(?:m|min|mins|minuto|minutos|minute|minutes)`;
const HOURS_AND_MINUTES = new RegExp(String.raw`^${NUMBER}\s*${HOURS_WORD}\.?(?:\s*(?:y|and)?\s*(\d+)\s*(?:${MINUTES_WORD}\.?)?)?$`);
const MINUTES_ONLY = new RegExp(String.raw`^${NUMBER}\s*(?:${MINUTES_WORD}\.?)?$`);
const CLOCK = /^(\d+):([0-5]\d)$/;

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Minutes of work typed by a person, before rounding. */
export function parseDuration(input: string): ParsedDuration {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'empty' };
  let minutes: number | null = null;
  const clock = CLOCK.exec(text);
  const hm = HOURS_AND_MINUTES.exec(text);
  const m = MINUTES_ONLY.exec(text);
  if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (hm) minutes = toNumber(hm[1] ?? '0') * 60 + (hm[2] === undefined ? 0 : Number(hm[2]));
  else if (m) minutes = toNumber(m[1] ?? '0');
  if (minutes === null || !Number.isFinite(minutes) || minutes <= 0) return { ok: false, reason: 'invalid' };
  const whole = Math.ceil(minutes - 1e-9);
  if (whole > MAX_ENTRY_MINUTES) return { ok: false, reason: 'tooLong' };
  return { ok: true, minutes: whole };
}

/** The minutes to log: rounded up to the kind's step, never above the wire's limit. */
export function roundWork(minutes: number, kind: WorkKind): number {
  const step = ROUNDING_MINUTES[kind];
  const rounded = Math.ceil(Math.max(1, minutes) / step) * step;
  return Math.min(rounded, MAX_ENTRY_MINUTES);
}

/** Whole minutes of a running timer (started at `startedAtMs`), never less than one. */
export function elapsedMinutes(startedAtMs: number, nowMs: number): number {
  return Math.max(1, Math.round((nowMs - startedAtMs) / 60_000));
}

/** "1 h 30 min", "45 min", "2 h" for people; "0:05:12" style belongs to the live timer. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "1:05:09" / "5:09" for a running timer. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
