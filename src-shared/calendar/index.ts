/** The business calendar's public API: import from here, not from the files behind it. */
export { createBusinessCalendar } from './business-calendar.ts';
export { peruNationalHolidays } from './peru-holidays.ts';
export { DAY_MS, LIMA_OFFSET_MINUTES, MINUTE_MS, limaDateOf, limaInstant } from './lima-time.ts';
export {
  LIMA_TZ,
  STANDARD_CLOSES_AT,
  STANDARD_OPENS_AT,
  type BusinessCalendar,
  type BusinessCalendarOptions,
  type CalendarOverride,
  type Instant,
  type IntervalCheck,
  type NationalHoliday,
  type NationalHolidaySource,
} from './types.ts';
