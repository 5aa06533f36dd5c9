/**
 * Generic reads and writes of synced entities in their wire shape. Every
 * write also records the change (changes.ts), so callers — mutations, admin
 * routes, the demo seed — cannot forget it.
 */
import { entitySchemas, type EntityData, type EntityName } from '../../src-shared/protocol/entities.ts';
import type { Queryable, Tx } from '../db/types.ts';
import { recordChanges } from './changes.ts';
import { ENTITY_SPECS, selectList, snakeCase, storedFields } from './specs.ts';

/** Rows per statement: large enough to be fast, small enough to keep one JSON parameter modest. */
const CHUNK = 2_000;

export interface WriteOptions {
  /** Check each row against its wire schema before writing (default true). */
  readonly validate?: boolean;
}

type Writable<E extends EntityName> = EntityData<E> & Record<string, unknown>;

function toStoredRow(entity: EntityName, row: Record<string, unknown>, fields: readonly string[], validate: boolean): Record<string, unknown> {
  if (validate) {
    const parsed = entitySchemas[entity].safeParse(row);
    if (!parsed.success) throw new Error(`Invalid ${entity} ${String(row.id)}: ${parsed.error.message}`);
  }
  const stored: Record<string, unknown> = {};
  for (const field of fields) {
    const value = row[field];
    if (value !== undefined) stored[snakeCase(field)] = value;
  }
  return stored;
}

async function writeEntities<E extends EntityName>(tx: Tx, entity: E, rows: readonly Writable<E>[], mode: 'insert' | 'upsert', options: WriteOptions): Promise<void> {
  if (rows.length === 0) return;
  const spec = ENTITY_SPECS[entity];
  const fields = storedFields(entity).filter((field) => field in (rows[0] as object) || !spec.privateFields.includes(field));
  const columns = fields.map(snakeCase);
  const columnList = columns.join(', ');
  const updates = columns.filter((column) => !spec.primaryKey.includes(column)).map((column) => `${column} = excluded.${column}`);
  const conflict = mode === 'upsert' ? ` ON CONFLICT (${spec.primaryKey.join(', ')}) DO UPDATE SET ${updates.join(', ')}` : '';
  const selected = columns.map((column) => spec.insertDefaults?.[column] ?? column).join(', ');
  const sql = `INSERT INTO ${spec.table} (${columnList})
    SELECT ${selected} FROM jsonb_populate_recordset(NULL::${spec.table}, $1::jsonb)${conflict}`;
  let explicitDefaults = false;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const stored = chunk.map((row) => toStoredRow(entity, row, fields, options.validate ?? true));
    if (mode === 'insert' && spec.insertDefaults !== undefined) {
      const defaulted = Object.keys(spec.insertDefaults);
      explicitDefaults ||= stored.some((row) => defaulted.some((column) => row[column] !== null && row[column] !== undefined));
    }
    await tx.query(sql, [JSON.stringify(stored)]);
    await recordChanges(tx, entity, chunk.map((row) => String(row.id)));
  }
  if (explicitDefaults && spec.afterExplicitInsert !== undefined) await tx.query(spec.afterExplicitInsert);
}

/** Inserts new rows (a duplicate key is an error) and records them in the change log. */
export function insertEntities<E extends EntityName>(tx: Tx, entity: E, rows: readonly Writable<E>[], options: WriteOptions = {}): Promise<void> {
  return writeEntities(tx, entity, rows, 'insert', options);
}

/** Inserts or replaces whole rows and records them in the change log. */
export function upsertEntities<E extends EntityName>(tx: Tx, entity: E, rows: readonly Writable<E>[], options: WriteOptions = {}): Promise<void> {
  return writeEntities(tx, entity, rows, 'upsert', options);
}

/** Wire-shaped rows for the given ids (missing ids are simply absent). */
export async function loadEntities<E extends EntityName>(db: Queryable, entity: E, ids: readonly string[]): Promise<EntityData<E>[]> {
  if (ids.length === 0) return [];
  const spec = ENTITY_SPECS[entity];
  return db.query<EntityData<E>>(`SELECT ${selectList(entity)} FROM ${spec.table} WHERE ${spec.whereIdsIn}`, [ids]);
}

export async function loadEntity<E extends EntityName>(db: Queryable, entity: E, id: string): Promise<EntityData<E> | null> {
  const rows = await loadEntities(db, entity, [id]);
  return rows[0] ?? null;
}

/**
 * Locks one row for the rest of the transaction and returns it in wire shape,
 * or null when it does not exist. Writers that read-modify-write use this.
 */
export async function lockEntity<E extends EntityName>(tx: Tx, entity: E, id: string): Promise<EntityData<E> | null> {
  const spec = ENTITY_SPECS[entity];
  const rows = await tx.query<EntityData<E>>(`SELECT ${selectList(entity)} FROM ${spec.table} WHERE ${spec.whereIdsIn} FOR UPDATE`, [[id]]);
  return rows[0] ?? null;
}

/** Deletes rows and records tombstones. */
export async function deleteEntities(tx: Tx, entity: EntityName, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const spec = ENTITY_SPECS[entity];
  await tx.query(`DELETE FROM ${spec.table} WHERE ${spec.whereIdsIn}`, [ids]);
  await recordChanges(tx, entity, ids, 'delete');
}
