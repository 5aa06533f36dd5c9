/**
 * The desk core's local cache: the one object the worker keeps open. It owns
 * one SQLite connection whose `main` schema is outbox.db and which has
 * cache.db attached as `cache`, so a local edit changes the cached rows and
 * appends to the outbox in ONE transaction. Everything is synchronous
 * (better-sqlite3): a method returns after its transaction committed.
 */
import { randomUUID } from 'node:crypto';
import type { EntityName } from '../../../src-shared/protocol/entities.ts';
import { MUTATION_NAMES, mutationArgs, PushResponseSchema, type MutationName } from '../../../src-shared/protocol/sync.ts';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import type { CoreLogger } from '../log.ts';
import { applyPage, type AppliedPage } from './apply-page.ts';
import { noFaults, type FaultHook } from './faults.ts';
import { OutboxStore, type NeedsAttentionItem, type OutboxEntry, type SessionUser } from './outbox.ts';
import { EditRefused, Overlay, type RowKey } from './overlay.ts';
import { validatePullPage, type ValidPage } from './pull-page.ts';
import { createQueries, type CacheQueries } from './queries/index.ts';
import { RowStore } from './rows.ts';
import type { Db } from './sqlite.ts';
import { StatementCache, type Statement } from './sqlite.ts';
import { limaMonthOf, refreshTiers } from './tiers.ts';

/** An idle poll's time is written at least this often (it is shown as "Última sincronización" after a restart). */
export const IDLE_SYNC_PERSIST_MS = 5 * 60_000;

/** The schema name cache.db is attached under (outbox.db is `main`). */
export { CACHE_SCHEMA } from './apply-page.ts';

export interface LocalEditSaved {
  readonly status: 'saved';
  readonly seq: number;
  readonly mutationId: string;
  readonly changed: readonly EntityName[];
}

export type { AppliedPage } from './apply-page.ts';

export interface PushBatch {
  readonly clientId: string;
  readonly mutations: readonly { seq: number; id: string; name: string; args: unknown }[];
}

export interface PushOutcome {
  readonly lastSeq: number;
  /** How many of the batch's mutations the server has processed (applied or rejected). */
  readonly processed: number;
  readonly rejected: readonly { seq: number; code: string }[];
  readonly changed: readonly EntityName[];
}

export interface SyncInfo {
  readonly clientId: string;
  readonly cursor: string | null;
  readonly lastSyncAt: string | null;
  readonly pendingEdits: number;
  readonly needsAttention: number;
  readonly serverUrl: string | null;
  readonly user: SessionUser | null;
}

export interface CacheRecovery {
  /** Where the unreadable cache.db was moved. */
  readonly movedTo: string;
  readonly reason: string;
}

export interface CacheStoreDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly logger: CoreLogger;
  readonly faults?: FaultHook;
  readonly recovery: CacheRecovery | null;
}

const isMutationName = (name: string): name is MutationName => (MUTATION_NAMES as readonly string[]).includes(name);

export class CacheStore {
  readonly db: Db;
  readonly queries: CacheQueries;
  /** Set when opening found cache.db unreadable and rebuilt it empty (the outbox was kept). */
  readonly recovery: CacheRecovery | null;
  readonly #sql: StatementCache;
  readonly #rows: RowStore;
  readonly #outbox: OutboxStore;
  readonly #overlay: Overlay;
  readonly #now: () => Date;
  /** When a poll last found nothing new (not written; see #idlePoll). */
  #idleSyncAt: string | null = null;
  readonly #logger: CoreLogger;
  readonly #faults: FaultHook;

  constructor(deps: CacheStoreDeps) {
    this.db = deps.db;
    this.recovery = deps.recovery;
    this.#now = deps.now;
    this.#logger = deps.logger;
    this.#faults = deps.faults ?? noFaults;
    this.#sql = new StatementCache(deps.db);
    this.#rows = new RowStore(this.#sql);
    this.#outbox = new OutboxStore(this.#sql);
    this.#outbox.ensureClient();
    this.#overlay = new Overlay(this.#sql, this.#rows, () => this.#outbox.client().user?.id ?? null);
    this.queries = createQueries({ sql: this.#sql, now: deps.now, me: () => this.#outbox.client().user?.id ?? null });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- Local edits ------------------------------------------------------------

  /**
   * Applies a mutation to the cached rows and queues it, atomically. Returns
   * 'saved' only after the transaction committed; on any failure neither the
   * rows nor the outbox changed.
   */
  applyLocalEdit(name: string, args: unknown): Result<LocalEditSaved> {
    return this.#edit(name, args, () => undefined);
  }

  #edit(name: string, args: unknown, alsoInTransaction: () => void): Result<LocalEditSaved> {
    if (!isMutationName(name)) return fail('UNKNOWN_MUTATION', `Operación desconocida: ${name}.`);
    const parsed = mutationArgs[name].safeParse(args);
    if (!parsed.success) {
      return fail('VALIDATION', `Datos no válidos: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'} ${i.message}`).join('; ')}`);
    }
    try {
      const saved = this.db.transaction((): LocalEditSaved => {
        alsoInTransaction();
        const seq = this.#outbox.takeSeq();
        const mutationId = randomUUID();
        const createdAt = this.#now().toISOString();
        const changed = this.#overlay.apply({ seq, name, args: parsed.data, createdAt }, true);
        this.#faults('edit.afterRowChange');
        this.#outbox.append({ seq, mutationId, name, args: parsed.data, createdAt });
        this.#faults('edit.beforeCommit');
        return { status: 'saved', seq, mutationId, changed: [...changed] };
      })();
      return ok(saved);
    } catch (error) {
      if (error instanceof EditRefused) return { ok: false, error: error.appError };
      this.#logger.error(`No se pudo guardar ${name} en la copia local`, error);
      return fail('CACHE_WRITE_FAILED', 'No se pudo guardar el cambio en la copia local. No se perdió nada de lo ya guardado; inténtelo de nuevo.');
    }
  }

  needsAttention(): NeedsAttentionItem[] {
    return this.#outbox.needsAttention();
  }

  /** Queues a rejected edit again — as it was or with corrected args — and removes it from the list, in one transaction. */
  retryNeedsAttention(id: number, correctedArgs?: unknown): Result<LocalEditSaved> {
    const item = this.#outbox.needsAttentionItem(id);
    if (item === null) return fail('NOT_FOUND', 'Ese cambio ya no está en la lista de pendientes de revisión.');
    return this.#edit(item.name, correctedArgs ?? item.args, () => {
      this.#outbox.deleteNeedsAttention(id);
    });
  }

  discardNeedsAttention(id: number): Result<void> {
    return this.#outbox.deleteNeedsAttention(id) ? ok(undefined) : fail('NOT_FOUND', 'Ese cambio ya no está en la lista de pendientes de revisión.');
  }

  // ---- Session ----------------------------------------------------------------

  /**
   * Records who is signed in to which server. Queued edits belong to the
   * session that made them: switching to another user or server is refused
   * while any are queued. A new identity gets a new clientId (seqs restart at
   * 1, as the server expects of a new client) and, for another server, an
   * empty cache.
   */
  beginSession(serverUrl: string, user: SessionUser): Result<{ cacheCleared: boolean }> {
    const client = this.#outbox.client();
    const sameServer = client.serverUrl === serverUrl;
    const sameUser = client.user?.id === user.id;
    if (client.serverUrl === null || (sameServer && sameUser)) {
      this.#outbox.setSession(serverUrl, user);
      return ok({ cacheCleared: false });
    }
    if (this.#outbox.count() > 0) {
      return fail('PENDING_EDITS_OTHER_SESSION', `Hay ${this.#outbox.count()} cambios sin enviar de ${client.user?.name ?? 'otra sesión'}. Inicie sesión con esa cuenta para enviarlos antes de cambiar de usuario o de servidor.`);
    }
    this.db.transaction(() => {
      this.#outbox.resetClient(serverUrl, user);
      // Overlay seqs and confirmed_seq belong to the old identity's seq
      // space. The outbox is empty, so every overlay edit was acknowledged:
      // the next pull brings its effects.
      this.#overlay.drop(this.#overlay.edits().map((e) => e.seq));
      this.#sql.get('UPDATE sync_state SET confirmed_seq = 0 WHERE id = 1').run();
      if (!sameServer) this.#clearCache();
    })();
    return ok({ cacheCleared: !sameServer });
  }

  #clearCache(): void {
    this.db.exec(`DELETE FROM overlay_edits; DELETE FROM base_rows; DELETE FROM tickets; DELETE FROM customers; DELETE FROM plans; DELETE FROM plan_assignments;
      DELETE FROM users; DELETE FROM ticket_events; DELETE FROM visits; DELETE FROM time_entries; DELETE FROM purchases; DELETE FROM balances; DELETE FROM calendar_days;`);
    this.#sql.get('UPDATE sync_state SET cursor = NULL, confirmed_seq = 0, last_sync_at = NULL WHERE id = 1').run();
    this.#idleSyncAt = null;
  }

  /**
   * A poll that found nothing: one page, no rows, the cursor it already had,
   * nothing more to confirm. Storing it would only move last_sync_at — a
   * flush to disk (synchronous=FULL) on every poll, and every remembered
   * queue count forgotten (they live while nothing is written). The time is
   * kept here instead, and written with the next real page, or once it is
   * IDLE_SYNC_PERSIST_MS old. Null when the page must be stored.
   */
  #idlePoll(pages: readonly ValidPage[]): AppliedPage | null {
    const page = pages[0];
    if (pages.length !== 1 || page === undefined || page.changes.length > 0 || page.hasMore || page.stage !== undefined) return null;
    const state = this.#syncState();
    if (state.bulk_loading === 1 || state.cursor !== page.cursor || page.lastSeq > state.confirmed_seq) return null;
    const now = this.#now();
    const persisted = state.last_sync_at === null ? Number.NaN : Date.parse(state.last_sync_at);
    if (!(now.getTime() - persisted < IDLE_SYNC_PERSIST_MS)) return null;
    this.#idleSyncAt = now.toISOString();
    return { applied: 0, hasMore: false, remaining: page.remaining, initialLoad: false, stage: undefined, coreReady: false, changed: [] };
  }

  /** A prepared statement for `sql`, prepared once and kept (handlers' own reads). */
  statement(sql: string): Statement {
    return this.#sql.get(sql);
  }

  syncInfo(): SyncInfo {
    const client = this.#outbox.client();
    const state = this.#syncState();
    const idle = this.#idleSyncAt;
    return {
      clientId: client.clientId,
      cursor: state.cursor,
      // The later of the stored time and an idle poll's since (both ISO instants in UTC: they sort as text).
      lastSyncAt: idle !== null && (state.last_sync_at === null || idle > state.last_sync_at) ? idle : state.last_sync_at,
      pendingEdits: this.#outbox.count(),
      needsAttention: (this.#sql.get('SELECT count(*) AS n FROM needs_attention').get() as { n: number }).n,
      serverUrl: client.serverUrl,
      user: client.user,
    };
  }

  #syncState(): { cursor: string | null; confirmed_seq: number; last_sync_at: string | null; bulk_loading: number; tier_month: string | null } {
    return this.#sql.get('SELECT cursor, confirmed_seq, last_sync_at, bulk_loading, tier_month FROM sync_state WHERE id = 1').get() as {
      cursor: string | null;
      confirmed_seq: number;
      last_sync_at: string | null;
      bulk_loading: number;
      tier_month: string | null;
    };
  }

  // ---- Push -------------------------------------------------------------------

  /** The next mutations to send, in seq order; marks them 'sent'. Null when the outbox is empty. */
  takePushBatch(limit: number): PushBatch | null {
    const entries = this.#outbox.head(limit);
    const last = entries.at(-1);
    if (last === undefined) return null;
    this.#outbox.markSent(last.seq);
    return { clientId: this.#outbox.client().clientId, mutations: entries.map((e) => ({ seq: e.seq, id: e.mutationId, name: e.name, args: e.args })) };
  }

  /**
   * Applies the server's answer to a push: rejected edits leave the outbox
   * for the needs-attention list and their effects are rolled back to the
   * server's last known rows; everything up to lastSeq (and nothing after)
   * leaves the outbox.
   */
  applyPushResponse(batch: PushBatch, raw: unknown): Result<PushOutcome> {
    const parsed = PushResponseSchema.safeParse(raw);
    if (!parsed.success) return fail('SYNC_MALFORMED_RESPONSE', 'El servidor respondió al envío de cambios con datos no válidos. Los cambios siguen en cola.');
    const { lastSeq, results } = parsed.data;
    const first = batch.mutations[0]?.seq ?? 1;
    if (lastSeq < first - 1) {
      return fail('SYNC_PUSH_GAP', `El servidor no tiene registro de cambios anteriores de este equipo (último recibido: ${lastSeq}, se esperaba al menos ${first - 1}). Los cambios siguen en cola; contacte a soporte.`, { lastSeq, first });
    }
    try {
      return ok(
        this.db.transaction((): PushOutcome => {
          const changed = new Set<EntityName>();
          const rejected: { seq: number; code: string }[] = [];
          const rejectedAt = this.#now().toISOString();
          for (const result of results) {
            if (result.status !== 'rejected' || result.seq > lastSeq) continue;
            const entry: OutboxEntry | null = this.#outbox.get(result.seq);
            if (entry === null) continue;
            const code = result.code ?? 'REJECTED';
            this.#outbox.moveToNeedsAttention(entry, code, result.message ?? 'El servidor rechazó el cambio.', rejectedAt);
            for (const entity of this.#overlay.drop([entry.seq])) changed.add(entity);
            rejected.push({ seq: entry.seq, code });
          }
          this.#faults('push.afterRejections');
          this.#outbox.acknowledge(lastSeq);
          this.#faults('push.beforeCommit');
          return { lastSeq, processed: batch.mutations.filter((m) => m.seq <= lastSeq).length, rejected, changed: [...changed] };
        })(),
      );
    } catch (error) {
      this.#logger.error('No se pudo registrar la respuesta del servidor a los cambios enviados', error);
      return fail('CACHE_WRITE_FAILED', 'No se pudo registrar la respuesta del servidor; los cambios siguen en cola y se reenviarán.');
    }
  }

  // ---- Pull -------------------------------------------------------------------

  pullParams(): { cursor: string | null; clientId: string } {
    return { cursor: this.#syncState().cursor, clientId: this.#outbox.client().clientId };
  }

  /**
   * Validates a pulled page and applies it with its cursor in ONE
   * transaction. Anything malformed is refused before the transaction
   * starts; a failure inside rolls everything back, so the next pull resumes
   * from the last committed cursor.
   */
  applyPulledPage(raw: unknown, maxChanges?: number): Result<AppliedPage> {
    return this.applyPulledPages([raw], maxChanges);
  }

  /**
   * Several consecutive pulled pages in ONE transaction, the last page's
   * cursor with them (each page's cursor is written in turn; only the last
   * survives the commit). During an initial load this writes each b-tree
   * page once per batch instead of once per pulled page — with random ids,
   * per-page commits rewrite most of the id index every time. Every page is
   * validated before anything is written; one bad page refuses the batch.
   */
  applyPulledPages(raws: readonly unknown[], maxChanges?: number): Result<AppliedPage> {
    const pages: ValidPage[] = [];
    for (const raw of raws) {
      const page = validatePullPage(raw, maxChanges);
      if (!page.ok) return page;
      pages.push(page.value);
    }
    return this.applyValidatedPages(pages);
  }

  /** applyPulledPages for pages the caller has already validated (validatePullPage), e.g. as they arrived. */
  applyValidatedPages(pages: readonly ValidPage[]): Result<AppliedPage> {
    if (pages.length === 0) return fail('SYNC_EMPTY_BATCH', 'No hay páginas que aplicar.');
    const idle = this.#idlePoll(pages);
    if (idle !== null) return ok(idle);
    try {
      const deps = { db: this.db, sql: this.#sql, rows: this.#rows, overlay: this.#overlay, faults: this.#faults, now: this.#now };
      const applied = this.db.transaction(() => pages.map((page) => applyPage(deps, page)))();
      this.#flushReplayProblems();
      return ok(combineApplied(applied));
    } catch (error) {
      this.#logger.error('No se pudo aplicar una página de sincronización', error);
      return fail('CACHE_WRITE_FAILED', 'No se pudieron guardar los datos recibidos del servidor. La copia local quedó como estaba; se volverá a intentar.');
    }
  }

  // ---- Opening ------------------------------------------------------------------

  /**
   * Makes the overlay agree with the outbox after a crash between the two
   * files' commits or after the cache was rebuilt: queued edits missing from
   * the overlay are applied again; overlay edits the outbox never committed
   * (or that were rejected meanwhile) are dropped. Also moves the customers'
   * tiers to the current month.
   */
  reconcile(): { replayed: number; dropped: number } {
    // (Nested transactions become savepoints in better-sqlite3.)
    return this.db.transaction(() => {
      const client = this.#outbox.client();
      const confirmed = this.#syncState().confirmed_seq;
      const overlaySeqs = new Set(this.#overlay.edits().map((e) => e.seq));
      const outbox = this.#outbox.all();
      const outboxSeqs = new Set(outbox.map((e) => e.seq));
      const rejectedSeqs = new Set(this.#outbox.needsAttention().map((i) => i.seq));
      const stale = [...overlaySeqs].filter((seq) => rejectedSeqs.has(seq) || (!outboxSeqs.has(seq) && seq > client.ackedSeq));
      this.#overlay.drop(stale);
      const missing = outbox.filter((e) => !overlaySeqs.has(e.seq) && e.seq > confirmed);
      for (const entry of missing) this.#overlay.apply({ seq: entry.seq, name: entry.name, args: entry.args, createdAt: entry.createdAt }, false);
      if (missing.length > 0) {
        // Missing edits went on top of newer ones; replay every dirty key in seq order.
        this.#overlay.rebase(this.db.prepare('SELECT entity, id FROM base_rows').all() as RowKey[]);
      }
      this.ensureTierMonth();
      this.#flushReplayProblems();
      return { replayed: missing.length, dropped: stale.length };
    })();
  }

  /**
   * Tiers come from the plan of the current Lima month: when the month
   * turns, every customer's tier (and its tickets' rank) is recomputed.
   * Returns whether any ticket changed. Cheap when the month is unchanged.
   */
  ensureTierMonth(): boolean {
    const month = limaMonthOf(this.#now());
    if (this.#syncState().tier_month === month) return false;
    return this.db.transaction(() => {
      const changed = refreshTiers(this.#sql, month, 'all');
      this.#sql.get('UPDATE sync_state SET tier_month = ? WHERE id = 1').run(month);
      return changed;
    })();
  }

  #flushReplayProblems(): void {
    for (const problem of this.#overlay.replayProblems.splice(0)) this.#logger.warn(problem);
  }
}

/** What a batch of pages did, as one: counts add up, the last page says where the pull stands. */
function combineApplied(pages: readonly AppliedPage[]): AppliedPage {
  const last = pages[pages.length - 1] as AppliedPage;
  const changed = new Set(pages.flatMap((p) => p.changed));
  return {
    applied: pages.reduce((sum, p) => sum + p.applied, 0),
    hasMore: last.hasMore,
    remaining: last.remaining,
    initialLoad: pages.some((p) => p.initialLoad),
    stage: last.stage,
    coreReady: pages.some((p) => p.coreReady),
    changed: [...changed],
  };
}
