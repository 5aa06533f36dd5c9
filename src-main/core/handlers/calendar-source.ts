/**
 * Which business calendar the desk uses, in one place: the company calendar
 * synced from the server (`calendarDay` rows: national holidays, closures,
 * openings) once the cache holds any, else the national holidays built in
 * plus the `<dataDir>/calendar-overrides.json` stand-in.
 *
 * Synced holidays replace the built-in ones for the years they cover; for
 * any other year the built-in Peru holidays apply, so a desk never treats a
 * feriado as a working day just because the server published a narrower
 * range. A calendar is rebuilt only when its source changed.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { createBusinessCalendar, peruNationalHolidays } from '../../../src-shared/calendar/index.ts';
import type { BusinessCalendar, CalendarOverride, NationalHoliday } from '../../../src-shared/calendar/types.ts';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import { readJsonFile } from '../json-file.ts';
import type { CoreLogger } from '../log.ts';
import type { CacheAccess } from './cache-access.ts';

export const CALENDAR_OVERRIDES_FILE = 'calendar-overrides.json';

const SPANISH_ISSUES = z.locales.es();
const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const OverrideSchema = z
  .object({
    date: z.string().refine(isRealDate, 'debe ser una fecha real AAAA-MM-DD'),
    kind: z.enum(['closure', 'opening'], { error: 'debe ser "closure" (cierre) u "opening" (apertura)' }),
    name: z.string().trim().min(1, 'necesita un nombre legible'),
    opensAt: z.string().regex(HOUR_MINUTE, 'debe ser HH:mm').optional(),
    closesAt: z.string().regex(HOUR_MINUTE, 'debe ser HH:mm').optional(),
  })
  .strict()
  .refine((o) => o.kind === 'opening' || (o.opensAt === undefined && o.closesAt === undefined), {
    message: 'un cierre dura todo el día y no lleva horario',
  })
  .refine((o) => (o.opensAt ?? '08:00') < (o.closesAt ?? '21:00'), { message: 'la hora de cierre debe ser posterior a la de apertura' });

export const CalendarOverridesFileSchema = z.array(OverrideSchema).superRefine((overrides, ctx) => {
  const seen = new Set<string>();
  overrides.forEach((o, index) => {
    if (seen.has(o.date)) ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `la fecha ${o.date} se repite; deje una sola decisión por día` });
    seen.add(o.date);
  });
});

export interface CalendarSource {
  /** The company calendar, or CALENDAR_DATA_INVALID when the stand-in file is broken (what calendar.month reports). */
  current(): Promise<Result<BusinessCalendar>>;
  /**
   * A calendar for rules (rank, SLA) that must not fail a queue because of a
   * broken file: the company calendar when it is valid, else national
   * holidays only (the problem is logged by current()).
   */
  forRules(): Promise<BusinessCalendar>;
}

interface SyncedDayRow {
  date: string;
  kind: string;
  name: string;
  opens_at: string | null;
  closes_at: string | null;
}

function invalidFile(detail: string): Result<never> {
  return fail(
    'CALENDAR_DATA_INVALID',
    `El calendario de la empresa (${CALENDAR_OVERRIDES_FILE}) no es válido: ${detail}. Corríjalo o retírelo para usar solo los feriados nacionales.`,
  );
}

function describePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'el archivo: ';
  const [index, ...rest] = path;
  const item = typeof index === 'number' ? `elemento ${index + 1}` : String(index);
  return rest.length === 0 ? `${item}: ` : `${item}, ${rest.map(String).join('.')}: `;
}

/** Builds the calendar of synced rows. Throws what createBusinessCalendar throws. */
function calendarFromSyncedRows(rows: readonly SyncedDayRow[]): BusinessCalendar {
  const holidaysByYear = new Map<number, NationalHoliday[]>();
  const overrides: CalendarOverride[] = [];
  for (const row of rows) {
    if (row.kind === 'holiday') {
      const year = Number(row.date.slice(0, 4));
      const list = holidaysByYear.get(year) ?? [];
      list.push({ date: row.date, name: row.name });
      holidaysByYear.set(year, list);
    } else if (row.kind === 'closure') {
      // A closure is closed all day; hours on one would be a server bug, not a shorter day.
      overrides.push({ date: row.date, kind: 'closure', name: row.name });
    } else if (row.kind === 'opening') {
      overrides.push({ date: row.date, kind: 'opening', name: row.name, ...(row.opens_at === null ? {} : { opensAt: row.opens_at }), ...(row.closes_at === null ? {} : { closesAt: row.closes_at }) });
    }
  }
  return createBusinessCalendar({
    overrides,
    nationalHolidays: (year) => holidaysByYear.get(year) ?? peruNationalHolidays(year),
  });
}

export function createCalendarSource(deps: { readonly dataDir: string; readonly cache: CacheAccess; readonly log: CoreLogger }): CalendarSource {
  const path = join(deps.dataDir, CALENDAR_OVERRIDES_FILE);
  const nationalOnly = createBusinessCalendar();
  let cached: { key: string; calendar: BusinessCalendar } | null = null;

  function reuse(key: string, build: () => BusinessCalendar): BusinessCalendar {
    if (cached?.key === key) return cached.calendar;
    const calendar = build();
    cached = { key, calendar };
    return calendar;
  }

  function syncedRows(): SyncedDayRow[] {
    if (!deps.cache.ok) return [];
    return deps.cache.store.db.prepare('SELECT date, kind, name, opens_at, closes_at FROM calendar_days ORDER BY date').all() as SyncedDayRow[];
  }

  async function fromFile(): Promise<Result<BusinessCalendar>> {
    const read = await readJsonFile(path);
    if (read.kind === 'unreadable') {
      deps.log.warn(`${path}: ${read.reason}`);
      return invalidFile(read.reason);
    }
    const raw = read.kind === 'missing' ? [] : read.value;
    // zod's Spanish messages for the generic issues (wrong type, unknown key); ours cover the rest.
    const parsed = CalendarOverridesFileSchema.safeParse(raw, { error: SPANISH_ISSUES.localeError });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${describePath(i.path)}${i.message}`).join('; ');
      deps.log.warn(`${path}: ${detail}`);
      return invalidFile(detail);
    }
    const overrides: CalendarOverride[] = parsed.data;
    try {
      return ok(reuse(`file:${JSON.stringify(overrides)}`, () => createBusinessCalendar({ overrides })));
    } catch (error) {
      // The schema above should catch everything the calendar refuses; this keeps a gap between them from crashing a call.
      deps.log.warn(`${path}: the business calendar refused the overrides`, error);
      return invalidFile(error instanceof Error ? error.message : String(error));
    }
  }

  async function current(): Promise<Result<BusinessCalendar>> {
    const rows = syncedRows();
    if (rows.length > 0) {
      try {
        return ok(reuse(`synced:${JSON.stringify(rows)}`, () => calendarFromSyncedRows(rows)));
      } catch (error) {
        // Rows the calendar refuses (e.g. two decisions for one day) would be a server bug; the file/national calendar still works.
        deps.log.error('the synced company calendar could not be built; using the local calendar instead', error);
      }
    }
    return fromFile();
  }

  return {
    current,
    async forRules() {
      const calendar = await current();
      return calendar.ok ? calendar.value : nationalOnly;
    },
  };
}
