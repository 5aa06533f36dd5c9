import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtByUbigeo, listDistricts } from '../../../src-shared/geo/index.ts';
import {
  TRAVEL_MODEL,
  createTravelEstimator,
  defaultTravelEstimator,
  drivingMinutes,
  estimateTravel,
  haversineKm,
  limaDateOf,
  limaHourMinute,
  limaInstant,
  limaMinuteOfDay,
  limaSpeedAt,
} from '../../../src-shared/travel/index.ts';

const MONDAY = '2025-03-10';
const at = (hourMinute: string, date = MONDAY): Date => limaInstant(date, hourMinute);

function capitals(fromUbigeo: string, toUbigeo: string): number {
  const from = districtByUbigeo(fromUbigeo);
  const to = districtByUbigeo(toUbigeo);
  if (from === undefined || to === undefined) throw new Error('test districts must exist');
  return haversineKm(from.capitalLat, from.capitalLon, to.capitalLat, to.capitalLon);
}

describe('Lima clock', () => {
  it('is UTC-5 all year', () => {
    expect(limaInstant('2025-03-10', '08:00').toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(limaInstant('2025-07-28', '21:00').toISOString()).toBe('2025-07-29T02:00:00.000Z');
    expect(limaDateOf(new Date('2025-03-11T03:30:00Z'))).toBe('2025-03-10');
    expect(limaDateOf(new Date('2025-03-11T05:00:00Z'))).toBe('2025-03-11');
    expect(limaMinuteOfDay(new Date('2025-03-10T12:30:30Z'))).toBe(7 * 60 + 30.5);
    expect(limaHourMinute(new Date('2025-03-11T01:15:00Z'))).toBe('20:15');
  });

  it('rejects what is not a date', () => {
    expect(() => limaInstant('2025-13-40', '08:00')).toThrow(RangeError);
    expect(() => limaDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('haversine distance', () => {
  it('measures one degree of a meridian as ~111.2 km and is symmetric', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.195, 2);
    expect(haversineKm(-12.04, -77.03, -12.12, -77.03)).toBeCloseTo(8.896, 2);
    expect(capitals('150122', '150110')).toBeCloseTo(capitals('150110', '150122'), 12);
    expect(haversineKm(-12.1, -77, -12.1, -77)).toBe(0);
  });
});

describe('Lima traffic speed by the hour', () => {
  it.each([
    ['06:59', 17.2],
    ['07:00', 13.9],
    ['09:59', 13.9],
    ['10:00', 17.2],
    ['16:59', 17.2],
    ['17:00', 11.7],
    ['19:59', 11.7],
    ['20:00', 17.2],
    ['23:30', 17.2],
  ] as const)('at %s drives at %s km/h', (hourMinute, kmPerHour) => {
    expect(limaSpeedAt(at(hourMinute))).toBe(kmPerHour);
  });

  it('follows the clock across a band edge', () => {
    // 09:50 → 10 min at 13.9 km/h, the rest at 17.2 km/h.
    const roadKm = 10;
    const inPeak = (13.9 * 10) / 60;
    expect(drivingMinutes(roadKm, at('09:50'))).toBeCloseTo(10 + ((roadKm - inPeak) / 17.2) * 60, 9);
    // 16:50 → 10 min at 17.2, the rest at 11.7.
    const beforePeak = (17.2 * 10) / 60;
    expect(drivingMinutes(roadKm, at('16:50'))).toBeCloseTo(10 + ((roadKm - beforePeak) / 11.7) * 60, 9);
    // Past midnight the day starts over.
    expect(drivingMinutes(17.2 * 3, at('23:00'))).toBeCloseTo(180, 9);
  });
});

describe('estimateTravel (the DESIGN.md model)', () => {
  it('is capital-to-capital km × 1.3 at the hour speed, plus 10 minutes, rounded up', () => {
    const km = capitals('150122', '150131') * 1.3;
    expect(estimateTravel('150122', '150131', at('12:00')).minutes).toBe(Math.ceil((km / 17.2) * 60 + 10));
    expect(estimateTravel('150122', '150131', at('08:00')).minutes).toBe(Math.ceil((km / 13.9) * 60 + 10));
    expect(estimateTravel('150122', '150131', at('18:00')).minutes).toBe(Math.ceil((km / 11.7) * 60 + 10));
    const estimate = estimateTravel('150122', '150131', at('12:00'));
    expect(estimate).toMatchObject({ sameDistrict: false, parkMinutes: 10 });
    expect(estimate.roadKm).toBeCloseTo(estimate.straightKm * TRAVEL_MODEL.circuity, 12);
  });

  it('gives a long cross-city trip in the evening peak hours, not minutes', () => {
    // Pucusana (far south) → Ventanilla (far north): ~76 km straight, ~99 km by road at 11.7 km/h.
    const minutes = defaultTravelEstimator.minutesBetween('150124', '070106', at('17:30'));
    expect(minutes).toBeGreaterThan(6 * 60);
    expect(minutes).toBeLessThan(8 * 60);
  });

  it('counts only the 10 minutes to park within one district', () => {
    for (const d of listDistricts()) {
      expect(defaultTravelEstimator.minutesBetween(d.ubigeo, d.ubigeo, at('08:30'))).toBe(10);
    }
    expect(estimateTravel('150118', '150118', at('18:00'))).toMatchObject({ sameDistrict: true, roadKm: 0, minutes: 10 });
  });

  it('refuses districts outside the service area', () => {
    expect(() => defaultTravelEstimator.minutesBetween('150601', '150122', at('12:00'))).toThrow(RangeError);
    expect(() => defaultTravelEstimator.minutesBetween('150122', 'xx', at('12:00'))).toThrow(/not a service-area district/);
  });

  const ubigeo = fc.constantFrom(...listDistricts().map((d) => d.ubigeo));
  const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((ms) => new Date(ms));

  it('answers whole minutes, at least the parking time, over the same road distance both ways', () => {
    fc.assert(
      fc.property(ubigeo, ubigeo, instant, (a, b, departAt) => {
        const minutes = defaultTravelEstimator.minutesBetween(a, b, departAt);
        expect(Number.isInteger(minutes)).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(10);
        expect(estimateTravel(a, b, departAt).roadKm).toBeCloseTo(estimateTravel(b, a, departAt).roadKm, 9);
      }),
    );
  });

  it('never lets a later departure arrive earlier (speed follows the clock)', () => {
    fc.assert(
      fc.property(ubigeo, ubigeo, instant, fc.integer({ min: 0, max: 6 * 60 * 60_000 }), (a, b, first, laterByMs) => {
        const second = new Date(first.getTime() + laterByMs);
        const { roadKm } = estimateTravel(a, b, first);
        const arriveFirst = first.getTime() + drivingMinutes(roadKm, first) * 60_000;
        const arriveSecond = second.getTime() + drivingMinutes(roadKm, second) * 60_000;
        expect(arriveSecond).toBeGreaterThanOrEqual(arriveFirst - 1e-3);
      }),
    );
  });
});

describe('createTravelEstimator with measured times', () => {
  it('uses a measurement when there is one, rounded up, and the model otherwise', () => {
    const calls: string[] = [];
    const estimator = createTravelEstimator({
      measured: (from, to, departAt) => {
        calls.push(`${from}>${to}@${limaHourMinute(departAt)}`);
        return from === '150122' && to === '150131' ? 7.2 : undefined;
      },
    });
    expect(estimator.minutesBetween('150122', '150131', at('12:00'))).toBe(8);
    expect(estimator.minutesBetween('150131', '150122', at('12:00'))).toBe(estimateTravel('150131', '150122', at('12:00')).minutes);
    expect(calls).toEqual(['150122>150131@12:00', '150131>150122@12:00']);
  });

  it('surfaces a measurement that is not a duration instead of hiding it', () => {
    for (const broken of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      const estimator = createTravelEstimator({ measured: () => broken });
      expect(() => estimator.minutesBetween('150122', '150131', at('12:00'))).toThrow(RangeError);
    }
  });
});
