/**
 * Cache schema v1: one STRICT table per synced entity (entities.ts) with a
 * real column for every field, the sync bookkeeping, and the local-edit
 * overlay (base rows + the edits shown on top of them).
 *
 * Entity tables carry no FOREIGN KEY constraints on purpose: pulled pages
 * arrive in whatever order the server commits them (a ticket may come before
 * its customer), and the server of record is the one that keeps references
 * valid. Instants are stored normalised to UTC (`…T…Z`, millisecond
 * precision) so that text order is time order.
 */
import type { Migration } from '../migrate.ts';

export const migration0001: Migration = {
  version: 1,
  name: '0001_init',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor TEXT,
        confirmed_seq INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        bulk_loading INTEGER NOT NULL DEFAULT 0 CHECK (bulk_loading IN (0, 1)),
        tier_month TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE customers (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        ruc TEXT,
        emails TEXT NOT NULL,
        phone TEXT,
        district_ubigeo TEXT NOT NULL,
        address TEXT NOT NULL,
        active INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        tier TEXT,
        tier_rank INTEGER NOT NULL DEFAULT 3
      ) STRICT;

      CREATE TABLE plans (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        tier TEXT NOT NULL,
        kind TEXT NOT NULL,
        remote_minutes INTEGER NOT NULL,
        onsite_minutes INTEGER NOT NULL,
        ticket_quota INTEGER NOT NULL,
        price_cents INTEGER NOT NULL,
        active INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE plan_assignments (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        customer_id TEXT NOT NULL,
        plan_id TEXT NOT NULL,
        effective_month TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        home_district_ubigeo TEXT,
        active INTEGER NOT NULL
      ) STRICT;

      -- row_id is an explicit INTEGER PRIMARY KEY so that the full-text index
      -- (external content keyed by rowid) survives VACUUM.
      CREATE TABLE tickets (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        rev TEXT,
        number INTEGER,
        type TEXT NOT NULL,
        channel TEXT NOT NULL,
        urgency TEXT NOT NULL,
        status TEXT NOT NULL,
        subject TEXT NOT NULL,
        description TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        assignee_id TEXT,
        requester_name TEXT,
        requester_email TEXT,
        error_message TEXT,
        affected_site TEXT,
        affected_account TEXT,
        affected_equipment TEXT,
        frequency TEXT,
        onsite_district_ubigeo TEXT,
        onsite_address TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        waiting_since TEXT,
        sla_paused_minutes INTEGER NOT NULL,
        resolved_at TEXT,
        -- Denormalised from customers so that queues filter, sort and search
        -- without a join; kept current by the apply path.
        customer_name TEXT NOT NULL DEFAULT '',
        tier_rank INTEGER NOT NULL DEFAULT 3,
        -- Sort keys: best first for priority; tickets without a server
        -- number yet (created offline) sort as the newest.
        urgency_rank INTEGER GENERATED ALWAYS AS (CASE urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END) VIRTUAL,
        is_open INTEGER GENERATED ALWAYS AS (status NOT IN ('resolved', 'closed', 'cancelled')) VIRTUAL,
        number_key INTEGER GENERATED ALWAYS AS (coalesce(number, 9007199254740991)) VIRTUAL
      ) STRICT;

      CREATE TABLE ticket_events (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        ticket_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        author_id TEXT,
        body TEXT,
        from_status TEXT,
        to_status TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE visits (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        ticket_id TEXT NOT NULL,
        technician_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        district_ubigeo TEXT,
        address TEXT,
        status TEXT NOT NULL,
        check_in_at TEXT,
        check_out_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE time_entries (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        ticket_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        technician_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        work_date TEXT NOT NULL,
        billable INTEGER NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE purchases (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        customer_id TEXT NOT NULL,
        month TEXT NOT NULL,
        remote_minutes INTEGER NOT NULL,
        onsite_minutes INTEGER NOT NULL,
        tickets INTEGER NOT NULL,
        price_cents INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE balances (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        customer_id TEXT NOT NULL,
        month TEXT NOT NULL,
        plan_id TEXT,
        tier TEXT,
        remote_minutes_included INTEGER NOT NULL,
        onsite_minutes_included INTEGER NOT NULL,
        ticket_quota INTEGER NOT NULL,
        remote_minutes_purchased INTEGER NOT NULL,
        onsite_minutes_purchased INTEGER NOT NULL,
        tickets_purchased INTEGER NOT NULL,
        remote_minutes_used INTEGER NOT NULL,
        onsite_minutes_used INTEGER NOT NULL,
        tickets_opened INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE calendar_days (
        id TEXT PRIMARY KEY NOT NULL,
        rev TEXT,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        opens_at TEXT,
        closes_at TEXT
      ) STRICT;

      -- The local-edit overlay. What the entity tables show is the server's
      -- state (base) with the edits of overlay_edits applied on top, in seq
      -- order. base_rows keeps the server's last known version of every row
      -- an overlay edit touches (data NULL: the row does not exist on the
      -- server, e.g. a ticket created offline); it is what a rejected edit
      -- rolls back to and what a pulled row updates instead of the visible
      -- row (rebase).
      CREATE TABLE base_rows (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT,
        rev TEXT,
        PRIMARY KEY (entity, id)
      ) STRICT, WITHOUT ROWID;

      -- Copies of outbox mutations whose effects are shown but not yet
      -- confirmed by a complete pull (they stay after the push acknowledged
      -- them, until a pull shows the server's own version of their rows).
      CREATE TABLE overlay_edits (
        seq INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE overlay_touches (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES overlay_edits (seq) ON DELETE CASCADE,
        PRIMARY KEY (entity, id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX overlay_touches_by_seq ON overlay_touches (seq);

      -- Secondary indexes and full-text triggers dropped during the initial
      -- bulk load, with the DDL to recreate them when it ends.
      CREATE TABLE deferred_ddl (
        name TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('index', 'trigger')),
        sql TEXT NOT NULL
      ) STRICT;
    `);
  },
};
