/**
 * Entities as wire JSON text, built by PostgreSQL. A pull page is mostly
 * rows; reading them into JavaScript objects (the driver parses every
 * column) only to JSON.stringify them again cost the server most of its time
 * per row during an initial load. Here the database writes each row's JSON
 * itself (in SQL) and the server splices the texts into the page: the same
 * document, a fraction of the work.
 *
 * The text must mean exactly what loadEntities (store.ts) returns, which is
 * what the column parsers of db/parsers.ts make of each column: instants as
 * `YYYY-MM-DDTHH:MM:SS.mmmZ` (milliseconds truncated, UTC), dates as
 * `YYYY-MM-DD`, int8 and numeric as numbers. test/server/wire-json.test.ts
 * checks every entity against loadEntities.
 */
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import type { Queryable } from '../db/types.ts';
import { ENTITY_SPECS, snakeCase, wireFields } from './specs.ts';

/** `timestamptz` as the parsers print it; the session's TimeZone is UTC (db/parsers.ts SESSION_SETTINGS). */
const instantSql = (column: string): string => `'"' || to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`;

/** Types whose text output is already their JSON (numbers, booleans, JSON itself). */
const BARE_TYPES = new Set(['integer', 'bigint', 'smallint', 'boolean', 'json', 'jsonb']);

/**
 * Per column type, the column's JSON text (SQL NULL for null). Plain text
 * concatenation: json_build_object looks up how to print each of its
 * arguments on every row, which cost PostgreSQL more than the rows' reading.
 */
function valueSql(column: string, type: string): string {
  if (type === 'timestamp with time zone') return instantSql(column);
  if (type === 'timestamp without time zone') return instantSql(`(${column} AT TIME ZONE 'UTC')`);
  if (type === 'uuid') return `'"' || ${column}::text || '"'`;
  if (BARE_TYPES.has(type) || type.startsWith('numeric')) return `${column}::text`;
  // Text, dates and anything else: to_json escapes strings and prints dates as ISO, whatever the DateStyle.
  return `to_json(${column})::text`;
}

/** The statement reading rows of `entity` by wire id as (id, json) text pairs, one per database (column types are read once). */
const statements = new WeakMap<object, Map<EntityName, Promise<string>>>();

async function buildStatement(db: Queryable, entity: EntityName): Promise<string> {
  const spec = ENTITY_SPECS[entity];
  const types = new Map(
    (await db.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [spec.table],
    )).map((row) => [row.name, row.type]),
  );
  const members = wireFields(entity).map((field, i) => {
    let value: string;
    if (field === 'id') value = `to_json(${spec.idSql})::text`;
    else {
      const column = snakeCase(field);
      const type = types.get(column);
      if (type === undefined) throw new Error(`${spec.table} has no column ${column} for ${entity}.${field}`);
      value = valueSql(column, type);
    }
    // Field names are identifiers (specs.ts), so they need no escaping.
    return `'${i === 0 ? '{' : ','}"${field}":' || coalesce(${value}, 'null')`;
  });
  return `SELECT ${spec.idSql} AS id, ${members.join(' || ')} || '}' AS json FROM ${spec.table} WHERE ${spec.whereIdsIn}`;
}

function statementFor(key: object, runner: Queryable, entity: EntityName): Promise<string> {
  let perDb = statements.get(key);
  if (perDb === undefined) {
    perDb = new Map();
    statements.set(key, perDb);
  }
  let statement = perDb.get(entity);
  if (statement === undefined) {
    statement = buildStatement(runner, entity);
    // A failure (e.g. the table is missing) is not remembered: the next call tries again.
    statement.catch(() => perDb.delete(entity));
    perDb.set(entity, statement);
  }
  return statement;
}

/**
 * The wire JSON of the rows with these ids, keyed by wire id (missing ids are
 * simply absent). The statement is built once per `cacheKey` — the database
 * the transaction `tx` belongs to — reading the column types through `tx`.
 */
export async function loadEntitiesJson(tx: Queryable, entity: EntityName, ids: readonly string[], cacheKey: object = tx): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const rows = await tx.query<{ id: string; json: string }>(await statementFor(cacheKey, tx, entity), [ids]);
  for (const row of rows) found.set(row.id, row.json);
  return found;
}
