/** Shapes shared by the booking rules and their callers (server `visit.book`/`visit.reschedule`, the dispatch board). */
import type { BusinessCalendar } from '../calendar/types.ts';
import type { WorkKind } from '../protocol/entities.ts';
import type { TravelTimeEstimator } from '../travel/estimator.ts';

/** A visit as the booking rules see it: who, what kind, when, where. Instants are Dates. */
export interface BookingVisit {
  readonly id: string;
  readonly technicianId: string;
  readonly kind: WorkKind;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Required for on-site visits; ignored for remote ones. */
  readonly districtUbigeo?: string | null;
}

export interface BookingContext {
  /** Only `checkInterval` and `day` (for the day's opening time) are used. */
  readonly calendar: Pick<BusinessCalendar, 'checkInterval' | 'day'>;
  /**
   * The technician's other visits that are not cancelled, any day, any kind.
   * The candidate itself (same id, e.g. when rescheduling) and visits of other
   * technicians are ignored, so a caller may pass a whole day's board.
   */
  readonly otherVisits: readonly BookingVisit[];
  readonly travel: TravelTimeEstimator;
  /** Where the technician starts the day (User.homeDistrictUbigeo); see travel-gaps.ts for what it changes. */
  readonly technicianHomeUbigeo?: string | null;
}

/** DESIGN.md §3 rejection codes of `visit.book` / `visit.reschedule`, in the order they are checked. */
export const BOOKING_CODES = ['VALIDATION', 'HOLIDAY', 'OUTSIDE_BUSINESS_HOURS', 'OUTSIDE_SERVICE_AREA', 'TECHNICIAN_BUSY', 'INSUFFICIENT_TRAVEL_TIME'] as const;
export type BookingCode = (typeof BOOKING_CODES)[number];

export type BookingCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: BookingCode;
      /** Spanish (es-PE), for the dispatcher and the rejected mutation. */
      readonly message: string;
      readonly details: Readonly<Record<string, unknown>>;
    };
