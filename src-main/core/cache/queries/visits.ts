/** Visits and remote sessions of a Lima day or week, per technician: the dispatch board's rows. */
import { DAY_MS, dayNumberFromParts, dayStartMs, isoWeekday } from '../../../../src-shared/calendar/lima-time.ts';
import type { Visit } from '../../../../src-shared/protocol/entities.ts';
import { fail, ok, type Result } from '../../../../src-shared/result.ts';
import { normaliseInstant, rowToEntity, selectList } from '../rows.ts';
import { inList, type QueryContext } from './context.ts';

export interface VisitRow extends Visit {
  readonly ticketNumber: number | null;
  readonly ticketSubject: string | null;
  readonly customerName: string | null;
  readonly technicianName: string | null;
  readonly pendingSync: boolean;
}

export interface InstantRange {
  /** Inclusive start, ISO instant. */
  readonly from: string;
  /** Exclusive end, ISO instant. */
  readonly to: string;
}

/** A visit ends on the business day it starts (DESIGN.md §1), so one that overlaps a range started less than a day before it. */
const MAX_VISIT_MS = DAY_MS;

function parseDay(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return null;
  const day = dayNumberFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return new Date(day * DAY_MS).toISOString().slice(0, 10) === date ? day : null;
}

/** The Lima day `YYYY-MM-DD` as an instant range. */
export function limaDayRange(date: string): Result<InstantRange> {
  const day = parseDay(date);
  if (day === null) return fail('VALIDATION', `Fecha no válida: ${date}`);
  return ok({ from: new Date(dayStartMs(day)).toISOString(), to: new Date(dayStartMs(day + 1)).toISOString() });
}

/** Monday 00:00 to the next Monday 00:00 (Lima) of the week holding `date`. */
export function limaWeekRange(date: string): Result<InstantRange> {
  const day = parseDay(date);
  if (day === null) return fail('VALIDATION', `Fecha no válida: ${date}`);
  const monday = day - (isoWeekday(day) - 1);
  return ok({ from: new Date(dayStartMs(monday)).toISOString(), to: new Date(dayStartMs(monday + 7)).toISOString() });
}

export interface VisitsQuery extends InstantRange {
  /** Only these technicians; all when absent or empty. */
  readonly technicianIds?: readonly string[];
  /** Include cancelled visits (the board hides them by default). */
  readonly includeCancelled?: boolean;
}

export function visitsInRange(ctx: QueryContext, query: VisitsQuery): VisitRow[] {
  const from = normaliseInstant(query.from);
  const params: Record<string, string | number | null> = {
    from,
    to: normaliseInstant(query.to),
    earliest: new Date(new Date(from).getTime() - MAX_VISIT_MS).toISOString(),
  };
  const where = ['v.starts_at >= @earliest', 'v.starts_at < @to', 'v.ends_at > @from'];
  if (query.technicianIds !== undefined && query.technicianIds.length > 0) where.push(`v.technician_id IN (${inList('tech', query.technicianIds, params)})`);
  if (query.includeCancelled !== true) where.push("v.status <> 'cancelled'");
  const rows = ctx.sql
    .get(
      `SELECT ${selectList('visit', 'v')}, t.number AS ticket_number, t.subject AS ticket_subject, t.customer_name, u.name AS technician_name,
         EXISTS (SELECT 1 FROM overlay_touches o WHERE o.entity = 'visit' AND o.id = v.id) AS pending_sync
       FROM visits v LEFT JOIN tickets t ON t.id = v.ticket_id LEFT JOIN users u ON u.id = v.technician_id
       WHERE ${where.join(' AND ')}
       ORDER BY v.technician_id, v.starts_at, v.id`,
    )
    .all(params) as Record<string, unknown>[];
  return rows.map((r) => ({
    ...rowToEntity('visit', r),
    ticketNumber: (r.ticket_number as number | null) ?? null,
    ticketSubject: (r.ticket_subject as string | null) ?? null,
    customerName: (r.customer_name as string | null) ?? null,
    technicianName: (r.technician_name as string | null) ?? null,
    pendingSync: r.pending_sync === 1,
  }));
}
