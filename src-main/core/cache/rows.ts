/**
 * How each synced entity maps to its table: one real column per field, so
 * anything can be filtered or sorted without JSON functions. Reading turns a
 * row back into the wire shape of entities.ts; writing normalises instants to
 * UTC so that text order is time order.
 */
import type { EntityData, EntityName } from '../../../src-shared/protocol/entities.ts';
import type { Db, StatementCache } from './sqlite.ts';

type ColumnKind = 'text' | 'int' | 'bool' | 'json' | 'instant';

interface Column {
  readonly field: string;
  readonly column: string;
  readonly kind: ColumnKind;
}

export interface EntityTable {
  readonly entity: EntityName;
  readonly table: string;
  readonly columns: readonly Column[];
  /** Extra columns computed at write time from other tables (SQL over named parameters). */
  readonly derived?: readonly { readonly column: string; readonly sql: string }[];
}

const c = (field: string, kind: ColumnKind = 'text'): Column => ({ field, column: field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`), kind });

export const ENTITY_TABLES: { readonly [E in EntityName]: EntityTable } = {
  customer: {
    entity: 'customer',
    table: 'customers',
    columns: [c('id'), c('code'), c('name'), c('ruc'), c('emails', 'json'), c('phone'), c('districtUbigeo'), c('address'), c('active', 'bool'), c('createdAt', 'instant')],
  },
  plan: {
    entity: 'plan',
    table: 'plans',
    columns: [c('id'), c('code'), c('name'), c('tier'), c('kind'), c('remoteMinutes', 'int'), c('onsiteMinutes', 'int'), c('ticketQuota', 'int'), c('priceCents', 'int'), c('active', 'bool')],
  },
  planAssignment: {
    entity: 'planAssignment',
    table: 'plan_assignments',
    columns: [c('id'), c('customerId'), c('planId'), c('effectiveMonth'), c('createdAt', 'instant')],
  },
  user: {
    entity: 'user',
    table: 'users',
    columns: [c('id'), c('name'), c('email'), c('role'), c('homeDistrictUbigeo'), c('active', 'bool')],
  },
  ticket: {
    entity: 'ticket',
    table: 'tickets',
    columns: [
      c('id'), c('number', 'int'), c('type'), c('channel'), c('urgency'), c('status'), c('subject'), c('description'), c('customerId'), c('assigneeId'),
      c('requesterName'), c('requesterEmail'), c('errorMessage'), c('affectedSite'), c('affectedAccount'), c('affectedEquipment'), c('frequency'),
      c('onsiteDistrictUbigeo'), c('onsiteAddress'), c('createdAt', 'instant'), c('updatedAt', 'instant'), c('waitingSince', 'instant'),
      c('slaPausedMinutes', 'int'), c('resolvedAt', 'instant'),
    ],
    derived: [
      { column: 'customer_name', sql: "coalesce((SELECT name FROM customers WHERE id = @customer_id), '')" },
      { column: 'tier_rank', sql: 'coalesce((SELECT tier_rank FROM customers WHERE id = @customer_id), 3)' },
    ],
  },
  ticketEvent: {
    entity: 'ticketEvent',
    table: 'ticket_events',
    columns: [c('id'), c('ticketId'), c('kind'), c('authorId'), c('body'), c('fromStatus'), c('toStatus'), c('createdAt', 'instant')],
  },
  visit: {
    entity: 'visit',
    table: 'visits',
    columns: [
      c('id'), c('ticketId'), c('technicianId'), c('kind'), c('startsAt', 'instant'), c('endsAt', 'instant'), c('districtUbigeo'), c('address'), c('status'),
      c('checkInAt', 'instant'), c('checkOutAt', 'instant'), c('createdAt', 'instant'),
    ],
  },
  timeEntry: {
    entity: 'timeEntry',
    table: 'time_entries',
    columns: [c('id'), c('ticketId'), c('customerId'), c('technicianId'), c('kind'), c('minutes', 'int'), c('workDate'), c('billable', 'bool'), c('note'), c('createdAt', 'instant')],
  },
  purchase: {
    entity: 'purchase',
    table: 'purchases',
    columns: [c('id'), c('customerId'), c('month'), c('remoteMinutes', 'int'), c('onsiteMinutes', 'int'), c('tickets', 'int'), c('priceCents', 'int'), c('createdAt', 'instant')],
  },
  balance: {
    entity: 'balance',
    table: 'balances',
    columns: [
      c('id'), c('customerId'), c('month'), c('planId'), c('tier'), c('remoteMinutesIncluded', 'int'), c('onsiteMinutesIncluded', 'int'), c('ticketQuota', 'int'),
      c('remoteMinutesPurchased', 'int'), c('onsiteMinutesPurchased', 'int'), c('ticketsPurchased', 'int'), c('remoteMinutesUsed', 'int'),
      c('onsiteMinutesUsed', 'int'), c('ticketsOpened', 'int'),
    ],
  },
  calendarDay: {
    entity: 'calendarDay',
    table: 'calendar_days',
    columns: [c('id'), c('date'), c('kind'), c('name'), c('opensAt'), c('closesAt')],
  },
};

export const ENTITY_TABLE_NAMES: readonly string[] = Object.values(ENTITY_TABLES).map((t) => t.table);

/** Already normal: what the server sends (Date#toISOString of a year 0000–9999). */
const NORMAL_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * `2025-03-03T10:00:00-05:00` → `2025-03-03T15:00:00.000Z`. Input is
 * zod-validated upstream. The server's instants are already in this form;
 * they are kept as they are (every pulled row has several).
 */
export function normaliseInstant(value: string): string {
  return NORMAL_INSTANT.test(value) ? value : new Date(value).toISOString();
}

type SqlValue = string | number | null;

function toSql(kind: ColumnKind, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'int':
      return value as number;
    case 'bool':
      return value === true ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case 'instant':
      return normaliseInstant(value as string);
  }
}

function fromSql(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
    case 'int':
    case 'instant':
      return value;
    case 'bool':
      return value === 1;
    case 'json':
      return JSON.parse(value as string) as unknown;
  }
}

/** The columns to select to rebuild an entity, in spec order. */
export function selectList(entity: EntityName, alias = ''): string {
  const prefix = alias === '' ? '' : `${alias}.`;
  return ENTITY_TABLES[entity].columns.map((col) => `${prefix}${col.column}`).join(', ');
}

export function rowToEntity<E extends EntityName>(entity: E, row: Record<string, unknown>): EntityData<E> {
  const out: Record<string, unknown> = {};
  for (const col of ENTITY_TABLES[entity].columns) out[col.field] = fromSql(col.kind, row[col.column]);
  return out as EntityData<E>;
}

export interface StoredRow<E extends EntityName = EntityName> {
  readonly data: EntityData<E>;
  readonly rev: string | null;
}

/** Reads, writes and deletes entity rows through prepared statements. */
export class RowStore {
  readonly #statements: StatementCache;

  constructor(statements: StatementCache) {
    this.#statements = statements;
  }

  read<E extends EntityName>(entity: E, id: string): StoredRow<E> | null {
    const spec = ENTITY_TABLES[entity];
    const row = this.#statements.get(`SELECT rev, ${selectList(entity)} FROM ${spec.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (row === undefined) return null;
    return { data: rowToEntity(entity, row), rev: (row.rev as string | null) ?? null };
  }

  write(entity: EntityName, data: Record<string, unknown>, rev: string | null): void {
    // Positional parameters: binding an array is markedly cheaper than a named object, and every pulled row comes through here.
    const plan = upsertPlan(ENTITY_TABLES[entity]);
    const params: SqlValue[] = [rev];
    for (const col of plan.columns) params.push(toSql(col.kind, data[col.field]));
    for (const index of plan.derivedParams) params.push(params[index] ?? null);
    this.#statements.get(plan.sql).run(params);
  }

  delete(entity: EntityName, id: string): void {
    this.#statements.get(`DELETE FROM ${ENTITY_TABLES[entity].table} WHERE id = ?`).run(id);
  }
}

interface UpsertPlan {
  readonly sql: string;
  readonly columns: readonly Column[];
  /** For each `?` of the derived expressions, the index (in the parameter array) of the column it stands for. */
  readonly derivedParams: readonly number[];
}

const upsertPlans = new Map<EntityName, UpsertPlan>();
function upsertPlan(spec: EntityTable): UpsertPlan {
  let plan = upsertPlans.get(spec.entity);
  if (plan === undefined) {
    const columns = ['rev', ...spec.columns.map((col) => col.column)];
    const derived = spec.derived ?? [];
    const derivedParams: number[] = [];
    // `@customer_id` in a derived expression becomes `?` bound to that column's value again.
    const derivedSql = derived.map((d) =>
      d.sql.replace(/@(\w+)/g, (_, name: string) => {
        const index = columns.indexOf(name);
        if (index < 0) throw new Error(`Derived column ${d.column} of ${spec.table} refers to unknown column ${name}`);
        derivedParams.push(index);
        return '?';
      }),
    );
    const names = [...columns, ...derived.map((d) => d.column)];
    const values = [...columns.map(() => '?'), ...derivedSql];
    const updates = names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`);
    const sql = `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
    plan = { sql, columns: spec.columns, derivedParams };
    upsertPlans.set(spec.entity, plan);
  }
  return plan;
}

/** True when no entity table holds a row: the condition for an initial bulk load. */
export function entityTablesEmpty(db: Db): boolean {
  return ENTITY_TABLE_NAMES.every((table) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS present`).get() as { present: number }).present === 0);
}
