import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  describeInstant,
  formatDayMonth,
  formatHours,
  formatLimaDateTime,
  formatLimaTime,
  formatLongDate,
  formatMonthYear,
  limaDateOf,
  monthNames,
  weekdayNames,
} from '../../../src-renderer/src/i18n/format.ts';

describe('calendar dates', () => {
  it('reads as a full date in each language, never shifted by a time zone', () => {
    expect(formatLongDate('2026-07-28', 'es-PE')).toBe('martes 28 de julio de 2026');
    expect(formatLongDate('2026-07-28', 'en')).toBe('Tuesday, July 28, 2026');
    expect(formatLongDate('2026-01-01', 'es-PE')).toBe('jueves 1 de enero de 2026');
    expect(formatLongDate('2026-12-31', 'es-PE')).toBe('jueves 31 de diciembre de 2026');
  });

  it('names months with a capital letter', () => {
    expect(formatMonthYear(2026, 7, 'es-PE')).toBe('Julio de 2026');
    expect(formatMonthYear(2026, 12, 'en')).toBe('December 2026');
    expect(monthNames('es-PE')[0]).toBe('Enero');
    expect(monthNames('en')[11]).toBe('December');
    expect(formatDayMonth('2026-12-25', 'en')).toBe('Dec 25');
  });

  it('lists weekdays Monday first', () => {
    expect(weekdayNames('es-PE').map((d) => d.long)).toEqual(['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo']);
    expect(weekdayNames('en')[0]).toEqual({ isoWeekday: 1, short: 'Mon', long: 'Monday' });
    expect(weekdayNames('es-PE')[6]?.short).toBe('Dom');
  });
});

describe('instants in Lima time', () => {
  // 03:30 UTC on the 29th is still 22:30 on the 28th in Lima (UTC−5).
  const lateEvening = new Date('2026-07-29T03:30:00Z');

  it('take the Lima date and clock, whatever the machine zone', () => {
    expect(limaDateOf(lateEvening)).toBe('2026-07-28');
    expect(formatLimaTime(lateEvening, 'es-PE')).toBe('22:30');
    expect(formatLimaTime(new Date('2026-07-28T13:05:00Z'), 'en')).toBe('08:05');
    expect(formatLimaDateTime(lateEvening, 'en')).toBe('Jul 28, 2026, 22:30');
  });

  it('say today and yesterday by the Lima calendar', () => {
    const now = new Date('2026-07-29T15:00:00Z');
    expect(describeInstant(new Date('2026-07-29T14:00:00Z'), now, 'es-PE')).toEqual({ kind: 'today', time: '09:00' });
    expect(describeInstant(lateEvening, now, 'es-PE')).toEqual({ kind: 'yesterday', time: '22:30' });
    expect(describeInstant(new Date('2026-07-20T14:00:00Z'), now, 'es-PE').kind).toBe('other');
  });
});

describe('numbers and month arithmetic', () => {
  it('shows hours from minutes, whole or with one decimal', () => {
    expect(formatHours(260 * 60, 'es-PE')).toBe('260');
    expect(formatHours(750, 'en')).toBe('12.5');
  });

  it('counts days between civil dates', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('steps months across years', () => {
    expect(addMonths(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -240, max: 240 }), (year, month, delta) => {
        const moved = addMonths(year, month, delta);
        expect(moved.month).toBeGreaterThanOrEqual(1);
        expect(moved.month).toBeLessThanOrEqual(12);
        expect(addMonths(moved.year, moved.month, -delta)).toEqual({ year, month });
      }),
    );
  });
});
