/**
 * Property tests: the calendar against a brute-force oracle that walks minute
 * by minute over a plain set of holiday dates (the reference file, not
 * date-holidays) and the generated company overrides. The oracle is slow and
 * obvious on purpose; the calendar is fast and works day by day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/peru-holidays.json' with { type: 'json' };
import { createBusinessCalendar, type BusinessCalendar, type CalendarOverride } from '../../../src-shared/calendar/index.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const LIMA_OFFSET = -5 * 60 * MINUTE;
const RUNS = { numRuns: 1_000 } as const;

// ---------------------------------------------------------------- the oracle

// Names as the rules list them ("Fiestas Patrias"); the per-year lists add a gloss ("(Independencia)").
const ruleName = (date: string, listed: string) =>
  reference.rules.find((r) => r.month === Number(date.slice(5, 7)) && r.day === Number(date.slice(8, 10)))?.name ?? listed;
const HOLIDAYS = new Map<string, string>(Object.values(reference.dates).flat().map((h) => [h.date, ruleName(h.date, h.name)]));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

interface OracleDay {
  open: boolean;
  opens: number;
  closes: number;
  closedBy: 'holiday' | 'closure' | 'weekend' | null;
  name?: string;
}

class Oracle {
  private readonly overrides: Map<string, CalendarOverride>;
  private readonly days = new Map<number, OracleDay>();

  constructor(overrides: readonly CalendarOverride[]) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
  }

  /** Lima day key and minute of day of an instant, straight from the UTC-5 definition. */
  static lima(ms: number): { key: number; minute: number } {
    const local = ms + LIMA_OFFSET;
    const key = Math.floor(local / DAY);
    return { key, minute: Math.floor((local - key * DAY) / MINUTE) };
  }

  static limaDate(ms: number): string {
    return new Date(Oracle.lima(ms).key * DAY).toISOString().slice(0, 10);
  }

  day(key: number): OracleDay {
    const cached = this.days.get(key);
    if (cached) return cached;
    const date = new Date(key * DAY).toISOString().slice(0, 10);
    const utcDay = new Date(key * DAY).getUTCDay();
    const o = this.overrides.get(date);
    let d: OracleDay;
    if (o?.kind === 'closure') d = { open: false, opens: 0, closes: 0, closedBy: 'closure', name: o.name };
    else if (o?.kind === 'opening') d = { open: true, opens: toMinutes(o.opensAt ?? '08:00'), closes: toMinutes(o.closesAt ?? '21:00'), closedBy: null };
    else if (HOLIDAYS.has(date)) d = { open: false, opens: 0, closes: 0, closedBy: 'holiday', name: HOLIDAYS.get(date) };
    else if (utcDay === 0 || utcDay === 6) d = { open: false, opens: 0, closes: 0, closedBy: 'weekend' };
    else d = { open: true, opens: 8 * 60, closes: 21 * 60, closedBy: null };
    this.days.set(key, d);
    return d;
  }

  /** Is the minute starting at `ms` (minute-aligned) an open minute? */
  openMinute(ms: number): boolean {
    const { key, minute } = Oracle.lima(ms);
    const d = this.day(key);
    return d.open && minute >= d.opens && minute < d.closes;
  }

  nextOpening(ms: number): number {
    for (let t = ms; t < ms + 30 * DAY; t += MINUTE) if (this.openMinute(t)) return t;
    throw new Error('oracle: nothing open within 30 days');
  }

  minutesBetween(from: number, to: number): number {
    let n = 0;
    for (let t = from; t < to; t += MINUTE) if (this.openMinute(t)) n++;
    return n;
  }

  addMinutes(from: number, minutes: number): number {
    if (minutes === 0) return from;
    let n = 0;
    for (let t = from; ; t += MINUTE) {
      if (this.openMinute(t) && ++n === minutes) return t + MINUTE;
    }
  }

  checkInterval(start: number, end: number): { ok: boolean; code?: string; holidayName?: string } {
    if (end <= start) return { ok: false, code: 'VALIDATION' };
    const first = Oracle.lima(start);
    let allOpen = true;
    for (let t = start; t < end; t += MINUTE) if (!this.openMinute(t)) allOpen = false;
    if (allOpen && Oracle.lima(end).key === first.key) return { ok: true };
    const d = this.day(first.key);
    if (d.closedBy === 'holiday' || d.closedBy === 'closure') return { ok: false, code: 'HOLIDAY', holidayName: d.name };
    return { ok: false, code: 'OUTSIDE_BUSINESS_HOURS' };
  }
}

// ---------------------------------------------------------------- generators

const FIRST_DAY = Date.UTC(2025, 0, 1) / DAY;
// Leave room after the last generated day: walks of a few weeks must stay inside the reference years.
const LAST_DAY = Date.UTC(2027, 11, 10) / DAY;
const HOLIDAY_DAYS = [...HOLIDAYS.keys()].map((d) => Date.parse(`${d}T00:00:00Z`) / DAY).filter((k) => k <= LAST_DAY);

const dayArb = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  // Around holidays, where most mistakes hide.
  fc.tuple(fc.constantFrom(...HOLIDAY_DAYS), fc.integer({ min: -3, max: 2 })).map(([k, d]) => Math.max(FIRST_DAY, k + d)),
);

const overrideSpecArb = fc.uniqueArray(
  fc.record({
    offset: fc.integer({ min: -2, max: 8 }),
    kind: fc.constantFrom('closure' as const, 'opening' as const),
    hours: fc.option(fc.tuple(fc.integer({ min: 0, max: 1_438 }), fc.integer({ min: 1, max: 900 })), { nil: undefined }),
  }),
  { selector: (o) => o.offset, maxLength: 4 },
);

interface Scenario {
  overrides: CalendarOverride[];
  /** A minute-aligned instant. */
  start: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.tuple(dayArb, fc.oneof(fc.constant([]), overrideSpecArb)).chain(([day, specs]) => {
  const overrides: CalendarOverride[] = specs.map((s) => {
    const date = new Date((day + s.offset) * DAY).toISOString().slice(0, 10);
    const name = s.kind === 'closure' ? `Cierre ${date}` : `Apertura ${date}`;
    if (s.kind === 'closure' || s.hours === undefined) return { date, kind: s.kind, name };
    const [opens, length] = s.hours;
    return { date, kind: s.kind, name, opensAt: hhmm(opens), closesAt: hhmm(Math.min(1_439, opens + length)) };
  });
  const edges = [8 * 60, 21 * 60, ...overrides.flatMap((o) => (o.opensAt && o.closesAt ? [toMinutes(o.opensAt), toMinutes(o.closesAt)] : []))];
  const minuteArb = fc.oneof(
    fc.integer({ min: 0, max: 1_439 }),
    fc.integer({ min: 8 * 60, max: 21 * 60 - 1 }),
    fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -2, max: 2 })).map(([m, d]) => Math.min(1_439, Math.max(0, m + d))),
  );
  return minuteArb.map((minute) => ({ overrides, start: day * DAY - LIMA_OFFSET + minute * MINUTE }));
});

function setup(s: Scenario): { calendar: BusinessCalendar; oracle: Oracle } {
  return { calendar: createBusinessCalendar({ overrides: s.overrides }), oracle: new Oracle(s.overrides) };
}

// ---------------------------------------------------------------- properties

describe('business calendar vs a minute-by-minute oracle (2025–2027)', () => {
  it('isOpen', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: MINUTE - 1 }), (s, withinMinute) => {
        const { calendar, oracle } = setup(s);
        // Opening hours are whole minutes, so any instant inside a minute shares that minute's answer.
        expect(calendar.isOpen(s.start + withinMinute)).toBe(oracle.openMinute(s.start));
      }),
      { ...RUNS, seed: 101 },
    );
  });

  it('nextOpening', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { calendar, oracle } = setup(s);
        expect(calendar.nextOpening(s.start).getTime()).toBe(oracle.nextOpening(s.start));
      }),
      { ...RUNS, seed: 202 },
    );
  });

  it('businessMinutesBetween', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: -600, max: 8 * 1_440 }), (s, span) => {
        const { calendar, oracle } = setup(s);
        const end = s.start + span * MINUTE;
        expect(calendar.businessMinutesBetween(s.start, end)).toBe(oracle.minutesBetween(s.start, end));
      }),
      { ...RUNS, seed: 303 },
    );
  });

  it('addBusinessMinutes', () => {
    fc.assert(
      fc.property(scenarioArb, fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.constantFrom(0, 1, 779, 780, 781)), (s, minutes) => {
        const { calendar, oracle } = setup(s);
        const reached = calendar.addBusinessMinutes(s.start, minutes).getTime();
        expect(reached).toBe(oracle.addMinutes(s.start, minutes));
        // And the two interval functions agree with each other.
        expect(calendar.businessMinutesBetween(s.start, reached)).toBe(minutes);
      }),
      { ...RUNS, seed: 404 },
    );
  });

  it('checkInterval', () => {
    fc.assert(
      fc.property(scenarioArb, fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: -30, max: 900 }), fc.integer({ min: 1, max: 1_500 })), (s, duration) => {
        const { calendar, oracle } = setup(s);
        const end = s.start + duration * MINUTE;
        const got = calendar.checkInterval(s.start, end);
        const want = oracle.checkInterval(s.start, end);
        expect(got.ok).toBe(want.ok);
        if (got.ok) {
          expect(got.date).toBe(Oracle.limaDate(s.start));
        } else {
          expect(got.code).toBe(want.code);
          expect(got.holidayName).toBe(want.holidayName);
          expect(got.message.length).toBeGreaterThan(10);
        }
      }),
      { ...RUNS, seed: 505 },
    );
  });

  it('month() totals equal the sum over its days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }), overrideSpecArb, (year, month, specs) => {
        const base = Date.UTC(year, month - 1, 10) / DAY;
        const overrides = specs.map((sp): CalendarOverride => ({ date: new Date((base + sp.offset) * DAY).toISOString().slice(0, 10), kind: sp.kind, name: 'x' }));
        const { calendar, oracle } = setup({ overrides, start: 0 });
        const m = calendar.month(year, month);
        const from = Date.UTC(year, month - 1, 1) - LIMA_OFFSET;
        const to = Date.UTC(year, month, 1) - LIMA_OFFSET;
        expect(m.businessMinutes).toBe(oracle.minutesBetween(from, to));
        expect(m.businessDays).toBe(m.days.filter((d) => d.open).length);
        for (const d of m.days) expect(d.open).toBe(oracle.day(Date.parse(`${d.date}T00:00:00Z`) / DAY).open);
      }),
      { ...RUNS, seed: 606 },
    );
  });
});
