/**
 * The change log: every write to a synced row records (entity, id) here in
 * the same transaction. Pulls read it (sync/pull.ts); the commit announces
 * itself to SSE listeners through `tx.markChanged()`.
 */
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import type { Tx } from '../db/types.ts';

export type ChangeOp = 'upsert' | 'delete';

/**
 * Stamps the current transaction id and a fresh change id on each (entity, id).
 * The log is compacted: an entity has one row, its latest change.
 */
export async function recordChanges(tx: Tx, entity: EntityName, ids: readonly string[], op: ChangeOp = 'upsert'): Promise<void> {
  if (ids.length === 0) return;
  // One statement may not touch the same log row twice.
  const unique = [...new Set(ids)];
  await tx.query(
    `INSERT INTO change_log (entity, entity_id, op, xid, change_id)
     SELECT $1, entity_id, $3, pg_current_xact_id(), nextval('change_id_seq')
       FROM unnest($2::text[]) WITH ORDINALITY AS ids(entity_id, position)
      ORDER BY position
     ON CONFLICT (entity, entity_id) DO UPDATE
        SET op = excluded.op, xid = excluded.xid, change_id = excluded.change_id`,
    [entity, unique, op],
  );
  tx.markChanged();
}

/** The current revision of one entity (its latest change id), or null when it has none. */
export async function currentRev(tx: Tx, entity: EntityName, id: string): Promise<string | null> {
  const rows = await tx.query<{ change_id: number }>('SELECT change_id FROM change_log WHERE entity = $1 AND entity_id = $2', [entity, id]);
  const row = rows[0];
  return row === undefined ? null : String(row.change_id);
}
