/**
 * calendar.*: the company's business calendar (national holidays + company
 * closures and openings), from the synced `calendarDay` rows when the cache
 * holds them, else from the `calendar-overrides.json` stand-in (see
 * calendar-source.ts). A broken stand-in file is reported as
 * CALENDAR_DATA_INVALID, in Spanish, with what is wrong — the desk keeps
 * running.
 */
import { ok } from '../../../src-shared/result.ts';
import type { CalendarSource } from './calendar-source.ts';
import type { DomainModule } from './types.ts';

export { CALENDAR_OVERRIDES_FILE, CalendarOverridesFileSchema } from './calendar-source.ts';

export function createCalendarModule(source: CalendarSource): DomainModule<'calendar.month'> {
  return {
    handlers: {
      'calendar.month': async ({ year, month }) => {
        const calendar = await source.current();
        if (!calendar.ok) return calendar;
        return ok(calendar.value.month(year, month));
      },
    },
  };
}
