/**
 * National holidays against the reference file (16 feriados by law, dates for
 * 2025–2027). The product never reads the reference: the calendar gets its
 * dates from date-holidays, and this test holds that package to the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/peru-holidays.json' with { type: 'json' };
import { createBusinessCalendar, peruNationalHolidays } from '../../../src-shared/calendar/index.ts';

const YEARS = ['2025', '2026', '2027'] as const;
const fixturePath = fileURLToPath(new URL('../../fixtures/peru-holidays.json', import.meta.url));
// CI checks the shared folder out beside the clone: <parent>/shared/reference/peru-holidays.json.
const upstreamPath = fileURLToPath(new URL('../../../../shared/reference/peru-holidays.json', import.meta.url));

describe('national holidays (date-holidays vs the reference file)', () => {
  const calendar = createBusinessCalendar();

  it.each(YEARS)('%s: the dates are exactly the reference dates', (year) => {
    const expected = reference.dates[year].map((h) => h.date);
    expect(expected).toHaveLength(16);
    expect(calendar.holidays(Number(year)).map((h) => h.date)).toEqual(expected);
  });

  it.each(YEARS)('%s: every holiday carries the legal name from the reference rules', (year) => {
    const legalNames = new Set(reference.rules.map((r) => r.name));
    for (const h of calendar.holidays(Number(year))) expect(legalNames, `${h.date} ${h.name}`).toContain(h.name);
    const byDate = new Map(calendar.holidays(Number(year)).map((h) => [h.date, h.name]));
    expect(byDate.get(`${year}-07-28`)).toBe('Fiestas Patrias');
    expect(byDate.get(`${year}-05-01`)).toBe('Día del Trabajo');
    expect(byDate.get(`${year}-12-08`)).toBe('Inmaculada Concepción');
  });

  it('drops Easter Sunday, which date-holidays lists as "Pascua"', () => {
    const all = YEARS.flatMap((y) => peruNationalHolidays(Number(y)));
    expect(all.map((h) => h.name)).not.toContain('Pascua');
    expect(all.map((h) => h.date)).not.toContain('2026-04-05');
    expect(calendar.day('2026-04-05')).toMatchObject({ open: false, reason: 'weekend' });
  });

  it('holidays that fall on a weekend are still listed and reported as holidays', () => {
    // 2026-06-07 (Batalla de Arica) and 2026-11-01 (Todos los Santos) are Sundays.
    expect(calendar.day('2026-06-07')).toMatchObject({ weekday: 7, open: false, reason: 'holiday', name: 'Batalla de Arica y Día de la Bandera' });
    expect(calendar.day('2026-11-01')).toMatchObject({ weekday: 7, open: false, reason: 'holiday', name: 'Todos los Santos' });
  });

  it('the decreed días no laborables are not holidays (the company adopts them as closures)', () => {
    for (const d of reference.dias_no_laborables_sector_publico) {
      expect(calendar.day(d.date).reason, d.date).not.toBe('holiday');
    }
    expect(calendar.day('2026-01-02')).toMatchObject({ open: true });
  });

  it('the repo copy of the reference file equals the shared original', (ctx) => {
    if (!existsSync(upstreamPath)) {
      const reason = `shared reference not found at ${upstreamPath}; only the repo copy is checked`;
      console.warn(`[calendar-holidays] skipped: ${reason}`);
      ctx.skip(reason);
    }
    expect(JSON.parse(readFileSync(fixturePath, 'utf8'))).toEqual(JSON.parse(readFileSync(upstreamPath, 'utf8')));
  });
});
