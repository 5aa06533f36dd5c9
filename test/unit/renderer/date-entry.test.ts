import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsToDate,
  clampDate,
  DATE_ENTRY_PATTERN,
  daysInMonth,
  formatDateEntry,
  isoWeekday,
  monthWeeks,
  parseDateEntry,
} from '../../../src-renderer/src/i18n/date-entry.ts';
import { toIsoDate } from '../../../src-renderer/src/i18n/format.ts';

const TODAY = '2026-11-23';
const rules = { today: TODAY };

/** Any civil date the console deals with. */
const civilDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month))
  .map(toIsoDate);

describe('typing a date, day first (dd/mm/aaaa)', () => {
  it('reads the day before the month, in both languages', () => {
    expect(parseDateEntry('23/11/2026', rules)).toEqual({ ok: true, iso: '2026-11-23' });
    expect(parseDateEntry('03/04/2026', rules)).toEqual({ ok: true, iso: '2026-04-03' });
    expect(DATE_ENTRY_PATTERN['es-PE']).toBe('dd/mm/aaaa');
    expect(DATE_ENTRY_PATTERN.en).toBe('dd/mm/yyyy');
  });

  it('accepts the separators and short forms people type', () => {
    for (const typed of ['23/11/2026', '23-11-2026', '23.11.2026', '23 11 2026', ' 23 / 11 / 2026 ', '23112026', '23/11/26', '23/11', '2026-11-23']) {
      expect(parseDateEntry(typed, rules), typed).toEqual({ ok: true, iso: '2026-11-23' });
    }
    expect(parseDateEntry('3/4/2026', rules)).toEqual({ ok: true, iso: '2026-04-03' });
    expect(parseDateEntry('1/1', rules)).toEqual({ ok: true, iso: '2026-01-01' });
  });

  it('takes the year of today when none is typed', () => {
    expect(parseDateEntry('5/1', { today: '2027-03-02' })).toEqual({ ok: true, iso: '2027-01-05' });
  });

  it('says why a text is not a date', () => {
    expect(parseDateEntry('', rules)).toEqual({ ok: false, problem: 'empty' });
    expect(parseDateEntry('   ', rules)).toEqual({ ok: false, problem: 'empty' });
    for (const typed of ['ayer', '23', '23/11/2', '23/11/202', '11/23/2026/1', '23//11/2026', '2311', '2026/11/23/']) {
      expect(parseDateEntry(typed, rules), typed).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('refuses days that do not exist, including a month-first date', () => {
    for (const typed of ['31/11/2026', '29/02/2026', '00/11/2026', '23/00/2026', '11/23/2026', '32/01/2026', '2026-02-30']) {
      expect(parseDateEntry(typed, rules), typed).toEqual({ ok: false, problem: 'noSuchDay' });
    }
    expect(parseDateEntry('29/02/2028', rules)).toEqual({ ok: true, iso: '2028-02-29' });
  });

  it('respects the latest and earliest dates allowed, both inclusive', () => {
    const window = { today: TODAY, min: '2026-11-01', max: TODAY };
    expect(parseDateEntry('23/11/2026', window)).toEqual({ ok: true, iso: TODAY });
    expect(parseDateEntry('24/11/2026', window)).toEqual({ ok: false, problem: 'afterMax' });
    expect(parseDateEntry('01/11/2026', window)).toEqual({ ok: true, iso: '2026-11-01' });
    expect(parseDateEntry('31/10/2026', window)).toEqual({ ok: false, problem: 'beforeMin' });
  });

  it('shows a date the way it is typed, and reads back what it shows', () => {
    expect(formatDateEntry('2026-04-03')).toBe('03/04/2026');
    fc.assert(
      fc.property(civilDate, (iso) => {
        expect(parseDateEntry(formatDateEntry(iso), { today: TODAY })).toEqual({ ok: true, iso });
      }),
    );
  });
});

describe('moving through the calendar', () => {
  it('steps by days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('steps by months to the same day or the last one of a shorter month', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonthsToDate('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonthsToDate('2026-03-31', -12)).toBe('2025-03-31');
  });

  it('keeps a date inside its range', () => {
    expect(clampDate('2026-11-30', { max: TODAY })).toBe(TODAY);
    expect(clampDate('2026-10-01', { min: '2026-11-01' })).toBe('2026-11-01');
    expect(clampDate('2026-11-10', { min: '2026-11-01', max: TODAY })).toBe('2026-11-10');
  });

  it('lays a month out in weeks from Monday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
    const november = monthWeeks(2026, 11);
    // 1 November 2026 is a Sunday: six empty cells first; the 30th is a Monday.
    expect(november[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(november.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(november).toHaveLength(6);
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2199 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const weeks = monthWeeks(year, month);
        expect(weeks.every((week) => week.length === 7)).toBe(true);
        const days = weeks.flat().filter((d): d is string => d !== null);
        expect(days).toHaveLength(daysInMonth(year, month));
        weeks.flat().forEach((iso, index) => {
          if (iso !== null) expect(isoWeekday(iso)).toBe((index % 7) + 1);
        });
      }),
    );
  });
});
