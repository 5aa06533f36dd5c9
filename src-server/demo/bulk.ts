/**
 * A bulk insert path for the seed's big tables (tickets and everything that
 * hangs off them): one statement per table per transaction, each column
 * sent as one typed array and spread with unnest(). Postgres parses an
 * array literal far faster than a JSON document of the same rows, which
 * matters at benchmark scale (millions of rows). The change log is written
 * with the server's own recordChanges, like every other write.
 */
import { entitySchemas, type EntityData } from '../../src-shared/protocol/entities.ts';
import type { Tx } from '../db/types.ts';
import { ENTITY_SPECS, recordChanges, snakeCase } from '../entities/index.ts';

export type BulkEntity = 'ticket' | 'ticketEvent' | 'visit' | 'timeEntry' | 'purchase';

/** Postgres type of a wire field, by the naming rules of entities.ts (ids are UUIDs, *At are instants…). */
function columnType(field: string): string {
  if (field === 'id' || field.endsWith('Id')) return 'uuid';
  if (field.endsWith('At') || field === 'waitingSince') return 'timestamptz';
  if (field === 'workDate') return 'date';
  if (field === 'number') return 'int8';
  if (field === 'billable' || field === 'active') return 'bool';
  if (field === 'minutes' || field === 'tickets' || field.endsWith('Minutes') || field.endsWith('Cents')) return 'int4';
  return 'text';
}

interface BulkPlan {
  readonly fields: readonly string[];
  readonly sql: string;
}

const plans = new Map<BulkEntity, BulkPlan>();

function planFor(entity: BulkEntity): BulkPlan {
  let plan = plans.get(entity);
  if (plan === undefined) {
    const fields = Object.keys(entitySchemas[entity].shape);
    const columns = fields.map(snakeCase).join(', ');
    const arrays = fields.map((field, i) => `$${i + 1}::${columnType(field)}[]`).join(', ');
    plan = { fields, sql: `INSERT INTO ${ENTITY_SPECS[entity].table} (${columns}) SELECT * FROM unnest(${arrays})` };
    plans.set(entity, plan);
  }
  return plan;
}

/** Inserts new rows of one entity (wire shape) and records them in the change log. */
export async function bulkInsert<E extends BulkEntity>(tx: Tx, entity: E, rows: readonly EntityData<E>[]): Promise<void> {
  if (rows.length === 0) return;
  const { fields, sql } = planFor(entity);
  const columns: unknown[][] = fields.map(() => new Array<unknown>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    for (let c = 0; c < fields.length; c++) (columns[c] as unknown[])[r] = row[fields[c] as string];
  }
  await tx.query(sql, columns);
  await recordChanges(tx, entity, rows.map((row) => row.id));
  const after = ENTITY_SPECS[entity].afterExplicitInsert;
  if (after !== undefined) await tx.query(after);
}
