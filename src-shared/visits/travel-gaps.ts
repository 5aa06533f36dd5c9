/**
 * INSUFFICIENT_TRAVEL_TIME: can the technician get from one place to the
 * next in the time the agenda leaves him?
 *
 * The model of a technician's day:
 * - He is somewhere only during on-site visits (at their district). Remote
 *   sessions have no place: he takes them wherever he is — at the last
 *   customer's site, in a café, at the next customer's door. So a remote
 *   session right after an on-site visit needs no travel.
 * - But he cannot drive during a remote session. Between two on-site visits,
 *   the driving time available is the gap minus the remote sessions booked
 *   in it. That is why a remote booking can be refused too: squeezed between
 *   two on-site visits, it may leave too little time to drive from one to the
 *   other. (It is refused only when it is what breaks the leg; a leg that was
 *   already too short is not blamed on it.)
 * - With a home district (User.homeDistrictUbigeo, "where a technician starts
 *   the day"), the day starts there at the calendar's opening time: the first
 *   on-site visit must leave time to drive from home. So with a home on
 *   file, the earliest on-site start is 08:10 even in the home district (the
 *   10 minutes to park). Without a home, the first visit is not constrained.
 *   Driving home after the last visit is not checked (it is after hours).
 * - Only legs within one Lima calendar day count: nights reset the day.
 * - The estimate departs at the end of the earlier visit.
 * - An on-site visit on file without a service-area district (old data) is
 *   not a place the model can drive from; it still blocks its time.
 */
import { districtByUbigeo } from '../geo/districts.ts';
import { STANDARD_OPENS_AT } from '../calendar/types.ts';
import { limaDateOf, limaHourMinute, limaInstant } from '../travel/lima-clock.ts';
import type { BookingCheck, BookingContext, BookingVisit } from './types.ts';

const MINUTE_MS = 60_000;

/** A place the technician is at, from `startMs` to `endMs`. */
interface Anchor {
  readonly visitId: string | null;
  readonly ubigeo: string;
  readonly startMs: number;
  readonly endMs: number;
}

interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

interface Leg {
  readonly from: Anchor;
  readonly to: Anchor;
  readonly requiredMinutes: number;
  readonly availableMinutes: number;
}

function districtName(ubigeo: string): string {
  return districtByUbigeo(ubigeo)?.name ?? ubigeo;
}

function anchorOf(visit: BookingVisit): Anchor | undefined {
  if (visit.kind !== 'onsite' || visit.districtUbigeo === undefined || visit.districtUbigeo === null) return undefined;
  if (districtByUbigeo(visit.districtUbigeo) === undefined) return undefined;
  return { visitId: visit.id, ubigeo: visit.districtUbigeo, startMs: visit.startsAt.getTime(), endMs: visit.endsAt.getTime() };
}

/** Minutes of `blocked` spans inside [fromMs, toMs). */
function blockedMinutes(blocked: readonly Span[], fromMs: number, toMs: number): number {
  let total = 0;
  for (const span of blocked) total += Math.max(0, Math.min(span.endMs, toMs) - Math.max(span.startMs, fromMs));
  return total / MINUTE_MS;
}

function measureLeg(from: Anchor, to: Anchor, blocked: readonly Span[], context: BookingContext): Leg {
  const requiredMinutes = context.travel.minutesBetween(from.ubigeo, to.ubigeo, new Date(from.endMs));
  const availableMinutes = (to.startMs - from.endMs) / MINUTE_MS - blockedMinutes(blocked, from.endMs, to.startMs);
  return { from, to, requiredMinutes, availableMinutes };
}

const fits = (leg: Leg): boolean => leg.availableMinutes >= leg.requiredMinutes;

function placeText(anchor: Anchor): string {
  return anchor.visitId === null
    ? `desde la casa del técnico en ${districtName(anchor.ubigeo)} (el día empieza a las ${limaHourMinute(anchor.endMs)})`
    : `desde la visita anterior en ${districtName(anchor.ubigeo)} (termina a las ${limaHourMinute(anchor.endMs)})`;
}

function reject(leg: Leg, direction: 'fromPrevious' | 'toNext' | 'between', message: string): BookingCheck {
  return {
    ok: false,
    code: 'INSUFFICIENT_TRAVEL_TIME',
    message,
    details: {
      leg: direction,
      fromVisitId: leg.from.visitId,
      toVisitId: leg.to.visitId,
      fromUbigeo: leg.from.ubigeo,
      toUbigeo: leg.to.ubigeo,
      requiredMinutes: leg.requiredMinutes,
      availableMinutes: Math.max(0, Math.floor(leg.availableMinutes)),
    },
  };
}

const free = (leg: Leg): string => `${Math.max(0, Math.floor(leg.availableMinutes))} min`;

/**
 * Checks the travel legs the candidate takes part in. Assumes the earlier
 * rules passed: valid interval inside one business day (`date`), on-site
 * district in the area, and no overlap with the technician's other visits.
 */
export function checkTravel(candidate: BookingVisit, date: string, others: readonly BookingVisit[], context: BookingContext): BookingCheck {
  const sameDay = others.filter((v) => limaDateOf(v.startsAt) === date);
  const anchors: Anchor[] = [];
  const blocked: Span[] = [];
  for (const visit of sameDay) {
    const anchor = anchorOf(visit);
    if (anchor === undefined) blocked.push({ startMs: visit.startsAt.getTime(), endMs: visit.endsAt.getTime() });
    else anchors.push(anchor);
  }
  const home = context.technicianHomeUbigeo ?? null;
  if (home !== null && districtByUbigeo(home) !== undefined) {
    const opensMs = limaInstant(date, context.calendar.day(date).opensAt ?? STANDARD_OPENS_AT).getTime();
    anchors.push({ visitId: null, ubigeo: home, startMs: opensMs, endMs: opensMs });
  }

  const startMs = candidate.startsAt.getTime();
  const endMs = candidate.endsAt.getTime();
  const previous = anchors.filter((a) => a.endMs <= startMs).sort((a, b) => b.endMs - a.endMs)[0];
  const next = anchors.filter((a) => a.startMs >= endMs && a.visitId !== null).sort((a, b) => a.startMs - b.startMs)[0];
  const self = anchorOf(candidate);

  if (self !== undefined) {
    if (previous !== undefined) {
      const leg = measureLeg(previous, self, blocked, context);
      if (!fits(leg)) {
        return reject(leg, 'fromPrevious', `No alcanza el tiempo de traslado ${placeText(previous)} hasta ${districtName(self.ubigeo)}: se estiman ${leg.requiredMinutes} min y solo hay ${free(leg)} libres.`);
      }
    }
    if (next !== undefined) {
      const leg = measureLeg(self, next, blocked, context);
      if (!fits(leg)) {
        return reject(
          leg,
          'toNext',
          `No alcanza el tiempo de traslado hacia la siguiente visita en ${districtName(next.ubigeo)} (empieza a las ${limaHourMinute(next.startMs)}) desde ${districtName(self.ubigeo)}: se estiman ${leg.requiredMinutes} min y solo hay ${free(leg)} libres.`,
        );
      }
    }
    return { ok: true };
  }

  // A remote session (or an on-site one without a place): it only takes driving time away.
  if (previous === undefined || next === undefined) return { ok: true };
  const without = measureLeg(previous, next, blocked, context);
  const withCandidate = measureLeg(previous, next, [...blocked, { startMs, endMs }], context);
  if (fits(without) && !fits(withCandidate)) {
    return reject(
      withCandidate,
      'between',
      `Esta sesión no deja tiempo para el traslado ${placeText(previous)} hasta la visita en ${districtName(next.ubigeo)} (empieza a las ${limaHourMinute(next.startMs)}): se estiman ${withCandidate.requiredMinutes} min y quedarían ${free(withCandidate)} libres.`,
    );
  }
  return { ok: true };
}
