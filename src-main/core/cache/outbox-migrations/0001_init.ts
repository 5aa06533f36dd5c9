/**
 * outbox.db v1: the data that cannot be downloaded again — the queued
 * mutations, the edits the server rejected (until someone fixes or discards
 * them), and the client identity their seqs belong to. It lives in its own
 * small file so a corrupt cache.db can be thrown away and rebuilt from the
 * server without touching it.
 */
import type { Migration } from '../migrate.ts';

export const outboxMigration0001: Migration = {
  version: 1,
  name: '0001_outbox',
  up(db) {
    db.exec(`
      -- One row. next_seq: the seq the next mutation gets (seqs increase by
      -- one per client, DESIGN.md §3); acked_seq: the server's lastSeq for
      -- this client as last reported by a push.
      CREATE TABLE client_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        client_id TEXT NOT NULL,
        next_seq INTEGER NOT NULL CHECK (next_seq >= 1),
        acked_seq INTEGER NOT NULL CHECK (acked_seq >= 0),
        server_url TEXT,
        user_json TEXT
      ) STRICT;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        mutation_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent'))
      ) STRICT;

      CREATE TABLE needs_attention (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        mutation_id TEXT NOT NULL,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        created_at TEXT NOT NULL,
        rejected_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
