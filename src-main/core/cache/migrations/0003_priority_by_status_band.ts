/**
 * "Prioridad" sorts by the rank's status band first (src-shared/tickets/rank.ts):
 * cases that wait on our team, then cases that wait on the customer or a
 * booked visit, then finished ones. 0002 sorted by (urgency, tier, created),
 * so in "Todos" a closed critical ticket went before an open low one.
 *
 * `status_band` is a VIRTUAL generated column: SQLite computes it from
 * `status` on every write, so no apply path, overlay edit or bulk load has
 * to maintain it, and ALTER TABLE can add it to a filled table (a STORED
 * column could not be added). The CASE is written out here rather than built
 * from rank.ts because a shipped migration must never change; a unit test
 * holds it equal to `rankBand()` for every status.
 *
 * The three priority indexes keep their names and get the band after their
 * equality prefix. The urgency filter used to ride on the old
 * tickets_by_priority (urgency_rank leading); it gets its own index, like the
 * type, channel and tier filters.
 *
 * The initial bulk load (bulk-load.ts) keeps dropped indexes' DDL in
 * deferred_ddl and recreates them from there. If this migration runs while a
 * bulk load is under way, the indexes are absent: the new DDL replaces the
 * old in deferred_ddl instead of being created now, so the load finishes
 * with the new definitions and never tries to create an index twice.
 */
import type { Migration } from '../migrate.ts';

const STATUS_BAND_SQL = `CASE status
  WHEN 'new' THEN 0 WHEN 'in_progress' THEN 0 WHEN 'onsite_pending' THEN 0
  WHEN 'waiting_customer' THEN 1 WHEN 'onsite_scheduled' THEN 1
  ELSE 2 END`;

const PRIORITY = 'status_band, urgency_rank, tier_rank, created_at, id';

/** Name → the DDL exactly as SQLite keeps it in sqlite_master (what bulk-load.ts records). */
const INDEXES: ReadonlyArray<readonly [string, string]> = [
  ['tickets_by_assignee_open_priority', `CREATE INDEX tickets_by_assignee_open_priority ON tickets (assignee_id, is_open, ${PRIORITY})`],
  ['tickets_by_status_priority', `CREATE INDEX tickets_by_status_priority ON tickets (status, ${PRIORITY})`],
  ['tickets_by_priority', `CREATE INDEX tickets_by_priority ON tickets (${PRIORITY})`],
  ['tickets_by_urgency', 'CREATE INDEX tickets_by_urgency ON tickets (urgency_rank, created_at)'],
];

export const migration0003: Migration = {
  version: 3,
  name: '0003_priority_by_status_band',
  up(db) {
    db.exec(`ALTER TABLE tickets ADD COLUMN status_band INTEGER GENERATED ALWAYS AS (${STATUS_BAND_SQL}) VIRTUAL`);
    const bulkLoading = (db.prepare('SELECT bulk_loading FROM sync_state WHERE id = 1').get() as { bulk_loading: number } | undefined)?.bulk_loading === 1;
    const forget = db.prepare('DELETE FROM deferred_ddl WHERE name = ?');
    const defer = db.prepare("INSERT INTO deferred_ddl (name, kind, sql) VALUES (?, 'index', ?)");
    for (const [name, sql] of INDEXES) {
      if (bulkLoading) {
        forget.run(name);
        defer.run(name, sql);
      } else {
        db.exec(`DROP INDEX IF EXISTS ${name}`);
        db.exec(sql);
      }
    }
  },
};
