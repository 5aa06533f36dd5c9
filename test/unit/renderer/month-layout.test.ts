/** The Calendario grid's pure helpers, fed by the real business calendar from src-shared. */
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src-shared/calendar/index.ts';
import { createTranslator } from '../../../src-renderer/src/i18n/catalog.ts';
import { en } from '../../../src-renderer/src/i18n/en.ts';
import { esPE } from '../../../src-renderer/src/i18n/es-PE.ts';
import { closedWeekdays, dayKind, dayLabel, notableDays, weeksOf } from '../../../src-renderer/src/pages/calendar/month-layout.ts';

const calendar = createBusinessCalendar({
  overrides: [
    { date: '2026-12-24', kind: 'closure', name: 'Día no laborable (adoptado por la empresa)' },
    { date: '2026-12-26', kind: 'opening', name: 'Inventario', opensAt: '09:00', closesAt: '13:00' },
  ],
});
const es = createTranslator('es-PE', esPE);
const english = createTranslator('en', en);

function day(month: ReturnType<typeof calendar.month>, date: string) {
  const found = month.days.find((d) => d.date === date);
  if (!found) throw new Error(`${date} not in month`);
  return found;
}

describe('weeksOf', () => {
  it('lays a month out Monday to Sunday, padding before the 1st and after the last day', () => {
    const july = calendar.month(2026, 7); // 1 July 2026 is a Wednesday
    const weeks = weeksOf(july);
    expect(weeks).toHaveLength(5);
    for (const week of weeks) expect(week).toHaveLength(7);
    expect(weeks[0]?.slice(0, 3).map((d) => d?.date ?? null)).toEqual([null, null, '2026-07-01']);
    expect(weeks[4]?.map((d) => d?.date ?? null)).toEqual(['2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30', '2026-07-31', null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
  });

  it('keeps a month that starts on Monday without leading padding', () => {
    const june = calendar.month(2026, 6); // 1 June 2026 is a Monday
    expect(weeksOf(june)[0]?.[0]?.date).toBe('2026-06-01');
  });
});

describe('day kinds and labels', () => {
  const july = calendar.month(2026, 7);
  const december = calendar.month(2026, 12);

  it('tells business days, weekends, holidays, closures and openings apart', () => {
    expect(dayKind(day(july, '2026-07-24'))).toBe('open');
    expect(dayKind(day(july, '2026-07-25'))).toBe('weekend');
    expect(dayKind(day(july, '2026-07-28'))).toBe('holiday');
    expect(dayKind(day(december, '2026-12-24'))).toBe('closure');
    expect(dayKind(day(december, '2026-12-26'))).toBe('opening');
  });

  it('speaks the whole day: date, status, holiday name, hours, and today', () => {
    expect(dayLabel(day(july, '2026-07-28'), es, '2026-01-01')).toMatch(/^martes 28 de julio de 2026, feriado: Fiestas Patrias/);
    expect(dayLabel(day(july, '2026-07-24'), es, '2026-07-24')).toBe('viernes 24 de julio de 2026, día hábil, de 08:00 a 21:00, hoy');
    expect(dayLabel(day(december, '2026-12-24'), es, '')).toBe('jueves 24 de diciembre de 2026, cierre de la empresa: Día no laborable (adoptado por la empresa)');
    expect(dayLabel(day(december, '2026-12-26'), english, '')).toBe('Saturday, December 26, 2026, special opening, 09:00 to 13:00: Inventario');
  });

  it('lists the notable days in date order and counts the weekday ones', () => {
    expect(notableDays(december).map((d) => d.date)).toEqual(['2026-12-08', '2026-12-09', '2026-12-24', '2026-12-25', '2026-12-26']);
    expect(closedWeekdays(december)).toBe(4);
    expect(closedWeekdays(july)).toBe(3);
    // 1 November 2026 is a Sunday holiday: notable, but it costs no business day.
    const november = calendar.month(2026, 11);
    expect(notableDays(november).map((d) => d.date)).toEqual(['2026-11-01']);
    expect(closedWeekdays(november)).toBe(0);
  });
});
