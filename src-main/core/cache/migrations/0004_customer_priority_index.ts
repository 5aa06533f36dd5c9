/**
 * A customer filter sorted by "Prioridad" had no index that delivers the
 * order: SQLite read every ticket of the chosen customers through
 * tickets_by_customer and sorted them (6–10 ms for a page of five customers,
 * ~7k tickets, at 200k). tickets_by_customer_priority is the customer's own
 * priority walk, so a page reads one ordered index range per customer and
 * the queue merges them (queries/queue.ts, `arms`).
 *
 * One index more on tickets (18): every ticket index is rebuilt at the end
 * of an initial bulk load. The other filtered sorts reuse what 0002 and 0003
 * built (the assignee/open and status indexes per sort, tickets_by_customer
 * for customer + creation date).
 *
 * Like 0003, it respects an initial bulk load under way (bulk-load.ts): while
 * the tickets' indexes wait in deferred_ddl, this one waits with them and the
 * load builds it with the others. Once the core stage has built them (the
 * history is still arriving, bulk_loading is still 1) it is built now: a
 * deferred index on tickets would count as core work still pending and make
 * the next history page run the core stage's finish (tiers, full text) again.
 */
import type { Migration } from '../migrate.ts';

const NAME = 'tickets_by_customer_priority';
/** Exactly as SQLite keeps it in sqlite_master (what bulk-load.ts records). */
const SQL = `CREATE INDEX ${NAME} ON tickets (customer_id, status_band, urgency_rank, tier_rank, created_at, id)`;

export const migration0004: Migration = {
  version: 4,
  name: '0004_customer_priority_index',
  up(db) {
    const bulkLoading = (db.prepare('SELECT bulk_loading FROM sync_state WHERE id = 1').get() as { bulk_loading: number } | undefined)?.bulk_loading === 1;
    const deferred = db.prepare("SELECT sql FROM deferred_ddl WHERE kind = 'index'").all() as { sql: string }[];
    if (bulkLoading && deferred.some((d) => /\sON\s+"?tickets"?\s*\(/i.test(d.sql))) {
      db.prepare("INSERT INTO deferred_ddl (name, kind, sql) VALUES (?, 'index', ?)").run(NAME, SQL);
    } else {
      db.exec(SQL);
    }
  },
};
