/**
 * How long a technician needs to get from one district to another (DESIGN.md §1).
 *
 * The default model, until measured times exist:
 *   road km      = great-circle km between the two district capitals × 1.3 (road circuity)
 *   driving time = road km at the Lima speed of the hour (TomTom 2025):
 *                  07:00–10:00 13.9 km/h · 17:00–20:00 11.7 km/h · otherwise 17.2 km/h
 *   minutes      = ceil(driving time + 10 min to park and get in)
 *
 * The speed follows the clock while driving: a trip that starts at 09:50
 * drives its first 10 minutes at peak speed and the rest at 17.2 km/h. Taking
 * only the departure hour would let a technician who leaves at 10:00 arrive
 * before one who left at 09:55; integrating over the bands keeps "leave later,
 * arrive later" true, which the booking rules rely on when they compare gaps.
 *
 * Same district: just the 10 minutes. Addresses are not geocoded, so any
 * intra-district distance would be a guess; most same-district pairs are the
 * same customer or the next block, and over-estimating them would block the
 * commonest back-to-back bookings. The capitals of the big districts
 * (Lurigancho, Carabayllo, Ate) are far from their edges, so measured times
 * should replace the model there first.
 */
import { districtByUbigeo, type District } from '../geo/districts.ts';
import { limaMinuteOfDay } from './lima-clock.ts';

export interface TravelTimeEstimator {
  /**
   * Whole minutes to get from one service-area district to another, leaving
   * at `departAt`, parking included. Throws RangeError for a UBIGEO outside
   * the service area: callers check the area first (booking rules do).
   */
  minutesBetween(fromUbigeo: string, toUbigeo: string, departAt: Date): number;
}

/** The constants of the model, exported so UIs can show them and tests can reason with them. */
export const TRAVEL_MODEL = Object.freeze({
  circuity: 1.3,
  parkMinutes: 10,
  offPeakKmPerHour: 17.2,
  morningPeak: Object.freeze({ from: '07:00', to: '10:00', kmPerHour: 13.9 }),
  eveningPeak: Object.freeze({ from: '17:00', to: '20:00', kmPerHour: 11.7 }),
});

const EARTH_RADIUS_KM = 6371.0088;
const DAY_MINUTES = 24 * 60;

/** Great-circle distance in km (haversine, mean Earth radius). */
export function haversineKm(latA: number, lonA: number, latB: number, lonB: number): number {
  const rad = Math.PI / 180;
  const dLat = (latB - latA) * rad;
  const dLon = (lonB - lonA) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(latA * rad) * Math.cos(latB * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const toMinute = (hourMinute: string): number => Number(hourMinute.slice(0, 2)) * 60 + Number(hourMinute.slice(3, 5));

/** Speed bands of one Lima day, [start, end) in minutes since midnight, covering 0–1440. */
const SPEED_BANDS: ReadonlyArray<{ readonly start: number; readonly end: number; readonly kmPerHour: number }> = (() => {
  const { offPeakKmPerHour: off, morningPeak: am, eveningPeak: pm } = TRAVEL_MODEL;
  const cuts = [0, toMinute(am.from), toMinute(am.to), toMinute(pm.from), toMinute(pm.to), DAY_MINUTES];
  const speeds = [off, am.kmPerHour, off, pm.kmPerHour, off];
  return speeds.map((kmPerHour, i) => ({ start: cuts[i] ?? 0, end: cuts[i + 1] ?? DAY_MINUTES, kmPerHour }));
})();

/** The Lima traffic speed at an instant, km/h. */
export function limaSpeedAt(at: Date | number): number {
  const minute = limaMinuteOfDay(at);
  return (SPEED_BANDS.find((band) => minute >= band.start && minute < band.end) ?? { kmPerHour: TRAVEL_MODEL.offPeakKmPerHour }).kmPerHour;
}

/** Minutes (fractional) to drive `roadKm`, leaving at `departAt`, with the speed following the clock. */
export function drivingMinutes(roadKm: number, departAt: Date | number): number {
  let remainingKm = roadKm;
  let minute = limaMinuteOfDay(departAt);
  let elapsed = 0;
  while (remainingKm > 0) {
    const band = SPEED_BANDS.find((b) => minute >= b.start && minute < b.end);
    if (band === undefined) throw new Error(`No speed band covers minute ${minute}.`);
    const bandMinutes = band.end - minute;
    const bandKm = (band.kmPerHour * bandMinutes) / 60;
    if (bandKm >= remainingKm) return elapsed + (remainingKm / band.kmPerHour) * 60;
    elapsed += bandMinutes;
    remainingKm -= bandKm;
    minute = band.end % DAY_MINUTES;
  }
  return elapsed;
}

/** The model's working, for UIs that explain an estimate ("9.4 km por pista a 13.9 km/h + 10 min"). */
export interface TravelEstimate {
  readonly fromUbigeo: string;
  readonly toUbigeo: string;
  readonly sameDistrict: boolean;
  /** Great-circle km between the district capitals. */
  readonly straightKm: number;
  /** straightKm × circuity. */
  readonly roadKm: number;
  /** Fractional minutes behind the wheel. */
  readonly drivingMinutes: number;
  readonly parkMinutes: number;
  /** What the estimator answers: ceil(driving + parking). */
  readonly minutes: number;
}

function serviceDistrict(ubigeo: string, role: string): District {
  const district = districtByUbigeo(ubigeo);
  if (district === undefined) throw new RangeError(`Travel estimate: ${role} UBIGEO "${ubigeo}" is not a service-area district.`);
  return district;
}

/** Whole minutes, tolerating float noise: 20.000000001 is 20, 20.01 is 21. */
function ceilMinutes(minutes: number): number {
  return Math.ceil(minutes - 1e-9);
}

/** The model's estimate with its working. */
export function estimateTravel(fromUbigeo: string, toUbigeo: string, departAt: Date): TravelEstimate {
  const from = serviceDistrict(fromUbigeo, 'origin');
  const to = serviceDistrict(toUbigeo, 'destination');
  const parkMinutes = TRAVEL_MODEL.parkMinutes;
  if (from.ubigeo === to.ubigeo) {
    return { fromUbigeo: from.ubigeo, toUbigeo: to.ubigeo, sameDistrict: true, straightKm: 0, roadKm: 0, drivingMinutes: 0, parkMinutes, minutes: parkMinutes };
  }
  const straightKm = haversineKm(from.capitalLat, from.capitalLon, to.capitalLat, to.capitalLon);
  const roadKm = straightKm * TRAVEL_MODEL.circuity;
  const driving = drivingMinutes(roadKm, departAt);
  return { fromUbigeo: from.ubigeo, toUbigeo: to.ubigeo, sameDistrict: false, straightKm, roadKm, drivingMinutes: driving, parkMinutes, minutes: ceilMinutes(driving + parkMinutes) };
}

export interface TravelEstimatorOptions {
  /**
   * Measured door-to-door minutes (e.g. from check-in/check-out history or a
   * routing service), parking included; undefined when there is no
   * measurement for that pair and hour, and the model answers instead.
   */
  readonly measured?: (fromUbigeo: string, toUbigeo: string, departAt: Date) => number | undefined;
}

export function createTravelEstimator(options: TravelEstimatorOptions = {}): TravelTimeEstimator {
  const { measured } = options;
  return {
    minutesBetween(fromUbigeo, toUbigeo, departAt) {
      const value = measured?.(fromUbigeo, toUbigeo, departAt);
      if (value === undefined) return estimateTravel(fromUbigeo, toUbigeo, departAt).minutes;
      // A broken measurement source is a bug to surface, not a reason to quietly trust the model.
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`Measured travel time ${fromUbigeo}→${toUbigeo} is not a duration: ${String(value)}.`);
      return ceilMinutes(value);
    },
  };
}

/** The model alone, no measurements. */
export const defaultTravelEstimator: TravelTimeEstimator = createTravelEstimator();
