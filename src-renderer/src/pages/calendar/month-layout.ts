/**
 * Pure helpers behind the Calendario grid: weeks as rows (Monday first), what
 * kind each day is, and the month's notable days. No React, so unit tests run them.
 */
import { STANDARD_CLOSES_AT, STANDARD_OPENS_AT } from '../../../../src-shared/calendar/types.ts';
import type { CalendarDay, CalendarMonth } from '../../../../src-shared/ipc/desk-api.ts';
import { assertNever } from '../../../../src-shared/result.ts';
import type { MessageParams, Translator } from '../../i18n/catalog.ts';
import { formatLongDate, weekRows } from '../../i18n/format.ts';

export type DayKind = 'open' | 'opening' | 'weekend' | 'holiday' | 'closure' | 'closed';


export function dayKind(day: CalendarDay): DayKind {
  if (day.open) return day.companyOpening ? 'opening' : 'open';
  switch (day.reason) {
    case 'weekend':
      return 'weekend';
    case 'holiday':
      return 'holiday';
    case 'closure':
      return 'closure';
    case undefined:
      return 'closed';
    default:
      return assertNever(day.reason, 'calendar day reason');
  }
}

/** Rows of seven cells, Monday to Sunday; `null` pads the days before the 1st and after the last. */
export function weeksOf(month: CalendarMonth): Array<Array<CalendarDay | null>> {
  const days = [...month.days].sort((a, b) => a.date.localeCompare(b.date));
  const first = days[0];
  if (!first) return [];
  return weekRows(days, first.weekday);
}

/** Holidays, closures and openings of the month, in date order, for the list beside the grid. */
export function notableDays(month: CalendarMonth): CalendarDay[] {
  return month.days
    .filter((day) => day.reason === 'holiday' || day.reason === 'closure' || day.companyOpening === true)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Holidays and closures that fall Monday to Friday: the days that actually cost service time. */
export function closedWeekdays(month: CalendarMonth): number {
  return month.days.filter((day) => !day.open && day.weekday <= 5 && (day.reason === 'holiday' || day.reason === 'closure')).length;
}

/** A day's opening hours; the desk sends them for open days, the company standard fills any gap. */
export function hoursOf(day: CalendarDay): MessageParams {
  return { opens: day.opensAt ?? STANDARD_OPENS_AT, closes: day.closesAt ?? STANDARD_CLOSES_AT };
}

/** "abierto/feriado: …" part of a day's spoken label. */
export function dayStatusText(day: CalendarDay, t: Translator['t']): string {
  const kind = dayKind(day);
  const name = day.name ?? '';
  switch (kind) {
    case 'open':
      return t('calendar.status.open', hoursOf(day));
    case 'opening':
      return t('calendar.status.opening', { ...hoursOf(day), name });
    case 'weekend':
      return t('calendar.status.weekend');
    case 'holiday':
      return t('calendar.status.holiday', { name });
    case 'closure':
      return t('calendar.status.closure', { name });
    case 'closed':
      return t('calendar.status.closed');
    default:
      return assertNever(kind, 'day kind');
  }
}

/** The accessible name of a day cell: "martes 28 de julio de 2026, feriado: Fiestas Patrias". */
export function dayLabel(day: CalendarDay, translator: Translator, today: string): string {
  const parts = [formatLongDate(day.date, translator.locale), dayStatusText(day, translator.t)];
  if (day.date === today) parts.push(translator.t('calendar.status.today'));
  return parts.join(', ');
}
