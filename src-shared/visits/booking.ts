/**
 * Can this visit be booked? One pure function, used by the server on
 * `visit.book` / `visit.reschedule` and by the desk before it queues the
 * mutation, so the dispatcher hears "no" at once and the server agrees.
 *
 * Rules, in this order; the first that fails is the answer (DESIGN.md §3):
 * 1. VALIDATION — end after start, at most 13 hours (one whole business
 *    day), a known kind, and an on-site visit names a 6-digit district.
 * 2. HOLIDAY / OUTSIDE_BUSINESS_HOURS — the calendar's checkInterval:
 *    Mon–Fri 08:00–21:00 Lima, start and end on the same business day.
 * 3. OUTSIDE_SERVICE_AREA — on-site only, the 50 districts of Lima
 *    Metropolitana and Callao. Remote sessions ignore the area (and any
 *    district they carry).
 * 4. TECHNICIAN_BUSY — overlap with another visit of the technician, of
 *    any kind. Intervals are half-open: 09:00–10:00 and 10:00–11:00 do not
 *    overlap.
 * 5. INSUFFICIENT_TRAVEL_TIME — see travel-gaps.ts for the model.
 */
import { districtByUbigeo } from '../geo/districts.ts';
import { describeLookup } from '../geo/describe.ts';
import { lookupDistrict } from '../geo/lookup.ts';
import { WORK_KINDS } from '../protocol/entities.ts';
import { limaHourMinute } from '../travel/lima-clock.ts';
import { checkTravel } from './travel-gaps.ts';
import type { BookingCheck, BookingCode, BookingContext, BookingVisit } from './types.ts';

/** A business day is 08:00–21:00; nothing longer can be one visit. */
export const MAX_VISIT_MINUTES = 13 * 60;

function refuse(code: BookingCode, message: string, details: Record<string, unknown> = {}): BookingCheck {
  return { ok: false, code, message, details };
}

const isInstant = (value: unknown): value is Date => value instanceof Date && Number.isFinite(value.getTime());

function validate(candidate: BookingVisit): BookingCheck {
  if (!isInstant(candidate.startsAt) || !isInstant(candidate.endsAt)) {
    return refuse('VALIDATION', 'La fecha u hora de la visita no es válida.', { field: isInstant(candidate.startsAt) ? 'endsAt' : 'startsAt' });
  }
  if (!(WORK_KINDS as readonly string[]).includes(candidate.kind)) {
    return refuse('VALIDATION', 'El tipo de visita debe ser remota o en sitio.', { field: 'kind' });
  }
  const minutes = (candidate.endsAt.getTime() - candidate.startsAt.getTime()) / 60_000;
  if (minutes <= 0) return refuse('VALIDATION', 'La hora de fin debe ser posterior a la hora de inicio.', { field: 'endsAt' });
  if (minutes > MAX_VISIT_MINUTES) {
    return refuse('VALIDATION', 'Una visita no puede durar más de 13 horas: debe caber en un día hábil (08:00–21:00).', { field: 'endsAt', minutes, maxMinutes: MAX_VISIT_MINUTES });
  }
  if (candidate.kind === 'onsite') {
    const ubigeo = candidate.districtUbigeo?.trim() ?? '';
    if (ubigeo === '') return refuse('VALIDATION', 'Una visita en sitio necesita el distrito donde se hará.', { field: 'districtUbigeo' });
    if (!/^\d{6}$/.test(ubigeo)) return refuse('VALIDATION', `El distrito debe indicarse con su UBIGEO de 6 dígitos (se recibió «${ubigeo}»).`, { field: 'districtUbigeo' });
  }
  return { ok: true };
}

function assertOtherVisit(visit: BookingVisit): void {
  // Visits on file were validated when booked; a broken one is a caller bug, not a reason to accept an overlap.
  if (!isInstant(visit.startsAt) || !isInstant(visit.endsAt)) throw new RangeError(`checkBooking: visit ${visit.id} on file has an invalid start or end.`);
}

const kindText = (visit: BookingVisit): string => (visit.kind === 'onsite' ? 'una visita en sitio' : 'una sesión remota');

export function checkBooking(candidate: BookingVisit, context: BookingContext): BookingCheck {
  const validation = validate(candidate);
  if (!validation.ok) return validation;

  const interval = context.calendar.checkInterval(candidate.startsAt, candidate.endsAt);
  if (!interval.ok) {
    const details: Record<string, unknown> = {};
    if (interval.date !== undefined) details.date = interval.date;
    if (interval.holidayName !== undefined) details.holidayName = interval.holidayName;
    return refuse(interval.code, interval.message, details);
  }

  if (candidate.kind === 'onsite') {
    const ubigeo = (candidate.districtUbigeo ?? '').trim();
    if (districtByUbigeo(ubigeo) === undefined) {
      const lookup = lookupDistrict(ubigeo);
      const knownPlace = !lookup.inArea ? lookup.knownPlace : undefined;
      return refuse('OUTSIDE_SERVICE_AREA', describeLookup(lookup, 'es-PE'), knownPlace === undefined ? { districtUbigeo: ubigeo } : { districtUbigeo: ubigeo, knownPlace });
    }
  }

  const others = context.otherVisits.filter((v) => v.id !== candidate.id && v.technicianId === candidate.technicianId);
  others.forEach(assertOtherVisit);
  const startMs = candidate.startsAt.getTime();
  const endMs = candidate.endsAt.getTime();
  const clash = others.filter((v) => v.startsAt.getTime() < endMs && startMs < v.endsAt.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (clash !== undefined) {
    const where = clash.kind === 'onsite' && clash.districtUbigeo ? ` en ${districtByUbigeo(clash.districtUbigeo)?.name ?? clash.districtUbigeo}` : '';
    return refuse('TECHNICIAN_BUSY', `El técnico ya tiene ${kindText(clash)}${where} de ${limaHourMinute(clash.startsAt)} a ${limaHourMinute(clash.endsAt)}.`, {
      visitId: clash.id,
      kind: clash.kind,
      startsAt: clash.startsAt.toISOString(),
      endsAt: clash.endsAt.toISOString(),
    });
  }

  return checkTravel(candidate, interval.date, others, context);
}
