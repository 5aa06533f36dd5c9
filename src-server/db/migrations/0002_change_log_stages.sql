-- The initial sync delivers the rows a console needs to work (tickets, visits,
-- customers, balances, …) before the history (ticket events, time entries),
-- which is most of the rows: one ordered, partial index per stage so each
-- stage pages through its own rows without filtering out the others.
-- The predicates must match HISTORY_ENTITIES in src-shared/protocol/sync.ts
-- and the stage filters in src-server/sync/pull.ts.
CREATE INDEX change_log_core_order ON change_log (xid, change_id) WHERE entity NOT IN ('ticketEvent', 'timeEntry');
CREATE INDEX change_log_history_order ON change_log (xid, change_id) WHERE entity IN ('ticketEvent', 'timeEntry');
