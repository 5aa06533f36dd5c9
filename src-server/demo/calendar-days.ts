/**
 * The company calendar the demo ships with: Peru's national holidays for
 * every year the history touches, plus the decreed "días no laborables" the
 * company chose to adopt as closures (they bind private employers only by
 * agreement: /work/shared/reference/peru-holidays.json), plus its own
 * anniversary closure.
 */
import { createBusinessCalendar, type BusinessCalendar, type CalendarOverride } from '../../src-shared/calendar/index.ts';
import type { CalendarDayEntity } from '../../src-shared/protocol/entities.ts';

/** Decreed días no laborables the demo company adopted. */
const ADOPTED_CLOSURES: readonly CalendarOverride[] = [
  { date: '2024-11-14', kind: 'closure', name: 'Día no laborable por APEC 2024 (Lima y Callao)' },
  { date: '2024-11-15', kind: 'closure', name: 'Día no laborable por APEC 2024 (Lima y Callao)' },
  { date: '2025-05-02', kind: 'closure', name: 'Día no laborable (D.S. 042-2025-PCM), adoptado por la empresa' },
  { date: '2025-12-26', kind: 'closure', name: 'Día no laborable (D.S. 042-2025-PCM), adoptado por la empresa' },
  { date: '2026-01-02', kind: 'closure', name: 'Día no laborable (D.S. 042-2025-PCM), adoptado por la empresa' },
];

const ANNIVERSARY = { monthDay: '10-15', name: 'Aniversario de la empresa (cierre por integración)' };

export interface DemoCalendar {
  readonly calendar: BusinessCalendar;
  readonly days: CalendarDayEntity[];
}

/** Calendar rows for the years [fromYear, toYear] and the BusinessCalendar that honours them. */
export function buildDemoCalendar(fromYear: number, toYear: number): DemoCalendar {
  const overrides: CalendarOverride[] = ADOPTED_CLOSURES.filter((c) => {
    const year = Number(c.date.slice(0, 4));
    return year >= fromYear && year <= toYear;
  });
  for (let year = fromYear; year <= toYear; year++) {
    const date = `${year}-${ANNIVERSARY.monthDay}`;
    if (!overrides.some((o) => o.date === date)) overrides.push({ date, kind: 'closure', name: ANNIVERSARY.name });
  }
  const calendar = createBusinessCalendar({ overrides });
  const days = new Map<string, CalendarDayEntity>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of calendar.holidays(year)) days.set(h.date, { id: h.date, date: h.date, kind: 'holiday', name: h.name, opensAt: null, closesAt: null });
  }
  // A closure on a holiday adds nothing; the holiday row says it already.
  for (const o of overrides) {
    if (!days.has(o.date)) days.set(o.date, { id: o.date, date: o.date, kind: o.kind, name: o.name, opensAt: o.opensAt ?? null, closesAt: o.closesAt ?? null });
  }
  return { calendar, days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)) };
}
