import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src-shared/calendar/index.ts';
import { listDistricts } from '../../../src-shared/geo/index.ts';
import { createTravelEstimator, defaultTravelEstimator, limaDateOf, limaHourMinute, limaInstant } from '../../../src-shared/travel/index.ts';
import { checkBooking, type BookingCheck, type BookingContext, type BookingVisit } from '../../../src-shared/visits/index.ts';

const calendar = createBusinessCalendar();
const MONDAY = '2025-03-10';
const TUESDAY = '2025-03-11';
const MIRAFLORES = '150122';
const SAN_ISIDRO = '150131';
const COMAS = '150110';
const HUARAL_UBIGEO = '150601';

const at = (hourMinute: string, date = MONDAY): Date => limaInstant(date, hourMinute);
const plus = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);
const travel = (from: string, to: string, departAt: Date): number => defaultTravelEstimator.minutesBetween(from, to, departAt);

let nextId = 0;
function visit(kind: 'remote' | 'onsite', startsAt: Date, endsAt: Date, districtUbigeo?: string, over: Partial<BookingVisit> = {}): BookingVisit {
  nextId += 1;
  return { id: `v${nextId}`, technicianId: 'tech-1', kind, startsAt, endsAt, ...(districtUbigeo === undefined ? {} : { districtUbigeo }), ...over };
}
const onsite = (from: string, to: string, ubigeo: string, date = MONDAY): BookingVisit => visit('onsite', at(from, date), at(to, date), ubigeo);
const remote = (from: string, to: string, date = MONDAY): BookingVisit => visit('remote', at(from, date), at(to, date));

function context(otherVisits: readonly BookingVisit[] = [], over: Partial<BookingContext> = {}): BookingContext {
  return { calendar, otherVisits, travel: defaultTravelEstimator, ...over };
}

function codeOf(check: BookingCheck): string {
  return check.ok ? 'OK' : check.code;
}

describe('checkBooking: VALIDATION', () => {
  it('refuses an end that is not after the start', () => {
    expect(checkBooking(visit('remote', at('10:00'), at('10:00')), context())).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'endsAt' } });
    expect(codeOf(checkBooking(visit('remote', at('10:00'), at('09:00')), context()))).toBe('VALIDATION');
  });

  it('refuses more than 13 hours, and accepts exactly the 13 of a business day', () => {
    expect(checkBooking(visit('remote', at('07:30'), at('20:31')), context())).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringMatching(/más de 13 horas/) });
    expect(checkBooking(visit('remote', at('08:00'), at('21:00')), context())).toEqual({ ok: true });
  });

  it('requires a 6-digit district for on-site visits only', () => {
    expect(checkBooking(visit('onsite', at('10:00'), at('11:00')), context())).toMatchObject({ code: 'VALIDATION', details: { field: 'districtUbigeo' } });
    expect(checkBooking(visit('onsite', at('10:00'), at('11:00'), '  '), context())).toMatchObject({ code: 'VALIDATION', details: { field: 'districtUbigeo' } });
    expect(checkBooking(visit('onsite', at('10:00'), at('11:00'), 'Miraflores'), context())).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/UBIGEO de 6 dígitos/) });
    expect(checkBooking(visit('remote', at('10:00'), at('11:00')), context())).toEqual({ ok: true });
  });

  it('refuses dates that are not dates and kinds that do not exist', () => {
    expect(codeOf(checkBooking(visit('remote', new Date('nope'), at('11:00')), context()))).toBe('VALIDATION');
    expect(codeOf(checkBooking(visit('phone' as 'remote', at('10:00'), at('11:00')), context()))).toBe('VALIDATION');
  });
});

describe('checkBooking: business calendar', () => {
  it('accepts 20:00–21:00 and refuses 20:30–21:15', () => {
    expect(checkBooking(onsite('20:00', '21:00', MIRAFLORES), context())).toEqual({ ok: true });
    expect(checkBooking(onsite('20:30', '21:15', MIRAFLORES), context())).toMatchObject({ ok: false, code: 'OUTSIDE_BUSINESS_HOURS', details: { date: MONDAY } });
  });

  it('refuses before opening, on weekends and across midnight', () => {
    expect(codeOf(checkBooking(remote('07:30', '08:30'), context()))).toBe('OUTSIDE_BUSINESS_HOURS');
    expect(codeOf(checkBooking(remote('10:00', '11:00', '2025-03-08'), context()))).toBe('OUTSIDE_BUSINESS_HOURS');
    expect(codeOf(checkBooking(visit('remote', at('20:00'), at('08:30', TUESDAY)), context()))).toBe('OUTSIDE_BUSINESS_HOURS');
  });

  it('refuses national holidays with their name, for remote and on-site work alike', () => {
    for (const v of [remote('10:00', '11:00', '2025-07-28'), onsite('10:00', '11:00', MIRAFLORES, '2025-07-28')]) {
      const check = checkBooking(v, context());
      expect(check).toMatchObject({ ok: false, code: 'HOLIDAY', details: { date: '2025-07-28', holidayName: expect.stringMatching(/Independencia|Patrias/) } });
    }
  });

  it('follows company closures of the calendar it is given', () => {
    const closed = createBusinessCalendar({ overrides: [{ date: MONDAY, kind: 'closure', name: 'Inventario anual' }] });
    expect(checkBooking(remote('10:00', '11:00'), context([], { calendar: closed }))).toMatchObject({ code: 'HOLIDAY', details: { holidayName: 'Inventario anual' } });
  });
});

describe('checkBooking: service area', () => {
  it('refuses on-site visits outside Lima Metropolitana and Callao, saying where the place is', () => {
    const check = checkBooking(onsite('10:00', '11:00', HUARAL_UBIGEO), context());
    expect(check).toEqual({
      ok: false,
      code: 'OUTSIDE_SERVICE_AREA',
      message: 'El UBIGEO 150601 está fuera del área de servicio: pertenece a la Provincia de Huaral. Solo atendemos en sitio en Lima Metropolitana y el Callao.',
      details: { districtUbigeo: HUARAL_UBIGEO, knownPlace: 'Provincia de Huaral' },
    });
    expect(checkBooking(onsite('10:00', '11:00', '150199'), context())).toMatchObject({ code: 'OUTSIDE_SERVICE_AREA', details: { districtUbigeo: '150199' } });
  });

  it('lets remote sessions serve anywhere', () => {
    expect(checkBooking(visit('remote', at('10:00'), at('11:00'), HUARAL_UBIGEO), context())).toEqual({ ok: true });
  });

  it('accepts every district of the area', () => {
    for (const d of listDistricts()) expect(checkBooking(onsite('10:00', '11:00', d.ubigeo), context()), d.name).toEqual({ ok: true });
  });
});

describe('checkBooking: TECHNICIAN_BUSY', () => {
  const booked = onsite('10:00', '11:00', SAN_ISIDRO);

  it('refuses any overlap, with any kind of visit, and names the one in the way', () => {
    for (const [from, to] of [['10:30', '11:30'], ['09:30', '10:01'], ['10:15', '10:45'], ['09:00', '12:00'], ['10:00', '11:00']] as const) {
      const check = checkBooking(remote(from, to), context([booked]));
      expect(check, `${from}–${to}`).toMatchObject({ ok: false, code: 'TECHNICIAN_BUSY', details: { visitId: booked.id, kind: 'onsite' } });
    }
    expect(checkBooking(remote('10:30', '11:30'), context([booked]))).toMatchObject({ message: 'El técnico ya tiene una visita en sitio en San Isidro de 10:00 a 11:00.' });
    expect(checkBooking(onsite('09:00', '10:30', SAN_ISIDRO), context([remote('10:15', '10:45')]))).toMatchObject({ code: 'TECHNICIAN_BUSY', message: 'El técnico ya tiene una sesión remota de 10:15 a 10:45.' });
  });

  it('treats intervals as half-open: touching is not overlapping', () => {
    expect(checkBooking(remote('11:00', '12:00'), context([booked]))).toEqual({ ok: true });
    expect(checkBooking(remote('09:00', '10:00'), context([booked]))).toEqual({ ok: true });
  });

  it('ignores the visit being rescheduled and other technicians\' visits', () => {
    expect(checkBooking({ ...booked, startsAt: at('10:30'), endsAt: at('11:30') }, context([booked]))).toEqual({ ok: true });
    const colleague = visit('remote', at('10:00'), at('11:00'), undefined, { technicianId: 'tech-2' });
    expect(checkBooking(remote('10:00', '11:00'), context([colleague]))).toEqual({ ok: true });
  });

  it('throws on a visit on file with broken dates rather than letting an overlap through', () => {
    const broken = visit('remote', new Date('nope'), at('11:00'));
    expect(() => checkBooking(remote('10:00', '11:00'), context([broken]))).toThrow(RangeError);
  });
});

describe('checkBooking: INSUFFICIENT_TRAVEL_TIME', () => {
  const morning = onsite('09:00', '10:00', MIRAFLORES);
  const toComas = travel(MIRAFLORES, COMAS, at('10:00'));

  it('accepts a back-to-back on-site visit exactly at the travel time, and refuses one minute less', () => {
    const exact = visit('onsite', plus(at('10:00'), toComas), plus(at('11:00'), toComas), COMAS);
    expect(checkBooking(exact, context([morning]))).toEqual({ ok: true });
    const short = visit('onsite', plus(at('10:00'), toComas - 1), plus(at('11:00'), toComas - 1), COMAS);
    expect(checkBooking(short, context([morning]))).toEqual({
      ok: false,
      code: 'INSUFFICIENT_TRAVEL_TIME',
      message: `No alcanza el tiempo de traslado desde la visita anterior en Miraflores (termina a las 10:00) hasta Comas: se estiman ${toComas} min y solo hay ${toComas - 1} min libres.`,
      details: { leg: 'fromPrevious', fromVisitId: morning.id, toVisitId: short.id, fromUbigeo: MIRAFLORES, toUbigeo: COMAS, requiredMinutes: toComas, availableMinutes: toComas - 1 },
    });
  });

  it('checks the way on to the next visit too', () => {
    const comas = onsite('08:30', '09:30', COMAS);
    const needed = travel(COMAS, MIRAFLORES, at('09:30'));
    const next = visit('onsite', plus(at('09:30'), needed - 1), plus(at('10:30'), needed), MIRAFLORES);
    expect(checkBooking(comas, context([next]))).toMatchObject({
      code: 'INSUFFICIENT_TRAVEL_TIME',
      message: `No alcanza el tiempo de traslado hacia la siguiente visita en Miraflores (empieza a las ${limaHourMinute(next.startsAt)}) desde Comas: se estiman ${needed} min y solo hay ${needed - 1} min libres.`,
      details: { leg: 'toNext', fromVisitId: comas.id, toVisitId: next.id, requiredMinutes: needed, availableMinutes: needed - 1 },
    });
    const nextInTime = { ...next, startsAt: plus(at('09:30'), needed) };
    expect(checkBooking(comas, context([nextInTime]))).toEqual({ ok: true });
  });

  it('needs only the 10 minutes to park within the same district', () => {
    expect(checkBooking(onsite('10:10', '11:00', MIRAFLORES), context([morning]))).toEqual({ ok: true });
    expect(codeOf(checkBooking(onsite('10:09', '11:00', MIRAFLORES), context([morning])))).toBe('INSUFFICIENT_TRAVEL_TIME');
  });

  it('needs no travel for a remote session right after an on-site visit: it is taken from where the technician is', () => {
    expect(checkBooking(remote('10:00', '10:30'), context([morning]))).toEqual({ ok: true });
    expect(checkBooking(onsite('10:00', '11:00', COMAS), context([remote('09:00', '10:00')]))).toEqual({ ok: true });
  });

  it('does not count remote sessions as driving time', () => {
    const session = remote('10:00', '10:30');
    const tooEarly = visit('onsite', plus(at('10:00'), toComas), plus(at('11:00'), toComas), COMAS);
    expect(checkBooking(tooEarly, context([morning, session]))).toMatchObject({ code: 'INSUFFICIENT_TRAVEL_TIME', details: { requiredMinutes: toComas, availableMinutes: toComas - 30 } });
    const inTime = visit('onsite', plus(at('10:30'), toComas), plus(at('11:30'), toComas), COMAS);
    expect(checkBooking(inTime, context([morning, session]))).toEqual({ ok: true });
  });

  it('refuses a remote session that would eat the drive between two on-site visits, unless the drive was already short', () => {
    const afternoon = visit('onsite', plus(at('10:00'), toComas + 20), plus(at('12:00'), toComas + 20), COMAS);
    expect(checkBooking(remote('10:00', '10:20'), context([morning, afternoon]))).toEqual({ ok: true });
    expect(checkBooking(remote('10:00', '10:30'), context([morning, afternoon]))).toMatchObject({
      code: 'INSUFFICIENT_TRAVEL_TIME',
      message: expect.stringMatching(/^Esta sesión no deja tiempo para el traslado desde la visita anterior en Miraflores/),
      details: { leg: 'between', fromVisitId: morning.id, toVisitId: afternoon.id, availableMinutes: toComas - 10 },
    });
    const alreadyShort = visit('onsite', plus(at('10:00'), toComas - 5), plus(at('12:00'), toComas), COMAS);
    expect(checkBooking(remote('10:00', '10:30'), context([morning, alreadyShort]))).toEqual({ ok: true });
  });

  it('starts the day at home at opening time when the home district is known', () => {
    expect(checkBooking(onsite('08:00', '09:00', MIRAFLORES), context([], { technicianHomeUbigeo: MIRAFLORES }))).toMatchObject({
      code: 'INSUFFICIENT_TRAVEL_TIME',
      message: 'No alcanza el tiempo de traslado desde la casa del técnico en Miraflores (el día empieza a las 08:00) hasta Miraflores: se estiman 10 min y solo hay 0 min libres.',
      details: { leg: 'fromPrevious', fromVisitId: null },
    });
    expect(checkBooking(onsite('08:10', '09:00', MIRAFLORES), context([], { technicianHomeUbigeo: MIRAFLORES }))).toEqual({ ok: true });
    const fromHome = travel(COMAS, MIRAFLORES, at('08:00'));
    const home = { technicianHomeUbigeo: COMAS };
    expect(checkBooking(visit('onsite', plus(at('08:00'), fromHome), at('12:00'), MIRAFLORES), context([], home))).toEqual({ ok: true });
    expect(codeOf(checkBooking(visit('onsite', plus(at('08:00'), fromHome - 1), at('12:00'), MIRAFLORES), context([], home)))).toBe('INSUFFICIENT_TRAVEL_TIME');
    // Without a home, or with one outside the area, the first visit is free.
    expect(checkBooking(onsite('08:00', '09:00', MIRAFLORES), context())).toEqual({ ok: true });
    expect(checkBooking(onsite('08:00', '09:00', MIRAFLORES), context([], { technicianHomeUbigeo: HUARAL_UBIGEO }))).toEqual({ ok: true });
    // Once there is an earlier visit that day, the technician leaves from there, not from home.
    expect(checkBooking(onsite('10:10', '11:00', MIRAFLORES), context([morning], home))).toEqual({ ok: true });
  });

  it('lets a night pass between days', () => {
    const lastYesterday = onsite('20:00', '21:00', COMAS, MONDAY);
    expect(checkBooking(onsite('08:00', '09:00', '150124', TUESDAY), context([lastYesterday]))).toEqual({ ok: true });
  });

  it('uses measured times when the estimator has them', () => {
    const measured = createTravelEstimator({ measured: (from, to) => (from === MIRAFLORES && to === COMAS ? 25 : undefined) });
    expect(checkBooking(onsite('10:25', '11:00', COMAS), context([morning], { travel: measured }))).toEqual({ ok: true });
    expect(codeOf(checkBooking(onsite('10:24', '11:00', COMAS), context([morning], { travel: measured })))).toBe('INSUFFICIENT_TRAVEL_TIME');
  });
});

describe('checkBooking: precedence', () => {
  it('reports the first failing rule: VALIDATION, calendar, area, busy, travel', () => {
    const holiday = '2025-07-28';
    const busyAt = onsite('10:00', '11:00', MIRAFLORES, holiday);
    expect(codeOf(checkBooking(visit('onsite', at('10:00', holiday), at('11:00', holiday)), context([busyAt])))).toBe('VALIDATION');
    expect(codeOf(checkBooking(onsite('10:00', '11:00', HUARAL_UBIGEO, holiday), context([busyAt])))).toBe('HOLIDAY');
    const busyMonday = onsite('10:00', '11:00', MIRAFLORES);
    expect(codeOf(checkBooking(onsite('10:30', '11:30', HUARAL_UBIGEO), context([busyMonday])))).toBe('OUTSIDE_SERVICE_AREA');
    expect(codeOf(checkBooking(onsite('10:30', '11:30', COMAS), context([busyMonday])))).toBe('TECHNICIAN_BUSY');
    expect(codeOf(checkBooking(onsite('11:00', '12:00', COMAS), context([busyMonday])))).toBe('INSUFFICIENT_TRAVEL_TIME');
  });
});

describe('checkBooking: properties', () => {
  const ubigeo = fc.constantFrom(...listDistricts().map((d) => d.ubigeo), HUARAL_UBIGEO);
  // Mostly business days, so most candidates get past the calendar and meet each other.
  const day = fc.constantFrom(MONDAY, MONDAY, TUESDAY, TUESDAY, '2025-03-08', '2025-07-28');
  /** Start between 07:00 and 21:00 on five-minute steps, 5 minutes to 4 hours long. */
  const arbVisit = fc
    .record({
      id: fc.uuid(),
      technicianId: fc.constantFrom('tech-1', 'tech-1', 'tech-2'),
      kind: fc.constantFrom('remote' as const, 'onsite' as const),
      date: day,
      startStep: fc.integer({ min: 0, max: 14 * 12 }),
      lengthSteps: fc.integer({ min: 1, max: 48 }),
      districtUbigeo: ubigeo,
    })
    .map(({ date, startStep, lengthSteps, ...rest }): BookingVisit => {
      const startsAt = plus(at('07:00', date), startStep * 5);
      return { ...rest, startsAt, endsAt: plus(startsAt, lengthSteps * 5) };
    });
  const home = fc.option(ubigeo, { nil: undefined });

  it('never accepts a booking that overlaps another visit of the technician', () => {
    fc.assert(
      fc.property(arbVisit, fc.array(arbVisit, { maxLength: 8 }), home, (candidate, others, technicianHomeUbigeo) => {
        const check = checkBooking(candidate, context(others, { technicianHomeUbigeo }));
        if (!check.ok) return;
        for (const other of others) {
          if (other.id === candidate.id || other.technicianId !== candidate.technicianId) continue;
          const overlaps = other.startsAt < candidate.endsAt && candidate.startsAt < other.endsAt;
          expect(overlaps, `${candidate.id} overlaps ${other.id}`).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves at least the estimated drive before and after an accepted on-site visit (no remote sessions in between)', () => {
    fc.assert(
      fc.property(arbVisit, fc.array(arbVisit, { maxLength: 8 }), (candidate, others) => {
        const check = checkBooking(candidate, context(others));
        if (!check.ok || candidate.kind !== 'onsite' || candidate.districtUbigeo == null) return;
        const date = limaDateOf(candidate.startsAt);
        const sameDay = others.filter((o) => o.technicianId === candidate.technicianId && o.id !== candidate.id && limaDateOf(o.startsAt) === date);
        const placed = sameDay.filter((o) => o.kind === 'onsite' && listDistricts().some((d) => d.ubigeo === o.districtUbigeo));
        const previous = placed.filter((o) => o.endsAt <= candidate.startsAt).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
        const next = placed.filter((o) => o.startsAt >= candidate.endsAt).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
        const blockedBetween = (from: Date, to: Date): boolean => sameDay.some((o) => !placed.includes(o) && o.startsAt < to && from < o.endsAt);
        if (previous?.districtUbigeo != null && !blockedBetween(previous.endsAt, candidate.startsAt)) {
          const gap = (candidate.startsAt.getTime() - previous.endsAt.getTime()) / 60_000;
          expect(gap).toBeGreaterThanOrEqual(travel(previous.districtUbigeo, candidate.districtUbigeo, previous.endsAt));
        }
        if (next?.districtUbigeo != null && !blockedBetween(candidate.endsAt, next.startsAt)) {
          const gap = (next.startsAt.getTime() - candidate.endsAt.getTime()) / 60_000;
          expect(gap).toBeGreaterThanOrEqual(travel(candidate.districtUbigeo, next.districtUbigeo, candidate.endsAt));
        }
      }),
      { numRuns: 500 },
    );
  });
});
