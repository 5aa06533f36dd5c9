/**
 * calendar.*: the company's business calendar (national holidays + company
 * closures and openings).
 *
 * Company overrides come from `<dataDir>/calendar-overrides.json`, a stand-in
 * for the `calendarDay` rows the sync engine will bring into the cache. The
 * file is re-read on each call (it is tiny and may be edited by hand while the
 * desk runs); the calendar built from it is reused while its content is the
 * same. A broken file is reported as CALENDAR_DATA_INVALID, in Spanish, with
 * what is wrong — the desk keeps running.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import { createBusinessCalendar } from '../../../src-shared/calendar/index.ts';
import type { BusinessCalendar, CalendarOverride } from '../../../src-shared/calendar/types.ts';
import { readJsonFile } from '../json-file.ts';
import type { CoreContext, DomainModule } from './types.ts';

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
    if (seen.has(o.date)) ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `la fecha ${o.date} se repite; deja una sola decisión por día` });
    seen.add(o.date);
  });
});

function invalidFile(detail: string): Result<never> {
  return fail(
    'CALENDAR_DATA_INVALID',
    `El calendario de la empresa (${CALENDAR_OVERRIDES_FILE}) no es válido: ${detail}. Corrígelo o retíralo para usar solo los feriados nacionales.`,
  );
}

export function createCalendarModule(ctx: CoreContext): DomainModule<'calendar.month'> {
  const path = join(ctx.dataDir, CALENDAR_OVERRIDES_FILE);
  let cached: { key: string; calendar: BusinessCalendar } | null = null;

  async function currentCalendar(): Promise<Result<BusinessCalendar>> {
    const read = await readJsonFile(path);
    if (read.kind === 'unreadable') {
      ctx.log.warn(`${path}: ${read.reason}`);
      return invalidFile(read.reason);
    }
    const raw = read.kind === 'missing' ? [] : read.value;
    // zod's Spanish messages for the generic issues (wrong type, unknown key); ours cover the rest.
    const parsed = CalendarOverridesFileSchema.safeParse(raw, { error: SPANISH_ISSUES.localeError });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${describePath(i.path)}${i.message}`).join('; ');
      ctx.log.warn(`${path}: ${detail}`);
      return invalidFile(detail);
    }
    const overrides: CalendarOverride[] = parsed.data;
    const key = JSON.stringify(overrides);
    if (cached?.key === key) return ok(cached.calendar);
    try {
      cached = { key, calendar: createBusinessCalendar({ overrides }) };
    } catch (error) {
      // The schema above should catch everything the calendar refuses; this keeps a gap between them from crashing a call.
      ctx.log.warn(`${path}: the business calendar refused the overrides`, error);
      return invalidFile(error instanceof Error ? error.message : String(error));
    }
    return ok(cached.calendar);
  }

  return {
    handlers: {
      'calendar.month': async ({ year, month }) => {
        const calendar = await currentCalendar();
        if (!calendar.ok) return calendar;
        return ok(calendar.value.month(year, month));
      },
    },
  };
}

function describePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'el archivo: ';
  const [index, ...rest] = path;
  const item = typeof index === 'number' ? `elemento ${index + 1}` : String(index);
  return rest.length === 0 ? `${item}: ` : `${item}, ${rest.map(String).join('.')}: `;
}
