/**
 * Company calendar days (admin only): PUT /api/v1/calendar/days/:date sets a
 * closure, an opening (possibly with its own hours) or an added holiday;
 * DELETE resets the date to the default rule — for a national holiday that
 * means the holiday again, so the row stays, otherwise it is removed.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createBusinessCalendar, peruNationalHolidays } from '../../src-shared/calendar/index.ts';
import { HourMinute, IsoDate, type CalendarDayEntity } from '../../src-shared/protocol/entities.ts';
import { requireActor } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import type { Tx } from '../db/types.ts';
import { recordChanges } from '../entities/changes.ts';
import { deleteEntities, upsertEntities } from '../entities/store.ts';
import { adminWrite } from '../admin/write.ts';
import { invalid } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import { toOverride } from './company-calendar.ts';
import { dayNumber } from './routes.ts';

const DateParams = z.object({ date: IsoDate });
const DayInput = z.object({
  kind: z.enum(['holiday', 'closure', 'opening']),
  name: z.string().trim().min(1).max(200),
  opensAt: HourMinute.nullable().optional(),
  closesAt: HourMinute.nullable().optional(),
}).strict();

function nationalHoliday(date: string): string | null {
  const year = Number(date.slice(0, 4));
  return peruNationalHolidays(year).find((holiday) => holiday.date === date)?.name ?? null;
}

/** The shared calendar is the judge of what a valid override is; its refusal becomes a 422. */
function checkDay(day: CalendarDayEntity): void {
  if (day.kind === 'holiday' && (day.opensAt !== null || day.closesAt !== null)) throw invalid('Un feriado cierra todo el día: no lleva horario.');
  const override = toOverride(day);
  try {
    createBusinessCalendar({ overrides: override === null ? [] : [override] });
  } catch (error) {
    throw invalid(`Día de calendario no válido: ${(error as Error).message}`);
  }
}

function parseDate(params: unknown): string {
  const { date } = parseInput(DateParams, params, 'Calendario');
  if (dayNumber(date) === null) throw invalid(`La fecha ${date} no existe o está fuera de rango.`);
  return date;
}

async function resetDay(tx: Tx, date: string): Promise<CalendarDayEntity | null> {
  const holiday = nationalHoliday(date);
  if (holiday === null) {
    await deleteEntities(tx, 'calendarDay', [date]);
    return null;
  }
  const row: CalendarDayEntity = { id: date, date, kind: 'holiday', name: holiday, opensAt: null, closesAt: null };
  await upsertEntities(tx, 'calendarDay', [row]);
  return row;
}

export function registerCalendarAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.put('/api/v1/calendar/days/:date', async (request) => {
    return adminWrite(ctx, request, 'calendar.write', DayInput, 'Calendario', async ({ tx, body }) => {
      const date = parseDate(request.params);
      const row: CalendarDayEntity = { id: date, date, kind: body.kind, name: body.name, opensAt: body.opensAt ?? null, closesAt: body.closesAt ?? null };
      checkDay(row);
      await upsertEntities(tx, 'calendarDay', [row]);
      return row;
    });
  });

  app.delete('/api/v1/calendar/days/:date', async (request) => {
    await requireActor(ctx.db, request, ctx.now(), 'calendar.write');
    const date = parseDate(request.params);
    const day = await ctx.db.transaction((tx) => resetDay(tx, date));
    return { date, day };
  });
}

/**
 * Publishes the built-in national holidays of `years` as calendarDay rows, so
 * clients that sync the calendar see them. Never overwrites a row: a company
 * decision on that date (e.g. an opening) stays.
 */
export async function publishNationalHolidays(tx: Tx, years: readonly number[]): Promise<number> {
  const rows = years.flatMap((year) => peruNationalHolidays(year).map((h): CalendarDayEntity => ({ id: h.date, date: h.date, kind: 'holiday', name: h.name, opensAt: null, closesAt: null })));
  if (rows.length === 0) return 0;
  const inserted = await tx.query<{ date: string }>(
    `INSERT INTO calendar_days (date, kind, name) SELECT d, 'holiday', n FROM unnest($1::date[], $2::text[]) AS r(d, n)
     ON CONFLICT (date) DO NOTHING RETURNING date::text AS date`,
    [rows.map((row) => row.date), rows.map((row) => row.name)],
  );
  await recordChanges(tx, 'calendarDay', inserted.map((row) => row.date));
  return inserted.length;
}
