/**
 * GET /api/v1/calendar?from&to — the company's business calendar, at most
 * 400 days per call (DESIGN.md §3).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CalendarQuerySchema } from '../../src-shared/protocol/sync.ts';
import type { CalendarResponseSchema } from '../../src-shared/protocol/sync.ts';
import { requireActor } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { invalid } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';
import { loadCompanyCalendar } from './company-calendar.ts';

export const MAX_CALENDAR_DAYS = 400;
const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

type CalendarResponse = z.infer<typeof CalendarResponseSchema>;

/** A real calendar date (zod's iso.date accepts 2026-02-30's shape; Date.UTC rolls it over, so round-trip). */
export function dayNumber(date: string): number | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return null;
  const year = Number(date.slice(0, 4));
  return year < MIN_YEAR || year > MAX_YEAR ? null : Math.round(ms / DAY_MS);
}

export function registerCalendarRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/v1/calendar', async (request) => {
    await requireActor(ctx.db, request, ctx.now());
    const query = parseInput(CalendarQuerySchema, request.query, 'Calendario');
    const from = dayNumber(query.from);
    const to = dayNumber(query.to);
    if (from === null || to === null) throw invalid(`Fechas fuera de rango o inexistentes (años ${MIN_YEAR}–${MAX_YEAR}).`, { from: query.from, to: query.to });
    if (to < from) throw invalid('«to» no puede ser anterior a «from».', { from: query.from, to: query.to });
    if (to - from + 1 > MAX_CALENDAR_DAYS) throw invalid(`Como máximo ${MAX_CALENDAR_DAYS} días por consulta.`, { days: to - from + 1 });
    const calendar = await loadCompanyCalendar(ctx.db);
    const days: CalendarResponse['days'] = [];
    for (let n = from; n <= to; n += 1) {
      const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
      const day = calendar.day(date);
      days.push({
        date: day.date,
        open: day.open,
        ...(day.opensAt === undefined ? {} : { opensAt: day.opensAt }),
        ...(day.closesAt === undefined ? {} : { closesAt: day.closesAt }),
        ...(day.reason === undefined ? {} : { reason: day.reason }),
        ...(day.name === undefined ? {} : { name: day.name }),
      });
    }
    const response: CalendarResponse = { timezone: 'America/Lima', days };
    return response;
  });
}
