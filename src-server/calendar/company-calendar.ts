/**
 * The company's business calendar as the server of record sees it: Peru's
 * national holidays (the shared source, plus any holiday an admin added to
 * calendar_days) with the company's closures and openings on top.
 */
import { createBusinessCalendar, peruNationalHolidays, type BusinessCalendar, type CalendarOverride, type NationalHoliday } from '../../src-shared/calendar/index.ts';
import type { CalendarDayEntity } from '../../src-shared/protocol/entities.ts';
import type { Queryable } from '../db/types.ts';
import { selectList } from '../entities/specs.ts';

export async function loadCalendarDays(db: Queryable): Promise<CalendarDayEntity[]> {
  return db.query<CalendarDayEntity>(`SELECT ${selectList('calendarDay')} FROM calendar_days ORDER BY date`);
}

export function toOverride(day: Pick<CalendarDayEntity, 'date' | 'kind' | 'name' | 'opensAt' | 'closesAt'>): CalendarOverride | null {
  if (day.kind === 'holiday') return null;
  return {
    date: day.date,
    kind: day.kind,
    name: day.name,
    ...(day.opensAt === null ? {} : { opensAt: day.opensAt }),
    ...(day.closesAt === null ? {} : { closesAt: day.closesAt }),
  };
}

export function companyCalendar(days: readonly CalendarDayEntity[]): BusinessCalendar {
  const overrides = days.map(toOverride).filter((o): o is CalendarOverride => o !== null);
  const addedHolidays = days.filter((day) => day.kind === 'holiday');
  const nationalHolidays = (year: number): NationalHoliday[] => {
    const prefix = `${String(year).padStart(4, '0')}-`;
    const extra = addedHolidays.filter((day) => day.date.startsWith(prefix)).map((day) => ({ date: day.date, name: day.name }));
    return [...peruNationalHolidays(year), ...extra];
  };
  return createBusinessCalendar({ overrides, nationalHolidays });
}

export async function loadCompanyCalendar(db: Queryable): Promise<BusinessCalendar> {
  return companyCalendar(await loadCalendarDays(db));
}
