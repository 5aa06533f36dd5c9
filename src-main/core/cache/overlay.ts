/**
 * The local-edit overlay: what the entity tables show is the server's state
 * (base) with the unconfirmed local edits applied on top, in seq order.
 *
 * Conflict policy — REBASE, never silent overwrite: a pulled row for a key
 * that local edits touch replaces the key's base, and the edits are applied
 * again on top of it. Dropping an edit (the server rejected it, or a complete
 * pull confirmed it) restores the key's base and re-applies the edits that
 * remain. A key has a base row exactly while some overlay edit touches it.
 */
import { entitySchemas, type EntityData, type EntityName } from '../../../src-shared/protocol/entities.ts';
import type { MutationName } from '../../../src-shared/protocol/sync.ts';
import type { AppError } from '../../../src-shared/result.ts';
import { opsFor, type OpContext, type RowData, type RowOp } from './edits/appliers.ts';
import type { RowStore } from './rows.ts';
import type { StatementCache } from './sqlite.ts';

export interface RowKey {
  readonly entity: EntityName;
  readonly id: string;
}

export interface OverlayEdit {
  readonly seq: number;
  readonly name: MutationName;
  readonly args: unknown;
  readonly createdAt: string;
}

/** Thrown inside a transaction to abort a fresh edit the cache can tell is wrong; carries the error to return. */
export class EditRefused extends Error {
  readonly appError: AppError;
  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'EditRefused';
    this.appError = appError;
  }
}

const keyOf = (entity: string, id: string): string => `${entity}\u0000${id}`;

export class Overlay {
  readonly #sql: StatementCache;
  readonly #rows: RowStore;
  readonly #actorId: () => string | null;
  /** Problems met while replaying edits (an edit that no longer fits its row); the store logs them. */
  readonly replayProblems: string[] = [];

  constructor(sql: StatementCache, rows: RowStore, actorId: () => string | null) {
    this.#sql = sql;
    this.#rows = rows;
    this.#actorId = actorId;
  }

  readonly #ctx: OpContext = {
    read: <E extends EntityName>(entity: E, id: string): EntityData<E> | null => this.#rows.read(entity, id)?.data ?? null,
  };

  /** True when any key has local edits on top of it; false lets a pulled page skip the per-row check. */
  hasDirty(): boolean {
    return this.#sql.get('SELECT 1 FROM base_rows LIMIT 1').get() !== undefined;
  }

  isDirty(entity: EntityName, id: string): boolean {
    return this.#sql.get('SELECT 1 FROM base_rows WHERE entity = ? AND id = ?').get(entity, id) !== undefined;
  }

  /** Records the server's newest version of a dirty key; the caller rebases the key afterwards. */
  setBase(entity: EntityName, id: string, data: RowData | null, rev: string | null): void {
    this.#sql.get('UPDATE base_rows SET data = ?, rev = ? WHERE entity = ? AND id = ?').run(data === null ? null : JSON.stringify(data), rev, entity, id);
  }

  edits(): OverlayEdit[] {
    const rows = this.#sql.get('SELECT seq, name, args, created_at FROM overlay_edits ORDER BY seq').all() as { seq: number; name: string; args: string; created_at: string }[];
    return rows.map((r) => ({ seq: r.seq, name: r.name as MutationName, args: JSON.parse(r.args) as unknown, createdAt: r.created_at }));
  }

  /**
   * Applies one edit on top of the visible rows and records it. `fresh`: the
   * user is making it now, so its checks run and a failing check or an
   * invalid resulting row throws EditRefused; replays never refuse.
   */
  apply(edit: OverlayEdit, fresh: boolean): Set<EntityName> {
    this.#sql.get('INSERT INTO overlay_edits (seq, name, args, created_at) VALUES (?, ?, ?, ?)').run(edit.seq, edit.name, JSON.stringify(edit.args), edit.createdAt);
    const changed = new Set<EntityName>();
    for (const op of this.#opsOf(edit)) {
      const current = this.#rows.read(op.entity, op.id);
      if (fresh && op.check !== undefined) {
        const refused = op.check(current?.data ?? null, this.#ctx);
        if (refused !== null) throw new EditRefused(refused);
      }
      if (!this.isDirty(op.entity, op.id)) {
        // No edit touches the key yet, so the visible row is the server's version.
        this.#sql.get('INSERT INTO base_rows (entity, id, data, rev) VALUES (?, ?, ?, ?)').run(op.entity, op.id, current === null ? null : JSON.stringify(current.data), current?.rev ?? null);
      }
      this.#sql.get('INSERT OR IGNORE INTO overlay_touches (entity, id, seq) VALUES (?, ?, ?)').run(op.entity, op.id, edit.seq);
      this.#applyOp(op, current?.data ?? null, current?.rev ?? null, fresh, edit);
      changed.add(op.entity);
    }
    return changed;
  }

  /** Restores each key to its base and re-applies the edits that still touch it. */
  rebase(keys: Iterable<RowKey>): Set<EntityName> {
    const changed = new Set<EntityName>();
    const opsBySeq = new Map<number, RowOp[]>();
    const seen = new Set<string>();
    for (const key of keys) {
      const k = keyOf(key.entity, key.id);
      if (seen.has(k)) continue;
      seen.add(k);
      const base = this.#sql.get('SELECT data, rev FROM base_rows WHERE entity = ? AND id = ?').get(key.entity, key.id) as { data: string | null; rev: string | null } | undefined;
      if (base === undefined) continue;
      changed.add(key.entity);
      const baseData = base.data === null ? null : (JSON.parse(base.data) as RowData);
      this.#put(key.entity, key.id, baseData, base.rev);
      const touching = this.#sql.get('SELECT t.seq, e.name, e.args, e.created_at FROM overlay_touches t JOIN overlay_edits e ON e.seq = t.seq WHERE t.entity = ? AND t.id = ? ORDER BY t.seq').all(key.entity, key.id) as {
        seq: number;
        name: string;
        args: string;
        created_at: string;
      }[];
      if (touching.length === 0) {
        this.#sql.get('DELETE FROM base_rows WHERE entity = ? AND id = ?').run(key.entity, key.id);
        continue;
      }
      let current = baseData;
      for (const t of touching) {
        const edit: OverlayEdit = { seq: t.seq, name: t.name as MutationName, args: JSON.parse(t.args) as unknown, createdAt: t.created_at };
        let ops = opsBySeq.get(t.seq);
        if (ops === undefined) {
          ops = this.#opsOf(edit);
          opsBySeq.set(t.seq, ops);
        }
        for (const op of ops) {
          if (op.entity !== key.entity || op.id !== key.id) continue;
          current = this.#applyOp(op, current, base.rev, false, edit);
        }
      }
    }
    return changed;
  }

  /** Removes edits from the overlay (rejected, or confirmed by a pull) and rebases the keys they touched. */
  drop(seqs: readonly number[]): Set<EntityName> {
    const keys: RowKey[] = [];
    for (const seq of seqs) {
      keys.push(...(this.#sql.get('SELECT entity, id FROM overlay_touches WHERE seq = ?').all(seq) as RowKey[]));
      this.#sql.get('DELETE FROM overlay_edits WHERE seq = ?').run(seq);
    }
    return this.rebase(keys);
  }

  /** Edits the server has processed, as a complete pull with `lastSeq` shows; their effects are now in the base rows. */
  confirmUpTo(lastSeq: number): Set<EntityName> {
    const seqs = (this.#sql.get('SELECT seq FROM overlay_edits WHERE seq <= ?').all(lastSeq) as { seq: number }[]).map((r) => r.seq);
    return seqs.length === 0 ? new Set() : this.drop(seqs);
  }

  #opsOf(edit: OverlayEdit): RowOp[] {
    return opsFor(edit.name, edit.args, { at: edit.createdAt, actorId: this.#actorId() });
  }

  #applyOp(op: RowOp, current: RowData | null, rev: string | null, fresh: boolean, edit: OverlayEdit): RowData | null {
    const next = op.apply(current, this.#ctx);
    if (next === null) {
      if (current !== null) this.#rows.delete(op.entity, op.id);
      return null;
    }
    const parsed = entitySchemas[op.entity].safeParse(next);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      if (fresh) throw new EditRefused({ code: 'VALIDATION', message: `El cambio deja datos no válidos (${detail}).` });
      this.replayProblems.push(`${edit.name} #${edit.seq} no se pudo volver a aplicar sobre ${op.entity} ${op.id}: ${detail}`);
      return current;
    }
    this.#rows.write(op.entity, parsed.data as RowData, rev);
    return parsed.data as RowData;
  }

  #put(entity: EntityName, id: string, data: RowData | null, rev: string | null): void {
    if (data === null) this.#rows.delete(entity, id);
    else this.#rows.write(entity, data, rev);
  }
}
