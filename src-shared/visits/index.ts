/** Visit rules: can a visit be booked, and why not. Import from here. */
export { MAX_VISIT_MINUTES, checkBooking } from './booking.ts';
export { BOOKING_CODES, type BookingCheck, type BookingCode, type BookingContext, type BookingVisit } from './types.ts';
