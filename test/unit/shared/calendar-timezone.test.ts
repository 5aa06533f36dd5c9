/**
 * The calendar computes Lima time with a fixed UTC-5 offset (no DST in Peru
 * since 1994). These tests check that assumption against the IANA database
 * through @date-fns/tz, so a future rule change in tzdata shows up here.
 */
import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, limaDateOf, limaInstant } from '../../../src-shared/calendar/index.ts';

const FROM = Date.UTC(1994, 5, 1); // after Peru's last DST period (Jan–Mar 1994)
const TO = Date.UTC(2100, 11, 31);
const pad = (n: number) => String(n).padStart(2, '0');

function tzParts(ms: number) {
  const t = new TZDate(ms, 'America/Lima');
  return {
    date: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`,
    time: `${pad(t.getHours())}:${pad(t.getMinutes())}`,
    isoWeekday: t.getDay() === 0 ? 7 : t.getDay(),
  };
}

describe('fixed UTC-5 offset vs @date-fns/tz (America/Lima)', () => {
  it('gives the same Lima date, time and weekday for instants across 1994–2100', () => {
    const calendar = createBusinessCalendar();
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (ms) => {
        const tz = tzParts(ms);
        expect(limaDateOf(ms)).toBe(tz.date);
        expect(new TZDate(ms, 'America/Lima').getTimezoneOffset()).toBe(300);
        expect(calendar.day(tz.date).weekday).toBe(tz.isoWeekday);
        // Round trip: the wall-clock minute maps back to the same instant (to the minute).
        expect(limaInstant(tz.date, tz.time).getTime()).toBe(Math.floor(ms / 60_000) * 60_000);
      }),
      { numRuns: 5_000, seed: 1994 },
    );
  });

  it('places 08:00 and 21:00 of every day of 2025–2027 where tzdata does', () => {
    for (let day = Date.UTC(2025, 0, 1); day <= Date.UTC(2027, 11, 31); day += 86_400_000) {
      const d = new Date(day);
      const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
      const date = `${y}-${pad(m + 1)}-${pad(dd)}`;
      expect(limaInstant(date, '08:00').getTime(), date).toBe(new TZDate(y, m, dd, 8, 0, 'America/Lima').getTime());
      expect(limaInstant(date, '21:00').getTime(), date).toBe(new TZDate(y, m, dd, 21, 0, 'America/Lima').getTime());
    }
  });

  it('isOpen agrees with tzdata wall-clock hours on plain weekdays', () => {
    const calendar = createBusinessCalendar();
    // Every quarter hour of UTC 10–11 March 2026: Lima Mon 9 (evening) to Wed 11, no holidays.
    for (let ms = Date.UTC(2026, 2, 10); ms < Date.UTC(2026, 2, 12); ms += 15 * 60_000) {
      const tz = tzParts(ms);
      expect(['2026-03-09', '2026-03-10', '2026-03-11']).toContain(tz.date);
      const expected = tz.time >= '08:00' && tz.time < '21:00';
      expect(calendar.isOpen(ms), new Date(ms).toISOString()).toBe(expected);
    }
  });
});
