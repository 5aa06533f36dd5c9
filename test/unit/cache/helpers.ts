/**
 * Builders of valid wire entities and pull pages, and temp-dir caches, for
 * the cache and sync tests. Every builder returns an object that passes the
 * entity's zod schema; tests override only what they are about.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Balance, CalendarDayEntity, Customer, EntityName, Plan, PlanAssignment, Ticket, TicketEvent, TimeEntry, User, Visit } from '../../../src-shared/protocol/entities.ts';
import type { Change, PullResponse } from '../../../src-shared/protocol/sync.ts';
import type { CoreLogger } from '../../../src-main/core/log.ts';
import { openCache, type OpenCacheOptions } from '../../../src-main/core/cache/open.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';

export const T0 = '2025-03-03T15:00:00.000Z';

export function customer(over: Partial<Customer> = {}): Customer {
  return {
    id: randomUUID(),
    code: 'CLI-0001',
    name: 'Ferretería San Martín SAC',
    ruc: '20123456789',
    emails: ['soporte@ferreteria.pe'],
    phone: '01 555 1234',
    districtUbigeo: '150101',
    address: 'Av. Abancay 123',
    active: true,
    createdAt: T0,
    ...over,
  };
}

export function plan(over: Partial<Plan> = {}): Plan {
  return { id: randomUUID(), code: 'PLAN-B', name: 'Empresarial 20h', tier: 'business', kind: 'hours', remoteMinutes: 1200, onsiteMinutes: 600, ticketQuota: 0, priceCents: 150_000, active: true, ...over };
}

export function planAssignment(customerId: string, planId: string, over: Partial<PlanAssignment> = {}): PlanAssignment {
  return { id: randomUUID(), customerId, planId, effectiveMonth: '2025-01', createdAt: T0, ...over };
}

export function user(over: Partial<User> = {}): User {
  return { id: randomUUID(), name: 'Rosa Quispe', email: `rosa.${randomUUID().slice(0, 8)}@demo.ayni.pe`, role: 'technician', homeDistrictUbigeo: '150131', active: true, ...over };
}

export function ticket(customerId: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id: randomUUID(),
    number: 1001,
    type: 'incidencia',
    channel: 'portal',
    urgency: 'medium',
    status: 'new',
    subject: 'La impresora no imprime',
    description: 'Desde ayer la impresora del segundo piso muestra "Error 0x61011bed".',
    customerId,
    assigneeId: null,
    requesterName: 'Juan Pérez',
    requesterEmail: 'juan@ferreteria.pe',
    errorMessage: 'Error 0x61011bed',
    affectedSite: 'Oficina central',
    affectedAccount: null,
    affectedEquipment: 'HP LaserJet M404',
    frequency: 'always',
    onsiteDistrictUbigeo: null,
    onsiteAddress: null,
    createdAt: T0,
    updatedAt: T0,
    waitingSince: null,
    slaPausedMinutes: 0,
    resolvedAt: null,
    ...over,
  };
}

export function ticketEvent(ticketId: string, over: Partial<TicketEvent> = {}): TicketEvent {
  return { id: randomUUID(), ticketId, kind: 'reply', authorId: null, body: 'Gracias, lo revisamos.', fromStatus: null, toStatus: null, createdAt: T0, ...over };
}

export function visit(ticketId: string, technicianId: string, over: Partial<Visit> = {}): Visit {
  return {
    id: randomUUID(),
    ticketId,
    technicianId,
    kind: 'onsite',
    startsAt: '2025-03-04T14:00:00.000Z',
    endsAt: '2025-03-04T16:00:00.000Z',
    districtUbigeo: '150122',
    address: 'Av. Larco 456',
    status: 'scheduled',
    checkInAt: null,
    checkOutAt: null,
    createdAt: T0,
    ...over,
  };
}

export function timeEntry(ticketId: string, customerId: string, technicianId: string, over: Partial<TimeEntry> = {}): TimeEntry {
  return { id: randomUUID(), ticketId, customerId, technicianId, kind: 'remote', minutes: 45, workDate: '2025-03-03', billable: true, note: null, createdAt: T0, ...over };
}

export function balance(customerId: string, month: string, over: Partial<Balance> = {}): Balance {
  return {
    id: `${customerId}:${month}`,
    customerId,
    month,
    planId: null,
    tier: null,
    remoteMinutesIncluded: 1200,
    onsiteMinutesIncluded: 600,
    ticketQuota: 0,
    remoteMinutesPurchased: 0,
    onsiteMinutesPurchased: 0,
    ticketsPurchased: 0,
    remoteMinutesUsed: 90,
    onsiteMinutesUsed: 0,
    ticketsOpened: 3,
    ...over,
  };
}

export function calendarDay(date: string, over: Partial<CalendarDayEntity> = {}): CalendarDayEntity {
  return { id: date, date, kind: 'closure', name: 'Inventario anual', opensAt: null, closesAt: null, ...over };
}

let revCounter = 0;
export function upsert<T extends { id: string }>(entity: EntityName, data: T, rev?: string): Change {
  revCounter += 1;
  return { entity, op: 'upsert', id: data.id, rev: rev ?? `r${revCounter}`, data };
}

export function remove(entity: EntityName, id: string): Change {
  revCounter += 1;
  return { entity, op: 'delete', id, rev: `r${revCounter}`, data: null };
}

export function page(changes: Change[], over: Partial<PullResponse> = {}): PullResponse {
  return { cursor: `c${revCounter}`, hasMore: false, lastSeq: 0, changes, ...over };
}

/** A logger that records instead of printing, so tests can assert on warnings. */
export function memoryLogger(): CoreLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message, cause) => lines.push(`error: ${message}${cause instanceof Error ? ` — ${cause.message}` : ''}`),
  };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ayni-cache-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a cache in `dir`, failing the test loudly if it cannot. */
export function mustOpen(dir: string, options: Partial<OpenCacheOptions> = {}): CacheStore {
  const opened = openCache({ dir, logger: memoryLogger(), now: () => new Date('2025-03-10T15:00:00Z'), ...options });
  if (!opened.ok) throw new Error(`openCache failed: ${opened.error.code} ${opened.error.message}`);
  return opened.value;
}

export function mustOk<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every entity row and the overlay/sync bookkeeping, for "nothing changed" assertions. */
export function dumpCache(store: CacheStore): Record<string, unknown[]> {
  const tables = [
    'customers', 'plans', 'plan_assignments', 'users', 'tickets', 'ticket_events', 'visits', 'time_entries', 'purchases', 'balances', 'calendar_days',
    'sync_state', 'base_rows', 'overlay_edits', 'overlay_touches', 'deferred_ddl', 'outbox', 'needs_attention', 'client_state',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = store.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  out.fts = store.db.prepare("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH 'impresora' ORDER BY rowid").all();
  out.schema = store.db.prepare('SELECT type, name FROM cache.sqlite_master ORDER BY name').all();
  return out;
}

/** A small company: one customer on a business plan, two users, two tickets. */
export function seedCompany() {
  const pl = plan();
  const cu = customer();
  const assignment = planAssignment(cu.id, pl.id);
  const tech = user();
  const dispatcher = user({ name: 'Carlos Huamán', role: 'dispatcher' });
  const t1 = ticket(cu.id, { number: 1001 });
  const t2 = ticket(cu.id, { number: 1002, subject: 'Correo caído', description: 'No llegan correos desde el lunes.', errorMessage: null, affectedEquipment: null, urgency: 'high', assigneeId: tech.id, status: 'in_progress' });
  const changes = [upsert('plan', pl), upsert('customer', cu), upsert('planAssignment', assignment), upsert('user', tech), upsert('user', dispatcher), upsert('ticket', t1), upsert('ticket', t2)];
  return { plan: pl, customer: cu, assignment, tech, dispatcher, t1, t2, changes };
}
