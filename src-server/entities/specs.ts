/**
 * The one place where a table row meets its wire shape (entities.ts). A
 * table's columns are the snake_case of the wire fields; computed ids and
 * private columns (password hashes) are declared here, nowhere else.
 */
import { entitySchemas, type EntityData, type EntityName } from '../../src-shared/protocol/entities.ts';

export interface EntitySpec {
  readonly entity: EntityName;
  readonly table: string;
  /** SQL (over the table's columns) producing the wire `id` as text. */
  readonly idSql: string;
  /** WHERE fragment selecting the rows whose wire ids are in `$1::text[]`, using the primary key index. */
  readonly whereIdsIn: string;
  /** Conflict target for upserts. */
  readonly primaryKey: readonly string[];
  /** Wire fields that are computed in SQL, not stored (e.g. a balance's composite id). */
  readonly computed: readonly string[];
  /** Stored columns that never travel on the wire but may be written by insert helpers (camelCase keys). */
  readonly privateFields: readonly string[];
  /** Insert-time SQL per column for values the server assigns when the row leaves them null. */
  readonly insertDefaults?: Readonly<Record<string, string>>;
  /** Runs after rows with explicit server-assigned values were inserted (keeps sequences ahead). */
  readonly afterExplicitInsert?: string;
}

const uuidIds = (table: string): Pick<EntitySpec, 'table' | 'idSql' | 'whereIdsIn' | 'primaryKey' | 'computed' | 'privateFields'> => ({
  table,
  idSql: 'id::text',
  whereIdsIn: 'id = ANY($1::uuid[])',
  primaryKey: ['id'],
  computed: [],
  privateFields: [],
});

export const ENTITY_SPECS: { readonly [E in EntityName]: EntitySpec & { readonly entity: E } } = {
  customer: { entity: 'customer', ...uuidIds('customers') },
  plan: { entity: 'plan', ...uuidIds('plans') },
  planAssignment: { entity: 'planAssignment', ...uuidIds('plan_assignments') },
  user: { entity: 'user', ...uuidIds('users'), privateFields: ['passwordHash'] },
  ticket: {
    entity: 'ticket',
    ...uuidIds('tickets'),
    // The human number is the server's: null on the way in means "assign the next one".
    insertDefaults: { number: "COALESCE(number, nextval('ticket_number_seq'))" },
    afterExplicitInsert: "SELECT setval('ticket_number_seq', m) FROM (SELECT max(number) AS m FROM tickets) t WHERE m > (SELECT last_value FROM ticket_number_seq)",
  },
  ticketEvent: { entity: 'ticketEvent', ...uuidIds('ticket_events') },
  visit: { entity: 'visit', ...uuidIds('visits') },
  timeEntry: { entity: 'timeEntry', ...uuidIds('time_entries') },
  purchase: { entity: 'purchase', ...uuidIds('purchases') },
  balance: {
    entity: 'balance',
    table: 'balances',
    idSql: "customer_id::text || ':' || month",
    whereIdsIn: "(customer_id, month) IN (SELECT split_part(k, ':', 1)::uuid, split_part(k, ':', 2) FROM unnest($1::text[]) AS k)",
    primaryKey: ['customer_id', 'month'],
    computed: ['id'],
    privateFields: [],
  },
  calendarDay: {
    entity: 'calendarDay',
    table: 'calendar_days',
    idSql: 'date::text',
    whereIdsIn: 'date = ANY($1::date[])',
    primaryKey: ['date'],
    computed: ['id'],
    privateFields: [],
  },
};

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The wire fields of an entity, in schema order. */
export function wireFields(entity: EntityName): string[] {
  return Object.keys(entitySchemas[entity].shape);
}

const selectListCache = new Map<EntityName, string>();

/** `SELECT` list producing wire-shaped rows (camelCase keys) from the entity's table. */
export function selectList(entity: EntityName): string {
  const cached = selectListCache.get(entity);
  if (cached !== undefined) return cached;
  const spec = ENTITY_SPECS[entity];
  const list = wireFields(entity)
    .map((field) => (field === 'id' ? `${spec.idSql} AS "id"` : `${snakeCase(field)} AS "${field}"`))
    .join(', ');
  selectListCache.set(entity, list);
  return list;
}

/** Stored columns an insert writes: wire fields minus computed ones, plus private fields. */
export function storedFields(entity: EntityName): string[] {
  const spec = ENTITY_SPECS[entity];
  return [...wireFields(entity).filter((field) => !spec.computed.includes(field)), ...spec.privateFields];
}

export type WireRow<E extends EntityName> = EntityData<E>;
