/**
 * The checker's own view of the server of record: a sync client that only
 * pulls (straight from the server, never through the fault proxy) and keeps
 * every row with its rev in memory. It indexes the rows that carry a soak
 * marker, so counting how often the server applied an edit is a lookup.
 */
import { randomUUID } from 'node:crypto';
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import { LoginResponseSchema, PullResponseSchema } from '../../src-shared/protocol/sync.ts';

export interface MirrorRow {
  readonly rev: string;
  readonly data: Record<string, unknown>;
}

/** Rows the server wrote for one edit of the script, by what they are. */
export interface EffectCount {
  note: number;
  status: number;
  timeEvent: number;
  timeEntry: number;
}

type EffectKind = keyof EffectCount;

export class ServerMirror {
  readonly #serverUrl: string;
  readonly #email: string;
  readonly #password: string;
  readonly #markerPattern: RegExp;
  readonly #checkerClientId = `soak-checker-${randomUUID()}`;
  #token: string | null = null;
  #cursor: string | null = null;
  readonly rows = new Map<EntityName, Map<string, MirrorRow>>();
  /** Rows changed (or deleted) since takeChanged() was last called, per entity. */
  #changed = new Map<EntityName, Set<string>>();
  /** Rows carrying a marker of this run: row key → (edit index, what it is). */
  readonly #effects = new Map<string, { index: number; kind: EffectKind }>();
  pulls = 0;

  constructor(options: { serverUrl: string; email: string; password: string; runTag: string }) {
    this.#serverUrl = options.serverUrl;
    this.#email = options.email;
    this.#password = options.password;
    this.#markerPattern = new RegExp(`\\[soak ${options.runTag} #(\\d+)\\]`);
  }

  async #login(): Promise<void> {
    const response = await fetch(`${this.#serverUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: this.#email, password: this.#password }) });
    if (!response.ok) throw new Error(`checker login failed: HTTP ${response.status} ${await response.text()}`);
    this.#token = LoginResponseSchema.parse(await response.json()).token;
  }

  /**
   * Pulls until the server has nothing more and returns the server's lastSeq
   * for `clientId` (read in the same transaction as the last page). A pull is
   * read-only on the server, so asking about the desk's client changes nothing.
   */
  async catchUp(clientId: string = this.#checkerClientId): Promise<{ lastSeq: number; changes: number }> {
    if (this.#token === null) await this.#login();
    let changes = 0;
    for (;;) {
      const query = new URLSearchParams({ clientId, limit: '5000' });
      if (this.#cursor !== null) query.set('cursor', this.#cursor);
      const response = await fetch(`${this.#serverUrl}/api/v1/sync/pull?${query.toString()}`, { headers: { authorization: `Bearer ${this.#token ?? ''}` } });
      if (response.status === 401) {
        await this.#login();
        continue;
      }
      if (!response.ok) throw new Error(`checker pull failed: HTTP ${response.status} ${await response.text()}`);
      const page = PullResponseSchema.parse(await response.json());
      this.pulls += 1;
      for (const change of page.changes) this.#apply(change.entity, change.op, change.id, change.rev, change.data);
      changes += page.changes.length;
      this.#cursor = page.cursor;
      if (!page.hasMore) return { lastSeq: page.lastSeq, changes };
    }
  }

  #apply(entity: EntityName, op: 'upsert' | 'delete', id: string, rev: string, data: unknown): void {
    let table = this.rows.get(entity);
    if (table === undefined) {
      table = new Map();
      this.rows.set(entity, table);
    }
    const key = `${entity}:${id}`;
    this.#effects.delete(key);
    let changed = this.#changed.get(entity);
    if (changed === undefined) {
      changed = new Set();
      this.#changed.set(entity, changed);
    }
    changed.add(id);
    if (op === 'delete') {
      table.delete(id);
      return;
    }
    const row = data as Record<string, unknown>;
    table.set(id, { rev, data: row });
    const effect = this.#effectOf(entity, row);
    if (effect !== null) this.#effects.set(key, effect);
  }

  #effectOf(entity: EntityName, row: Record<string, unknown>): { index: number; kind: EffectKind } | null {
    const text = entity === 'ticketEvent' ? row.body : entity === 'timeEntry' ? row.note : undefined;
    if (typeof text !== 'string') return null;
    const match = this.#markerPattern.exec(text);
    if (match === null) return null;
    const index = Number(match[1]);
    if (entity === 'timeEntry') return { index, kind: 'timeEntry' };
    switch (row.kind) {
      case 'note':
        return { index, kind: 'note' };
      case 'status':
        return { index, kind: 'status' };
      case 'time':
        return { index, kind: 'timeEvent' };
      default:
        return null;
    }
  }

  /** How many rows the server holds for each edit index that left any. */
  effectCounts(): Map<number, EffectCount> {
    const counts = new Map<number, EffectCount>();
    for (const { index, kind } of this.#effects.values()) {
      let count = counts.get(index);
      if (count === undefined) {
        count = { note: 0, status: 0, timeEvent: 0, timeEntry: 0 };
        counts.set(index, count);
      }
      count[kind] += 1;
    }
    return counts;
  }

  /** The ids changed since the last call (all rows, the first time). */
  takeChanged(): Map<EntityName, Set<string>> {
    const changed = this.#changed;
    this.#changed = new Map();
    return changed;
  }

  rowCount(): number {
    let n = 0;
    for (const table of this.rows.values()) n += table.size;
    return n;
  }
}
