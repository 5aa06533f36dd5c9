/**
 * One generated demo company shared by the demo tests of a file (generation
 * takes about a second), and the business calendar it was generated with.
 */
import { createBusinessCalendar, type BusinessCalendar } from '../../src-shared/calendar/index.ts';
import { generateDemoCompany, type DemoCompany, type DemoStats } from '../../src-server/demo/generate.ts';

/** A Monday afternoon in Lima: some visits are under way, others still ahead. */
export const DEMO_TODAY = new Date('2026-11-23T15:30:00-05:00');
export const DEMO_SEED = 20_260_323;

export interface DemoFixture {
  readonly company: DemoCompany;
  readonly stats: DemoStats;
  /** National holidays plus the company closures the demo ships (its calendarDay rows). */
  readonly calendar: BusinessCalendar;
}

export function makeDemo(seed = DEMO_SEED, scale = 1, today = DEMO_TODAY): DemoFixture {
  const stats: DemoStats = { unplacedVisits: 0 };
  const company = generateDemoCompany({ seed, today, scale }, stats);
  const overrides = company.calendarDays
    .filter((d) => d.kind !== 'holiday')
    .map((d) => ({ date: d.date, kind: d.kind as 'closure' | 'opening', name: d.name, ...(d.opensAt === null ? {} : { opensAt: d.opensAt }), ...(d.closesAt === null ? {} : { closesAt: d.closesAt }) }));
  return { company, stats, calendar: createBusinessCalendar({ overrides }) };
}

/** Groups rows by a key. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [row]);
    else list.push(row);
  }
  return groups;
}
