/**
 * Indexes matching the queue and detail queries, and the full-text index
 * over tickets. Queue views are an equality prefix (assignee + open, or
 * status, or nothing) followed by the sort columns ending in `id`, so a page
 * is one ordered index walk that stops at LIMIT, and keyset paging
 * (`(sort…, id) > (?…, ?)`) seeks straight to the next page.
 * test/unit/cache/query-plans.test.ts holds them to that.
 */
import type { Migration } from '../migrate.ts';

const SORTS = {
  priority: 'urgency_rank, tier_rank, created_at, id',
  created: 'created_at, id',
  number: 'number_key, id',
  updated: 'updated_at, id',
} as const;

export const migration0002: Migration = {
  version: 2,
  name: '0002_queue_indexes_and_search',
  up(db) {
    const statements: string[] = [];
    for (const [sortName, columns] of Object.entries(SORTS)) {
      statements.push(`CREATE INDEX tickets_by_assignee_open_${sortName} ON tickets (assignee_id, is_open, ${columns})`);
      statements.push(`CREATE INDEX tickets_by_status_${sortName} ON tickets (status, ${columns})`);
      statements.push(`CREATE INDEX tickets_by_${sortName} ON tickets (${columns})`);
    }
    statements.push(
      'CREATE INDEX tickets_by_customer ON tickets (customer_id, created_at)',
      // Filters without a view prefix (urgency filters use urgency_rank,
      // the leading column of tickets_by_priority).
      'CREATE INDEX tickets_by_type ON tickets (type, created_at)',
      'CREATE INDEX tickets_by_channel ON tickets (channel, created_at)',
      'CREATE INDEX tickets_by_tier ON tickets (tier_rank, created_at)',
      'CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE)',
      'CREATE INDEX plan_assignments_by_customer ON plan_assignments (customer_id, effective_month)',
      'CREATE INDEX plan_assignments_by_plan ON plan_assignments (plan_id)',
      'CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, created_at)',
      'CREATE INDEX visits_by_technician ON visits (technician_id, starts_at)',
      'CREATE INDEX visits_by_start ON visits (starts_at)',
      'CREATE INDEX visits_by_ticket ON visits (ticket_id, starts_at)',
      'CREATE INDEX time_entries_by_ticket ON time_entries (ticket_id, work_date)',
      'CREATE INDEX time_entries_by_customer ON time_entries (customer_id, work_date)',
      'CREATE INDEX purchases_by_customer ON purchases (customer_id, month)',
      'CREATE INDEX balances_by_customer ON balances (customer_id, month)',
      'CREATE INDEX balances_by_month ON balances (month, customer_id)',
      'CREATE INDEX calendar_days_by_date ON calendar_days (date)',
      // External-content FTS5 over the ticket row itself (customer_name is
      // denormalised into tickets for this). remove_diacritics lets "nandu"
      // find "Ñandú"; prefix indexes keep type-ahead prefix queries cheap.
      `CREATE VIRTUAL TABLE tickets_fts USING fts5(
         subject, description, customer_name, number,
         content = 'tickets', content_rowid = 'row_id',
         tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
       )`,
      `CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
         INSERT INTO tickets_fts (rowid, subject, description, customer_name, number)
         VALUES (new.row_id, new.subject, new.description, new.customer_name, new.number);
       END`,
      `CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
         INSERT INTO tickets_fts (tickets_fts, rowid, subject, description, customer_name, number)
         VALUES ('delete', old.row_id, old.subject, old.description, old.customer_name, old.number);
       END`,
      `CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, description, customer_name, number ON tickets BEGIN
         INSERT INTO tickets_fts (tickets_fts, rowid, subject, description, customer_name, number)
         VALUES ('delete', old.row_id, old.subject, old.description, old.customer_name, old.number);
         INSERT INTO tickets_fts (rowid, subject, description, customer_name, number)
         VALUES (new.row_id, new.subject, new.description, new.customer_name, new.number);
       END`,
      // A v1 file may already hold tickets: index them.
      "INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild')",
    );
    for (const sql of statements) db.exec(sql);
  },
};
