/**
 * outbox.db access: the client identity, the queue of mutations to push and
 * the edits the server rejected. Everything here is data that cannot be
 * downloaded again.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { MutationName } from '../../../src-shared/protocol/sync.ts';
import type { StatementCache } from './sqlite.ts';

export const SessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['technician', 'dispatcher', 'supervisor', 'admin']),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export interface ClientState {
  readonly clientId: string;
  readonly nextSeq: number;
  /** The server's lastSeq for this client as the last push reported it. */
  readonly ackedSeq: number;
  readonly serverUrl: string | null;
  readonly user: SessionUser | null;
}

export interface OutboxEntry {
  readonly seq: number;
  readonly mutationId: string;
  readonly name: MutationName;
  readonly args: unknown;
  readonly createdAt: string;
  readonly status: 'pending' | 'sent';
}

export interface NeedsAttentionItem {
  readonly id: number;
  readonly seq: number;
  readonly mutationId: string;
  readonly name: MutationName;
  readonly args: unknown;
  /** The server's rejection code (e.g. TECHNICIAN_BUSY) and its message. */
  readonly code: string;
  readonly message: string;
  readonly createdAt: string;
  readonly rejectedAt: string;
}

/** clientId format of the protocol (ClientId in sync.ts): 8–64 of [A-Za-z0-9_-]. */
export function newClientId(): string {
  return `desk-${randomUUID()}`;
}

interface OutboxRow {
  seq: number;
  mutation_id: string;
  name: string;
  args: string;
  created_at: string;
  status: 'pending' | 'sent';
}

const toEntry = (r: OutboxRow): OutboxEntry => ({ seq: r.seq, mutationId: r.mutation_id, name: r.name as MutationName, args: JSON.parse(r.args) as unknown, createdAt: r.created_at, status: r.status });

export class OutboxStore {
  readonly #sql: StatementCache;

  constructor(sql: StatementCache) {
    this.#sql = sql;
  }

  /** Creates the client identity on first use. */
  ensureClient(): void {
    this.#sql.get('INSERT OR IGNORE INTO client_state (id, client_id, next_seq, acked_seq) VALUES (1, ?, 1, 0)').run(newClientId());
  }

  client(): ClientState {
    const row = this.#sql.get('SELECT client_id, next_seq, acked_seq, server_url, user_json FROM client_state WHERE id = 1').get() as {
      client_id: string;
      next_seq: number;
      acked_seq: number;
      server_url: string | null;
      user_json: string | null;
    };
    const user = row.user_json === null ? null : SessionUserSchema.safeParse(JSON.parse(row.user_json));
    return { clientId: row.client_id, nextSeq: row.next_seq, ackedSeq: row.acked_seq, serverUrl: row.server_url, user: user?.success === true ? user.data : null };
  }

  /** Starts over with a fresh identity (another server or user): seqs start again at 1, as a new client's must. */
  resetClient(serverUrl: string, user: SessionUser): void {
    this.#sql.get('UPDATE client_state SET client_id = ?, next_seq = 1, acked_seq = 0, server_url = ?, user_json = ? WHERE id = 1').run(newClientId(), serverUrl, JSON.stringify(user));
  }

  setSession(serverUrl: string, user: SessionUser): void {
    this.#sql.get('UPDATE client_state SET server_url = ?, user_json = ? WHERE id = 1').run(serverUrl, JSON.stringify(user));
  }

  takeSeq(): number {
    const { nextSeq } = this.client();
    this.#sql.get('UPDATE client_state SET next_seq = next_seq + 1 WHERE id = 1').run();
    return nextSeq;
  }

  append(entry: Omit<OutboxEntry, 'status'>): void {
    this.#sql.get("INSERT INTO outbox (seq, mutation_id, name, args, created_at, status) VALUES (?, ?, ?, ?, ?, 'pending')").run(entry.seq, entry.mutationId, entry.name, JSON.stringify(entry.args), entry.createdAt);
  }

  count(): number {
    return (this.#sql.get('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  /** The first `limit` queued mutations, in seq order (sent ones included: the server skips what it already has). */
  head(limit: number): OutboxEntry[] {
    return (this.#sql.get('SELECT seq, mutation_id, name, args, created_at, status FROM outbox ORDER BY seq LIMIT ?').all(limit) as OutboxRow[]).map(toEntry);
  }

  all(): OutboxEntry[] {
    return this.head(-1);
  }

  get(seq: number): OutboxEntry | null {
    const row = this.#sql.get('SELECT seq, mutation_id, name, args, created_at, status FROM outbox WHERE seq = ?').get(seq) as OutboxRow | undefined;
    return row === undefined ? null : toEntry(row);
  }

  markSent(upToSeq: number): void {
    this.#sql.get("UPDATE outbox SET status = 'sent' WHERE seq <= ? AND status = 'pending'").run(upToSeq);
  }

  /** Forgets mutations the server has processed: only up to its lastSeq, never further. */
  acknowledge(lastSeq: number): number {
    this.#sql.get('UPDATE client_state SET acked_seq = max(acked_seq, ?) WHERE id = 1').run(lastSeq);
    return this.#sql.get('DELETE FROM outbox WHERE seq <= ?').run(lastSeq).changes;
  }

  moveToNeedsAttention(entry: OutboxEntry, code: string, message: string, rejectedAt: string): void {
    this.#sql
      .get('INSERT INTO needs_attention (seq, mutation_id, name, args, code, message, created_at, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.seq, entry.mutationId, entry.name, JSON.stringify(entry.args), code, message, entry.createdAt, rejectedAt);
    this.#sql.get('DELETE FROM outbox WHERE seq = ?').run(entry.seq);
  }

  needsAttention(): NeedsAttentionItem[] {
    const rows = this.#sql.get('SELECT id, seq, mutation_id, name, args, code, message, created_at, rejected_at FROM needs_attention ORDER BY id').all() as {
      id: number;
      seq: number;
      mutation_id: string;
      name: string;
      args: string;
      code: string;
      message: string;
      created_at: string;
      rejected_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      mutationId: r.mutation_id,
      name: r.name as MutationName,
      args: JSON.parse(r.args) as unknown,
      code: r.code,
      message: r.message,
      createdAt: r.created_at,
      rejectedAt: r.rejected_at,
    }));
  }

  needsAttentionItem(id: number): NeedsAttentionItem | null {
    return this.needsAttention().find((item) => item.id === id) ?? null;
  }

  deleteNeedsAttention(id: number): boolean {
    return this.#sql.get('DELETE FROM needs_attention WHERE id = ?').run(id).changes === 1;
  }
}
