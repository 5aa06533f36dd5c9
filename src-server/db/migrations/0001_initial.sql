-- Ayni server of record: the synced entities, auth, and the sync bookkeeping.
-- Column names are the snake_case of the wire fields in src-shared/protocol/entities.ts;
-- src-server/entities/specs.ts maps one onto the other.

-- Every write to a synced row upserts its (entity, entity_id) here in the same
-- transaction, stamped with the writer's transaction id. One row per entity
-- (compacted), so an initial pull is O(live rows), not O(history).
-- Why xid and not a sequence: see src-server/sync/pull.ts.
CREATE SEQUENCE change_id_seq;
CREATE TABLE change_log (
  entity     text   NOT NULL,
  entity_id  text   NOT NULL,
  op         text   NOT NULL CHECK (op IN ('upsert', 'delete')),
  xid        xid8   NOT NULL DEFAULT pg_current_xact_id(),
  change_id  bigint NOT NULL DEFAULT nextval('change_id_seq'),
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX change_log_order ON change_log (xid, change_id);

CREATE TABLE customers (
  id              uuid        PRIMARY KEY,
  code            text        NOT NULL UNIQUE,
  name            text        NOT NULL,
  ruc             text        CHECK (ruc ~ '^[0-9]{11}$'),
  emails          jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(emails) = 'array'),
  phone           text,
  district_ubigeo text        NOT NULL CHECK (district_ubigeo ~ '^[0-9]{6}$'),
  address         text        NOT NULL DEFAULT '',
  active          boolean     NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plans (
  id              uuid    PRIMARY KEY,
  code            text    NOT NULL UNIQUE,
  name            text    NOT NULL,
  tier            text    NOT NULL CHECK (tier IN ('premium', 'business', 'basic')),
  kind            text    NOT NULL CHECK (kind IN ('hours', 'tickets')),
  remote_minutes  integer NOT NULL DEFAULT 0 CHECK (remote_minutes >= 0),
  onsite_minutes  integer NOT NULL DEFAULT 0 CHECK (onsite_minutes >= 0),
  ticket_quota    integer NOT NULL DEFAULT 0 CHECK (ticket_quota >= 0),
  price_cents     integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  active          boolean NOT NULL DEFAULT true
);

CREATE TABLE plan_assignments (
  id              uuid        PRIMARY KEY,
  customer_id     uuid        NOT NULL REFERENCES customers (id),
  plan_id         uuid        NOT NULL REFERENCES plans (id),
  effective_month text        NOT NULL CHECK (effective_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- One plan change per customer per month; "the plan in force" is the latest month <= M.
  UNIQUE (customer_id, effective_month)
);

CREATE TABLE users (
  id                   uuid        PRIMARY KEY,
  name                 text        NOT NULL,
  email                text        NOT NULL,
  role                 text        NOT NULL CHECK (role IN ('technician', 'dispatcher', 'supervisor', 'admin')),
  home_district_ubigeo text        CHECK (home_district_ubigeo ~ '^[0-9]{6}$'),
  active               boolean     NOT NULL DEFAULT true,
  -- scrypt$N$r$p$salt$hash (src-server/auth/password.ts); null = cannot log in.
  password_hash        text,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Bearer tokens are stored only as their SHA-256, so a database leak does not leak sessions.
CREATE TABLE sessions (
  token_hash  text        PRIMARY KEY,
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
  email_key  text        NOT NULL,
  ip         text        NOT NULL,
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key ON login_failures (email_key, ip, failed_at);

CREATE SEQUENCE ticket_number_seq;
CREATE TABLE tickets (
  id                     uuid        PRIMARY KEY,
  number                 bigint      NOT NULL UNIQUE DEFAULT nextval('ticket_number_seq'),
  type                   text        NOT NULL CHECK (type IN ('incidencia', 'requerimiento')),
  channel                text        NOT NULL CHECK (channel IN ('portal', 'email', 'phone')),
  urgency                text        NOT NULL CHECK (urgency IN ('low', 'medium', 'high', 'critical')),
  status                 text        NOT NULL CHECK (status IN ('new', 'in_progress', 'waiting_customer', 'onsite_pending', 'onsite_scheduled', 'resolved', 'closed', 'cancelled')),
  subject                text        NOT NULL,
  description            text        NOT NULL DEFAULT '',
  customer_id            uuid        NOT NULL REFERENCES customers (id),
  assignee_id            uuid        REFERENCES users (id),
  requester_name         text,
  requester_email        text,
  error_message          text,
  affected_site          text,
  affected_account       text,
  affected_equipment     text,
  frequency              text        CHECK (frequency IN ('always', 'sometimes', 'once')),
  onsite_district_ubigeo text        CHECK (onsite_district_ubigeo ~ '^[0-9]{6}$'),
  onsite_address         text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  waiting_since          timestamptz,
  sla_paused_minutes     integer     NOT NULL DEFAULT 0 CHECK (sla_paused_minutes >= 0),
  resolved_at            timestamptz
);
CREATE INDEX tickets_customer_created ON tickets (customer_id, created_at);
CREATE INDEX tickets_assignee_status ON tickets (assignee_id, status);

CREATE TABLE ticket_events (
  id          uuid        PRIMARY KEY,
  ticket_id   uuid        NOT NULL REFERENCES tickets (id),
  kind        text        NOT NULL CHECK (kind IN ('reply', 'note', 'status', 'assignment', 'time', 'visit')),
  author_id   uuid        REFERENCES users (id),
  body        text,
  from_status text,
  to_status   text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, created_at);

CREATE TABLE visits (
  id              uuid        PRIMARY KEY,
  ticket_id       uuid        NOT NULL REFERENCES tickets (id),
  technician_id   uuid        NOT NULL REFERENCES users (id),
  kind            text        NOT NULL CHECK (kind IN ('remote', 'onsite')),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  district_ubigeo text        CHECK (district_ubigeo ~ '^[0-9]{6}$'),
  address         text,
  status          text        NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'done', 'cancelled')),
  check_in_at     timestamptz,
  check_out_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
-- The booking check reads one technician's visits around a day.
CREATE INDEX visits_technician_start ON visits (technician_id, starts_at);
CREATE INDEX visits_ticket ON visits (ticket_id);

CREATE TABLE time_entries (
  id            uuid        PRIMARY KEY,
  ticket_id     uuid        NOT NULL REFERENCES tickets (id),
  customer_id   uuid        NOT NULL REFERENCES customers (id),
  technician_id uuid        NOT NULL REFERENCES users (id),
  kind          text        NOT NULL CHECK (kind IN ('remote', 'onsite')),
  minutes       integer     NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  work_date     date        NOT NULL,
  billable      boolean     NOT NULL DEFAULT true,
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
-- Monthly balances sum one customer's entries over one month.
CREATE INDEX time_entries_customer_date ON time_entries (customer_id, work_date);
CREATE INDEX time_entries_ticket ON time_entries (ticket_id);

CREATE TABLE purchases (
  id             uuid        PRIMARY KEY,
  customer_id    uuid        NOT NULL REFERENCES customers (id),
  month          text        NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  remote_minutes integer     NOT NULL DEFAULT 0 CHECK (remote_minutes >= 0),
  onsite_minutes integer     NOT NULL DEFAULT 0 CHECK (onsite_minutes >= 0),
  tickets        integer     NOT NULL DEFAULT 0 CHECK (tickets >= 0),
  price_cents    integer     NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchases_customer_month ON purchases (customer_id, month);

-- Derived (src-server/balances): rewritten whenever an input changes, in the same transaction.
CREATE TABLE balances (
  customer_id              uuid    NOT NULL REFERENCES customers (id),
  month                    text    NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  plan_id                  uuid    REFERENCES plans (id),
  tier                     text,
  remote_minutes_included  integer NOT NULL DEFAULT 0,
  onsite_minutes_included  integer NOT NULL DEFAULT 0,
  ticket_quota             integer NOT NULL DEFAULT 0,
  remote_minutes_purchased integer NOT NULL DEFAULT 0,
  onsite_minutes_purchased integer NOT NULL DEFAULT 0,
  tickets_purchased        integer NOT NULL DEFAULT 0,
  remote_minutes_used      integer NOT NULL DEFAULT 0,
  onsite_minutes_used      integer NOT NULL DEFAULT 0,
  tickets_opened           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
);

-- Days that differ from Mon–Fri 08:00–21:00: national holidays and company closures/openings.
CREATE TABLE calendar_days (
  date      date PRIMARY KEY,
  kind      text NOT NULL CHECK (kind IN ('holiday', 'closure', 'opening')),
  name      text NOT NULL,
  opens_at  text CHECK (opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  closes_at text CHECK (closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);

-- Push bookkeeping: the last seq processed per client, and each seq's recorded result
-- (a retried push gets the same answer, and nothing is applied twice).
CREATE TABLE sync_clients (
  client_id  text        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users (id),
  last_seq   bigint      NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mutation_results (
  client_id    text        NOT NULL REFERENCES sync_clients (client_id),
  seq          bigint      NOT NULL,
  mutation_id  text        NOT NULL,
  name         text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('applied', 'rejected')),
  code         text,
  message      text,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, seq)
);
