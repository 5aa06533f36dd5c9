/** Named cases for the business calendar: the situations dispatchers and the SLA timer meet. */
import { describe, expect, it } from 'vitest';
import { CalendarMonthSchema } from '../../../src-shared/ipc/desk-api.ts';
import { createBusinessCalendar, limaInstant, type CalendarOverride, type NationalHoliday } from '../../../src-shared/calendar/index.ts';

const at = (date: string, time: string) => limaInstant(date, time);
const calendar = createBusinessCalendar();

describe('days', () => {
  it('Jueves and Viernes Santo 2026 (2–3 April) are closed holidays', () => {
    expect(calendar.day('2026-04-02')).toEqual({ date: '2026-04-02', weekday: 4, open: false, reason: 'holiday', name: 'Jueves Santo' });
    expect(calendar.day('2026-04-03')).toEqual({ date: '2026-04-03', weekday: 5, open: false, reason: 'holiday', name: 'Viernes Santo' });
    expect(calendar.isOpen(at('2026-04-02', '10:00'))).toBe(false);
    expect(calendar.isOpen(at('2026-04-01', '10:00'))).toBe(true);
  });

  it('a plain weekday is open 08:00–21:00 and weekends are closed', () => {
    expect(calendar.day('2026-03-10')).toEqual({ date: '2026-03-10', weekday: 2, open: true, opensAt: '08:00', closesAt: '21:00' });
    expect(calendar.day('2026-03-14')).toEqual({ date: '2026-03-14', weekday: 6, open: false, reason: 'weekend' });
    expect(calendar.isOpen(at('2026-03-10', '07:59'))).toBe(false);
    expect(calendar.isOpen(at('2026-03-10', '08:00'))).toBe(true);
    expect(calendar.isOpen(at('2026-03-10', '20:59'))).toBe(true);
    expect(calendar.isOpen(at('2026-03-10', '21:00'))).toBe(false);
  });

  it('month(): every day, totals, and the DeskApi schema', () => {
    const april = calendar.month(2026, 4);
    expect(CalendarMonthSchema.parse(april)).toEqual(april);
    expect(april.days).toHaveLength(30);
    expect(april.days.map((d) => d.date)[0]).toBe('2026-04-01');
    // 22 weekdays minus Jueves and Viernes Santo, 13 hours each.
    expect(april.businessDays).toBe(20);
    expect(april.businessMinutes).toBe(20 * 13 * 60);
    expect(calendar.month(2026, 2).days).toHaveLength(28);
    expect(calendar.month(2028, 2).days).toHaveLength(29);
    expect(calendar.month(2026, 12).days.at(-1)?.date).toBe('2026-12-31');
  });
});

describe('company overrides', () => {
  const overrides: CalendarOverride[] = [
    { date: '2026-01-02', kind: 'closure', name: 'Día no laborable (D.S. 042-2025-PCM)' },
    { date: '2026-03-14', kind: 'opening', name: 'Jornada de inventario', opensAt: '09:00', closesAt: '13:00' },
    { date: '2026-07-29', kind: 'opening', name: 'Guardia de Fiestas Patrias' },
    { date: '2026-12-24', kind: 'opening', name: 'Nochebuena', closesAt: '13:00' },
  ];
  const company = createBusinessCalendar({ overrides });

  it('a closure on an otherwise open day closes it all day', () => {
    expect(calendar.day('2026-01-02').open).toBe(true);
    expect(company.day('2026-01-02')).toEqual({ date: '2026-01-02', weekday: 5, open: false, reason: 'closure', name: 'Día no laborable (D.S. 042-2025-PCM)' });
    expect(company.isOpen(at('2026-01-02', '12:00'))).toBe(false);
    expect(company.checkInterval(at('2026-01-02', '10:00'), at('2026-01-02', '11:00'))).toEqual({
      ok: false,
      code: 'HOLIDAY',
      message: 'El 2 de enero de 2026 la empresa no atiende (Día no laborable (D.S. 042-2025-PCM)).',
      date: '2026-01-02',
      holidayName: 'Día no laborable (D.S. 042-2025-PCM)',
    });
  });

  it('an opening on a Saturday opens it with its own hours', () => {
    expect(company.day('2026-03-14')).toEqual({
      date: '2026-03-14', weekday: 6, open: true, opensAt: '09:00', closesAt: '13:00', name: 'Jornada de inventario', companyOpening: true,
    });
    expect(company.isOpen(at('2026-03-14', '08:30'))).toBe(false);
    expect(company.isOpen(at('2026-03-14', '09:00'))).toBe(true);
    expect(company.isOpen(at('2026-03-14', '13:00'))).toBe(false);
    expect(company.checkInterval(at('2026-03-14', '09:00'), at('2026-03-14', '13:00'))).toEqual({ ok: true, date: '2026-03-14' });
    expect(company.checkInterval(at('2026-03-14', '12:00'), at('2026-03-14', '14:00'))).toMatchObject({
      ok: false,
      code: 'OUTSIDE_BUSINESS_HOURS',
      message: 'La visita debe empezar desde las 09:00 y terminar a más tardar a las 13:00 del mismo día hábil.',
    });
  });

  it('an opening without hours on a holiday uses 08:00–21:00', () => {
    expect(company.day('2026-07-29')).toMatchObject({ open: true, opensAt: '08:00', closesAt: '21:00', companyOpening: true, name: 'Guardia de Fiestas Patrias' });
    expect(company.checkInterval(at('2026-07-29', '08:00'), at('2026-07-29', '21:00'))).toEqual({ ok: true, date: '2026-07-29' });
    // The national holiday list does not change: overrides are company data.
    expect(company.holidays(2026).map((h) => h.date)).toContain('2026-07-29');
  });

  it('an opening on a working day shortens it without calling it a company opening', () => {
    expect(company.day('2026-12-24')).toEqual({ date: '2026-12-24', weekday: 4, open: true, opensAt: '08:00', closesAt: '13:00', name: 'Nochebuena' });
    expect(company.month(2026, 12).businessMinutes).toBe(calendar.month(2026, 12).businessMinutes - 8 * 60);
  });

  it('rejects overrides that make no sense, naming the culprit', () => {
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-30', kind: 'closure', name: 'x' }] })).toThrow(/2026-02-30 does not exist/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-2-3', kind: 'closure', name: 'x' }] })).toThrow(/YYYY-MM-DD/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'holiday' as 'closure', name: 'x' }] })).toThrow(/kind/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'closure', name: '  ' }] })).toThrow(/name/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'closure', name: 'x', closesAt: '13:00' }] })).toThrow(/closure/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'opening', name: 'x', opensAt: '13:00', closesAt: '13:00' }] })).toThrow(/closes/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'opening', name: 'x', opensAt: '22:00' }] })).toThrow(/closes \(21:00\) before it opens \(22:00\)/);
    expect(() => createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'opening', name: 'x', opensAt: '8:00' }] })).toThrow(/HH:mm/);
    expect(() =>
      createBusinessCalendar({ overrides: [{ date: '2026-02-03', kind: 'closure', name: 'a' }, { date: '2026-02-03', kind: 'opening', name: 'b' }] }),
    ).toThrow(/repeats a date/);
  });
});

describe('checkInterval (booking rules)', () => {
  it('Fiestas Patrias: HOLIDAY with the holiday name and a Spanish message', () => {
    expect(calendar.checkInterval(at('2026-07-28', '10:00'), at('2026-07-28', '11:00'))).toEqual({
      ok: false,
      code: 'HOLIDAY',
      message: 'El 28 de julio de 2026 es feriado (Fiestas Patrias): no se atiende.',
      date: '2026-07-28',
      holidayName: 'Fiestas Patrias',
    });
  });

  it('a remote session ending at 21:00 exactly is fine; ending at 21:01 is not', () => {
    expect(calendar.checkInterval(at('2026-07-27', '19:00'), at('2026-07-27', '21:00'))).toEqual({ ok: true, date: '2026-07-27' });
    expect(calendar.checkInterval(at('2026-07-27', '19:00'), at('2026-07-27', '21:01'))).toEqual({
      ok: false,
      code: 'OUTSIDE_BUSINESS_HOURS',
      message: 'La visita debe empezar desde las 08:00 y terminar a más tardar a las 21:00 del mismo día hábil.',
      date: '2026-07-27',
    });
  });

  it('starting at 08:00 is fine; starting at 07:59 is not', () => {
    expect(calendar.checkInterval(at('2026-07-27', '08:00'), at('2026-07-27', '09:00')).ok).toBe(true);
    expect(calendar.checkInterval(at('2026-07-27', '07:59'), at('2026-07-27', '09:00'))).toMatchObject({ ok: false, code: 'OUTSIDE_BUSINESS_HOURS' });
  });

  it('an interval crossing midnight is outside business hours, even between two open days', () => {
    const result = calendar.checkInterval(at('2026-07-27', '20:00'), at('2026-07-27', '23:59').getTime() + 2 * 60_000);
    expect(result).toMatchObject({ ok: false, code: 'OUTSIDE_BUSINESS_HOURS', date: '2026-07-27' });
    // Ending exactly at the next midnight is still a second date.
    expect(calendar.checkInterval(at('2026-07-27', '20:00'), at('2026-07-28', '00:00'))).toMatchObject({ ok: false, code: 'OUTSIDE_BUSINESS_HOURS' });
  });

  it('a Saturday is outside business hours with a message that says why', () => {
    expect(calendar.checkInterval(at('2026-07-25', '10:00'), at('2026-07-25', '11:00'))).toEqual({
      ok: false,
      code: 'OUTSIDE_BUSINESS_HOURS',
      message: 'El sábado 25 de julio de 2026 no es día hábil: se atiende de lunes a viernes, de 08:00 a 21:00.',
      date: '2026-07-25',
    });
  });

  it('VALIDATION for an end not after the start and for instants that are not dates', () => {
    const start = at('2026-07-27', '10:00');
    expect(calendar.checkInterval(start, start)).toMatchObject({ ok: false, code: 'VALIDATION', message: 'La hora de fin debe ser posterior a la hora de inicio.' });
    expect(calendar.checkInterval(start, start.getTime() - 60_000)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(calendar.checkInterval(new Date('not a date'), start)).toEqual({ ok: false, code: 'VALIDATION', message: 'La fecha u hora indicada no es válida.' });
    expect(calendar.checkInterval(start, Number.NaN)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(calendar.checkInterval(start, '2026-07-27T12:00:00-05:00' as unknown as Date)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('business time', () => {
  it('businessMinutesBetween counts only open minutes, across weekends and holidays', () => {
    // Friday 20:00 → Monday 09:00: one hour on Friday, one on Monday.
    expect(calendar.businessMinutesBetween(at('2026-03-13', '20:00'), at('2026-03-16', '09:00'))).toBe(120);
    // Wednesday before Holy Week 20:30 → Monday 08:30 (Thursday and Friday are holidays).
    expect(calendar.businessMinutesBetween(at('2026-04-01', '20:30'), at('2026-04-06', '08:30'))).toBe(60);
    expect(calendar.businessMinutesBetween(at('2026-03-10', '00:00'), at('2026-03-11', '00:00'))).toBe(780);
    expect(calendar.businessMinutesBetween(at('2026-03-11', '00:00'), at('2026-03-10', '00:00'))).toBe(0);
    // Whole-month total agrees with month().
    expect(calendar.businessMinutesBetween(at('2026-04-01', '00:00'), at('2026-05-01', '00:00'))).toBe(calendar.month(2026, 4).businessMinutes);
    // Sub-minute instants give exact (fractional) minutes.
    expect(calendar.businessMinutesBetween(at('2026-03-10', '10:00'), at('2026-03-10', '10:00').getTime() + 30_000)).toBe(0.5);
  });

  it('addBusinessMinutes skips closed time and stops at closing time when it lands there', () => {
    expect(calendar.addBusinessMinutes(at('2026-07-24', '20:30'), 60)).toEqual(at('2026-07-27', '08:30'));
    expect(calendar.addBusinessMinutes(at('2026-07-27', '08:00'), 780)).toEqual(at('2026-07-27', '21:00'));
    expect(calendar.addBusinessMinutes(at('2026-07-27', '08:00'), 781)).toEqual(at('2026-07-30', '08:01')); // 28–29 Fiestas Patrias
    expect(calendar.addBusinessMinutes(at('2026-07-25', '10:00'), 0)).toEqual(at('2026-07-25', '10:00'));
    expect(calendar.addBusinessMinutes(at('2026-07-25', '10:00'), 1)).toEqual(at('2026-07-27', '08:01'));
  });

  it('nextOpening returns the instant itself when open, else the next 08:00', () => {
    expect(calendar.nextOpening(at('2026-03-10', '12:34'))).toEqual(at('2026-03-10', '12:34'));
    expect(calendar.nextOpening(at('2026-03-10', '06:00'))).toEqual(at('2026-03-10', '08:00'));
    expect(calendar.nextOpening(at('2026-03-13', '21:00'))).toEqual(at('2026-03-16', '08:00'));
    expect(calendar.nextOpening(at('2026-04-01', '21:00'))).toEqual(at('2026-04-06', '08:00'));
    expect(calendar.nextOpening(at('2025-12-31', '22:00'))).toEqual(at('2026-01-02', '08:00'));
  });

  it('nthBusinessDay: the monthly report is due by the 5th business day of the next month', () => {
    // January 2026: the 1st is Año Nuevo (Thursday); 2, 5, 6, 7, 8.
    expect(calendar.nthBusinessDay(2026, 1, 5)).toBe('2026-01-08');
    expect(calendar.nthBusinessDay(2026, 1, 1)).toBe('2026-01-02');
    // August 2026 starts on a weekend and the 6th is Batalla de Junín: 3, 4, 5, 7, 10.
    expect(calendar.nthBusinessDay(2026, 8, 5)).toBe('2026-08-10');
    // With the 2 January día no laborable adopted, the deadline moves a day.
    const company = createBusinessCalendar({ overrides: [{ date: '2026-01-02', kind: 'closure', name: 'Día no laborable' }] });
    expect(company.nthBusinessDay(2026, 1, 5)).toBe('2026-01-09');
    expect(calendar.nthBusinessDay(2026, 4, 20)).toBe('2026-04-30');
    expect(calendar.nthBusinessDay(2026, 4, 21)).toBeNull();
  });
});

describe('inputs and data sources', () => {
  it('programmer errors throw clear errors', () => {
    expect(() => calendar.day('2026-13-01')).toThrow(/does not exist/);
    expect(() => calendar.day('28/07/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => calendar.isOpen(Number.NaN)).toThrow(/not a valid date/);
    expect(() => calendar.nextOpening(new Date('nope'))).toThrow(/not a valid date/);
    expect(() => calendar.businessMinutesBetween(0, Number.POSITIVE_INFINITY)).toThrow(/to is not a valid date/);
    expect(() => calendar.addBusinessMinutes(at('2026-03-10', '10:00'), -1)).toThrow(/minutes must be a finite number >= 0/);
    expect(() => calendar.addBusinessMinutes(at('2026-03-10', '10:00'), Number.NaN)).toThrow(/minutes/);
    expect(() => calendar.month(2026, 13)).toThrow(/month/);
    expect(() => calendar.month(2026.5, 1)).toThrow(/year/);
    expect(() => calendar.nthBusinessDay(2026, 1, 0)).toThrow(/n must be/);
    expect(() => calendar.holidays(3000)).toThrow(/year/);
  });

  it('a supplied holiday source replaces date-holidays and is read once per year', () => {
    const asked: number[] = [];
    const synced = (year: number): NationalHoliday[] => {
      asked.push(year);
      return year === 2026 ? [{ date: '2026-03-10', name: 'Feriado de prueba' }] : [];
    };
    const custom = createBusinessCalendar({ nationalHolidays: synced });
    expect(custom.day('2026-03-10')).toMatchObject({ open: false, reason: 'holiday', name: 'Feriado de prueba' });
    expect(custom.day('2026-07-28')).toMatchObject({ open: true });
    custom.businessMinutesBetween(at('2025-06-01', '00:00'), at('2027-06-01', '00:00'));
    custom.month(2026, 7);
    expect(asked).toEqual([2026, 2025, 2027]);
  });

  it('a holiday source that returns dates outside the year is rejected', () => {
    const broken = createBusinessCalendar({ nationalHolidays: () => [{ date: '2025-12-25', name: 'x' }] });
    expect(() => broken.day('2026-01-05')).toThrow(/returned 2025-12-25 for year 2026/);
  });

  it('a calendar that never opens fails loudly instead of looping', () => {
    const everyDay = (year: number) =>
      Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10))
        .filter((d) => d.startsWith(String(year)))
        .map((date) => ({ date, name: 'cerrado' }));
    const closed = createBusinessCalendar({ nationalHolidays: everyDay });
    expect(() => closed.nextOpening(at('2026-03-10', '10:00'))).toThrow(/no open day within/);
    expect(() => closed.addBusinessMinutes(at('2026-03-10', '10:00'), 10)).toThrow(/no open day within/);
  });
});
