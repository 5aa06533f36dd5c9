/**
 * The SLA timer as a technician reads it, in business time (Mon–Fri
 * 08:00–21:00, Lima): "vence en 2 h 10 min", "vence lun 08:45" when the
 * deadline falls on another business day, "pausado" while the ticket waits on
 * the customer, "vencido hace 35 min", "sin compromiso" for email tickets.
 *
 * The desk computes `minutesLeft` with the full business calendar when it
 * answers; between answers the timer keeps running on the plain weekday rule
 * (`openMinutesBetween`), which only differs on a holiday, and the next
 * re-read corrects it.
 */
import type { z } from 'zod';
import type { SlaSchema } from '../../../../src-shared/ipc/work-calls.ts';
import { INTL_LOCALE } from '../../i18n/catalog.ts';
import type { Translator } from '../../i18n/index.ts';

export type Sla = z.infer<typeof SlaSchema>;
export type SlaTone = 'none' | 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'missed';

export interface SlaView {
  readonly tone: SlaTone;
  readonly text: string;
}

const LIMA_OFFSET_MS = -5 * 3_600_000;
const DAY_MS = 86_400_000;
const OPENS_MIN = 8 * 60;
const CLOSES_MIN = 21 * 60;
/** One business day of the standard calendar, in minutes (08:00–21:00). */
export const BUSINESS_DAY_MINUTES = CLOSES_MIN - OPENS_MIN;
/** Below this many business minutes an open SLA shows as a warning. */
export const WARNING_MINUTES = 60;

/** Open minutes of the standard week (Mon–Fri 08:00–21:00 Lima) in [fromMs, toMs). */
export function openMinutesBetween(fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  let total = 0;
  // Work in "Lima wall time as UTC" so day boundaries are plain multiples of a day.
  const from = fromMs + LIMA_OFFSET_MS;
  const to = toMs + LIMA_OFFSET_MS;
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day += 1) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const open = day * DAY_MS + OPENS_MIN * 60_000;
    const close = day * DAY_MS + CLOSES_MIN * 60_000;
    const start = Math.max(open, from);
    const end = Math.min(close, to);
    if (end > start) total += (end - start) / 60_000;
  }
  return Math.floor(total);
}

function limaDayNumber(ms: number): number {
  return Math.floor((ms + LIMA_OFFSET_MS) / DAY_MS);
}

/** "2 h 10 min", "35 min", "3 h"; days of business time past one full business day. */
export function formatBusinessSpan(minutes: number, t: Translator['t'], tn: Translator['tn']): string {
  const whole = Math.max(1, Math.round(minutes));
  if (whole >= BUSINESS_DAY_MINUTES * 2) return tn('sla.businessDays', Math.floor(whole / BUSINESS_DAY_MINUTES));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return t('duration.minutes', { minutes: rest });
  return rest === 0 ? t('duration.hours', { hours }) : t('duration.hoursMinutes', { hours, minutes: rest });
}

const weekdayFormat = new Map<string, Intl.DateTimeFormat>();
function deadlineText(dueMs: number, nowMs: number, locale: Translator['locale']): string {
  const farAway = limaDayNumber(dueMs) - limaDayNumber(nowMs) >= 6;
  const key = `${locale}|${farAway}`;
  let format = weekdayFormat.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: 'America/Lima',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(farAway ? { day: 'numeric', month: 'short' } : { weekday: 'short' }),
    });
    weekdayFormat.set(key, format);
  }
  // "lun., 08:45" → "lun 08:45": the deadline reads as one short phrase.
  return format
    .format(new Date(dueMs))
    .replace(/\.(?=[\s,])/g, '')
    .replace(/,\s*/, ' ');
}

/**
 * What the SLA cell shows at `nowMs`, given the desk's answer read at `readAtMs`.
 * On a finished ticket (resolved, closed, cancelled) the clock has stopped:
 * the promise was kept or missed, and no time runs any more.
 */
export function describeSla(sla: Sla, readAtMs: number, nowMs: number, translator: Translator, finished = false): SlaView {
  const { t, tn, locale } = translator;
  if (finished) {
    if (sla.state === 'none') return { tone: 'none', text: t('sla.none') };
    return sla.state === 'breached' ? { tone: 'missed', text: t('sla.missed') } : { tone: 'met', text: t('sla.met') };
  }
  switch (sla.state) {
    case 'none':
      return { tone: 'none', text: t('sla.none') };
    case 'paused':
      return { tone: 'paused', text: t('sla.paused') };
    case 'met':
      return { tone: 'met', text: t('sla.met') };
    default:
      break;
  }
  const dueMs = sla.dueAt === null ? Number.NaN : Date.parse(sla.dueAt);
  if (sla.minutesLeft === null || !Number.isFinite(dueMs)) return { tone: 'none', text: t('sla.none') };
  const left = sla.minutesLeft - openMinutesBetween(readAtMs, nowMs);
  if (left <= 0 || nowMs >= dueMs) {
    const late = Math.max(-left, openMinutesBetween(dueMs, nowMs));
    return { tone: 'breached', text: t('sla.overdue', { time: formatBusinessSpan(late, t, tn) }) };
  }
  const tone: SlaTone = left <= WARNING_MINUTES || sla.state === 'warning' ? 'warning' : 'ok';
  if (limaDayNumber(dueMs) !== limaDayNumber(nowMs)) return { tone, text: t('sla.dueAt', { when: deadlineText(dueMs, nowMs, locale) }) };
  return { tone, text: t('sla.dueIn', { time: formatBusinessSpan(left, t, tn) }) };
}
