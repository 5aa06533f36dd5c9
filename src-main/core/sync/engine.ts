/**
 * The sync engine: pushes queued edits and pulls server changes into the
 * cache (DESIGN.md §3). One cycle at a time — push everything queued, then
 * pull until the server has no more — triggered by server pokes (SSE), a
 * fallback poll, every local edit, and on demand. Failures back off
 * exponentially with jitter. A 401 signs the desk out and leaves the queued
 * edits alone; they go out after the next login of the same user.
 */
import type { SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import type { EntityName } from '../../../src-shared/protocol/entities.ts';
import { API_PREFIX, LoginResponseSchema, SCHEMA_VERSION, type PullStage } from '../../../src-shared/protocol/sync.ts';
import { fail, ok, type AppError, type Result } from '../../../src-shared/result.ts';
import { validatePullPage, type ValidPage } from '../cache/pull-page.ts';
import type { AppliedPage, LocalEditSaved, CacheStore } from '../cache/store.ts';
import type { SessionUser } from '../cache/outbox.ts';
import { createStderrLogger, type CoreLogger } from '../log.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { requestJson, type FetchLike, type HttpFailure } from './http.ts';
import { syncMessages } from './messages.ts';
import { realScheduler, type Scheduler, type TimerHandle } from './scheduler.ts';
import { EventStream } from './event-stream.ts';
import type { TokenStore } from './token-store.ts';

export interface SyncEngineOptions {
  readonly cache: CacheStore;
  /** Origin of the server of record, e.g. `http://127.0.0.1:4100` (the engine adds /api/v1). */
  readonly serverUrl: string;
  readonly fetch: FetchLike;
  readonly tokens: TokenStore;
  readonly scheduler?: Scheduler;
  readonly random?: () => number;
  readonly logger?: CoreLogger;
  /** Fallback poll when no poke arrives (ms). */
  readonly pollIntervalMs?: number;
  readonly pageLimit?: number;
  /** Page size during an initial load (default 1,000; or pageLimit when only that is given, as small-page tests want). */
  readonly initialPageLimit?: number;
  readonly pushBatchSize?: number;
  readonly maxResponseBytes?: number;
  readonly requestTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Listen to /sync/events pokes (default true). */
  readonly serverEvents?: boolean;
}

export type SyncState = SyncStatus['state'];

/**
 * Rows per stored batch during each stage of a pull from no cursor (see #pull); ordinary pulls store page by page.
 * Each batch is one synced commit: at scale 100 the core stage took 17.2/16.8 s in 50,000-row batches against
 * 18.1/17.6 s in 20,000-row ones (bench/desk-sync, PostgreSQL, back to back). The server reads as far ahead.
 */
const BATCH_ROWS: Record<PullStage | 'changes', number> = { core: 50_000, history: 10_000, changes: 0 };
/**
 * Page size during an initial load unless configured. Larger pages were
 * measured (scale 100, PostgreSQL): 10,000-row pages made the core stage
 * slower (40.7 s against 30.6 s with 1,000), the desk spending more time per
 * row on the larger bodies (JSON, validation, garbage collection) than the
 * server's head start saved; batching consecutive pages (BATCH_ROWS) is what
 * pays.
 */
const INITIAL_PAGE_LIMIT = 1_000;

function stageOf(body: unknown): PullStage | undefined {
  const stage = typeof body === 'object' && body !== null ? (body as { stage?: unknown }).stage : undefined;
  return stage === 'core' || stage === 'history' ? stage : undefined;
}

/** The cursor to continue from when a raw (not yet validated) page says there is more; null otherwise. */
function continuationOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { hasMore, cursor } = body as { hasMore?: unknown; cursor?: unknown };
  return hasMore === true && typeof cursor === 'string' && cursor.length > 0 && cursor.length <= 200 ? cursor : null;
}
type Listener<T> = (payload: T) => void;

export class SyncEngine {
  readonly #cache: CacheStore;
  readonly #serverUrl: string;
  readonly #base: string;
  readonly #fetch: FetchLike;
  readonly #tokens: TokenStore;
  readonly #scheduler: Scheduler;
  readonly #random: () => number;
  readonly #logger: CoreLogger;
  readonly #pollMs: number;
  readonly #pageLimit: number;
  readonly #initialPageLimit: number;
  readonly #pushBatch: number;
  readonly #maxBytes: number;
  readonly #timeoutMs: number;
  readonly #backoff: BackoffPolicy;
  readonly #events: EventStream | null;
  readonly #statusListeners = new Set<Listener<SyncStatus>>();
  readonly #rowsListeners = new Set<Listener<{ entities: string[] }>>();

  #token: string | null = null;
  #running = false;
  #abort = new AbortController();
  #state: SyncState = 'idle';
  #message: string | undefined;
  #progress: SyncStatus['progress'];
  #cycle: Promise<Result<void>> | null = null;
  #again = false;
  #failures = 0;
  #retryTimer: TimerHandle | null = null;
  #retryWanted = false;
  #pollTimer: TimerHandle | null = null;

  constructor(options: SyncEngineOptions) {
    this.#cache = options.cache;
    this.#serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.#base = `${this.#serverUrl}${API_PREFIX}`;
    this.#fetch = options.fetch;
    this.#tokens = options.tokens;
    this.#scheduler = options.scheduler ?? realScheduler();
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger ?? createStderrLogger('sync');
    this.#pollMs = options.pollIntervalMs ?? 30_000;
    this.#pageLimit = options.pageLimit ?? 1_000;
    this.#initialPageLimit = options.initialPageLimit ?? options.pageLimit ?? INITIAL_PAGE_LIMIT;
    this.#pushBatch = Math.min(options.pushBatchSize ?? 100, 500);
    this.#maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
    this.#timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#events =
      options.serverEvents === false
        ? null
        : new EventStream({
            url: `${this.#base}/sync/events`,
            fetch: options.fetch,
            scheduler: this.#scheduler,
            backoff: this.#backoff,
            random: this.#random,
            token: () => this.#token,
            onPoke: () => this.requestSync(),
            onConnected: () => this.requestSync(),
            onUnauthorized: () => void this.#signOut(syncMessages.sessionExpired),
            logger: this.#logger,
          });
  }

  // ---- Lifecycle ----------------------------------------------------------------

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#abort = new AbortController();
    this.#token = await this.#tokens.load();
    if (this.#token === null) {
      this.#setState('signedOut', syncMessages.noSession);
      return;
    }
    this.#online();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#abort.abort();
    this.#events?.stop();
    this.#clearTimer('retry');
    this.#clearTimer('poll');
    await this.#cycle;
  }

  /** Signs in; refuses (without storing the token) when queued edits belong to another user or server. */
  async login(email: string, password: string): Promise<Result<SessionUser>> {
    const response = await requestJson({ fetch: this.#fetch, url: `${this.#base}/auth/login`, method: 'POST', body: { email, password }, maxBytes: 1024 * 1024, timeoutMs: this.#timeoutMs });
    if (!response.ok) {
      const f = response.failure;
      if (f.kind === 'unauthorized') return fail('INVALID_CREDENTIALS', syncMessages.invalidCredentials);
      if (f.kind === 'network') return fail('OFFLINE', syncMessages.loginOffline);
      return fail(f.code, syncMessages.loginFailed(f.message));
    }
    const parsed = LoginResponseSchema.safeParse(response.body);
    if (!parsed.success) return fail('SYNC_MALFORMED_RESPONSE', syncMessages.loginMalformed);
    const session = this.#cache.beginSession(this.#serverUrl, parsed.data.user);
    if (!session.ok) return session;
    await this.#tokens.save(parsed.data.token);
    this.#token = parsed.data.token;
    if (session.value.cacheCleared) this.#emitRows(['*']);
    if (this.#running) this.#online();
    return ok(parsed.data.user);
  }

  /** Ends the session on the server (when reachable) and forgets the token; queued edits stay for the next login. */
  async logout(): Promise<void> {
    if (this.#token !== null) {
      const response = await requestJson({ fetch: this.#fetch, url: `${this.#base}/auth/logout`, method: 'POST', token: this.#token, maxBytes: 64 * 1024, timeoutMs: this.#timeoutMs });
      // The token is forgotten either way; an unreachable server just keeps the session until it expires.
      if (!response.ok) this.#logger.warn(`No se pudo cerrar la sesión en el servidor (${response.failure.kind}); se olvida localmente.`);
    }
    await this.#signOut(syncMessages.noSession);
  }

  // ---- Edits ----------------------------------------------------------------------

  /** Saves an edit locally (see CacheStore.applyLocalEdit), announces it and pushes it. */
  edit(name: string, args: unknown): Result<LocalEditSaved> {
    return this.#afterEdit(this.#cache.applyLocalEdit(name, args));
  }

  retryNeedsAttention(id: number, correctedArgs?: unknown): Result<LocalEditSaved> {
    return this.#afterEdit(this.#cache.retryNeedsAttention(id, correctedArgs));
  }

  discardNeedsAttention(id: number): Result<void> {
    const result = this.#cache.discardNeedsAttention(id);
    if (result.ok) this.#emitStatus();
    return result;
  }

  #afterEdit(result: Result<LocalEditSaved>): Result<LocalEditSaved> {
    if (result.ok) {
      this.#emitRows(result.value.changed);
      this.#emitStatus();
      this.requestSync();
    }
    return result;
  }

  // ---- Status and events ----------------------------------------------------------

  status(): SyncStatus {
    const info = this.#cache.syncInfo();
    return {
      state: this.#state,
      pendingEdits: info.pendingEdits,
      lastSyncAt: info.lastSyncAt,
      ...(this.#message === undefined ? {} : { message: this.#message }),
      ...(this.#progress === undefined ? {} : { progress: this.#progress }),
    };
  }

  onStatus(listener: Listener<SyncStatus>): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** `{entities}` after each applied page or local change; `['*']` when the whole cache was replaced. */
  onRowsChanged(listener: Listener<{ entities: string[] }>): () => void {
    this.#rowsListeners.add(listener);
    return () => this.#rowsListeners.delete(listener);
  }

  // ---- Cycles -----------------------------------------------------------------------

  /** Asks for a cycle soon (when started); coalesces with one already running. */
  requestSync(): void {
    if (this.#running) void this.syncNow();
  }

  /** Runs a cycle (or waits for the running one and then runs another) and reports how it went. */
  syncNow(): Promise<Result<void>> {
    if (this.#token === null) return Promise.resolve(fail('SIGNED_OUT', syncMessages.noSession));
    if (this.#cycle !== null) {
      // The running loop goes round once more before it settles.
      this.#again = true;
      return this.#cycle;
    }
    const cycle = this.#runCycles();
    this.#cycle = cycle;
    return cycle;
  }

  async #runCycles(): Promise<Result<void>> {
    let result: Result<void>;
    this.#retryWanted = false;
    try {
      do {
        this.#again = false;
        result = await this.#cycleOnce();
      } while (this.#again && result.ok && this.#token !== null);
    } finally {
      this.#cycle = null;
    }
    // Scheduled only once the cycle is over, so a retry can never fire into
    // the cycle that failed (and be swallowed by it). Requests that arrived
    // during a failed cycle are covered by this retry.
    if (this.#retryWanted && this.#running) {
      this.#clearTimer('retry');
      this.#retryTimer = this.#scheduler.setTimeout(() => this.requestSync(), backoffDelay(this.#failures, this.#backoff, this.#random));
      this.#failures += 1;
    }
    return result;
  }

  async #cycleOnce(): Promise<Result<void>> {
    this.#clearTimer('retry');
    this.#setState('syncing');
    if (this.#cache.ensureTierMonth()) this.#emitRows(['ticket']);
    const pushed = await this.#push();
    if (!pushed.ok) return pushed;
    const pulled = await this.#pull();
    if (!pulled.ok) return pulled;
    this.#failures = 0;
    this.#progress = undefined;
    this.#setState('online');
    this.#schedulePoll();
    return ok(undefined);
  }

  async #push(): Promise<Result<void>> {
    for (;;) {
      const batch = this.#cache.takePushBatch(this.#pushBatch);
      if (batch === null) return ok(undefined);
      const response = await this.#request('POST', '/sync/push', { clientId: batch.clientId, schemaVersion: SCHEMA_VERSION, mutations: batch.mutations });
      if (!response.ok) return this.#failed(response.failure);
      const outcome = this.#cache.applyPushResponse(batch, response.body);
      if (!outcome.ok) return this.#failedWith(outcome.error);
      if (outcome.value.changed.length > 0) this.#emitRows(outcome.value.changed);
      if (outcome.value.rejected.length > 0) this.#logger.warn(`El servidor rechazó ${outcome.value.rejected.length} cambio(s): ${outcome.value.rejected.map((r) => `#${r.seq} ${r.code}`).join(', ')}`);
      this.#emitStatus();
      if (outcome.value.processed === 0) return this.#failedWith({ code: 'SYNC_PUSH_STALLED', message: syncMessages.pushStalled });
    }
  }

  /**
   * Pulls pages until the server has no more. The next page is requested as
   * soon as a page arrives, before it is stored: the server builds page n+1
   * while the cache writes page n, so a long sync costs about the slower of
   * the two instead of their sum. The early request uses the cursor of the
   * page being stored; it is dropped if that page is not stored.
   *
   * During a pull from no cursor, consecutive pages of a stage are stored
   * together (BATCH_ROWS), each batch with its last cursor in one
   * transaction: fewer, larger commits make an initial load several times
   * faster. A stage never shares a batch with the next, and the first
   * history page is stored at once, so the queues are ready as soon as the
   * core stage is in. Ordinary pulls store every page as it comes.
   */
  async #pull(): Promise<Result<void>> {
    const progress = { done: 0 };
    const { cursor, clientId } = this.#cache.pullParams();
    let current = this.#requestPage(clientId, cursor, cursor === null);
    let batch: ValidPage[] = [];
    let batchRows = 0;
    let batchStage: PullStage | undefined;
    let storedStage: PullStage | undefined;
    const flush = async (): Promise<Result<AppliedPage>> => {
      const stored = await this.#storeBatch(batch, progress);
      if (stored.ok) {
        storedStage = batchStage;
        batch = [];
        batchRows = 0;
      }
      return stored;
    };
    for (;;) {
      const response = await current.response;
      if (!response.ok) return this.#failed(response.failure);
      const nextCursor = continuationOf(response.body);
      const stage = stageOf(response.body);
      const ahead = nextCursor === null ? null : this.#requestPage(clientId, nextCursor, stage !== undefined);
      // A stage never shares a batch with the next one.
      const before = batch.length > 0 && stage !== batchStage ? await flush() : null;
      if (before !== null && !before.ok) {
        ahead?.cancel();
        return before;
      }
      // Validated on arrival, while the server builds the next page, not when the batch is stored.
      const valid = validatePullPage(response.body, Math.max(this.#pageLimit, this.#initialPageLimit));
      if (!valid.ok) {
        ahead?.cancel();
        return this.#failedWith(valid.error);
      }
      batch.push(valid.value);
      batchRows += valid.value.changes.length;
      batchStage = stage;
      const firstHistory = stage === 'history' && storedStage !== 'history';
      // The bar moves with every page that arrives, not only when a batch is stored.
      // ("history" only once the core is stored: until then the queues are not ready.)
      this.#showProgress(progress.done + batchRows, valid.value, firstHistory ? 'core' : stage);
      if (ahead === null || firstHistory || batchRows >= BATCH_ROWS[stage ?? 'changes']) {
        const stored = await flush();
        if (!stored.ok || !stored.value.hasMore) {
          ahead?.cancel();
          return stored.ok ? ok(undefined) : stored;
        }
      }
      current = ahead ?? this.#requestPage(clientId, this.#cache.pullParams().cursor, stage !== undefined);
    }
  }

  /** Stores pulled pages in one transaction and tells the listeners. */
  async #storeBatch(batch: readonly ValidPage[], progress: { done: number }): Promise<Result<AppliedPage>> {
    // One turn of the event loop lets the early request leave before the (synchronous) write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const applied = this.#cache.applyValidatedPages(batch);
    if (!applied.ok) {
      this.#failedWith(applied.error);
      return applied;
    }
    const page = applied.value;
    progress.done += page.applied;
    if (page.changed.length > 0) this.#emitRows(page.changed);
    if (!page.hasMore) return applied;
    // Once the core part is in, the queues can refresh even though the history is still coming.
    // (The progress itself was announced as each page arrived.)
    if (page.coreReady) {
      if (this.#progress !== undefined) this.#progress = { ...this.#progress, stage: 'history' };
      this.#emitRows(['*']);
      this.#emitStatus();
    }
    return applied;
  }

  /** Rows received so far (stored, or waiting in a batch) of the server's estimate, for the progress bar. */
  #showProgress(done: number, page: ValidPage, stage: PullStage | undefined): void {
    if (!page.hasMore || page.remaining === undefined) return;
    const total = done + page.remaining;
    this.#progress = stage === undefined ? { done, total } : { done, total, stage };
    this.#emitStatus();
  }

  #requestPage(clientId: string, cursor: string | null, initial: boolean): { response: ReturnType<typeof requestJson>; cancel: () => void } {
    const limit = initial ? this.#initialPageLimit : this.#pageLimit;
    const query = new URLSearchParams({ clientId, limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    const own = new AbortController();
    const response = requestJson({
      fetch: this.#fetch,
      url: `${this.#base}/sync/pull?${query.toString()}`,
      method: 'GET',
      token: this.#token,
      maxBytes: this.#maxBytes,
      timeoutMs: this.#timeoutMs,
      signal: AbortSignal.any([this.#abort.signal, own.signal]),
    });
    return { response, cancel: () => own.abort() };
  }

  #request(method: 'GET' | 'POST', path: string, body?: unknown) {
    return requestJson({ fetch: this.#fetch, url: `${this.#base}${path}`, method, token: this.#token, body, maxBytes: this.#maxBytes, timeoutMs: this.#timeoutMs, signal: this.#abort.signal });
  }

  // ---- Failures -------------------------------------------------------------------

  async #failed(failure: HttpFailure): Promise<Result<void>> {
    switch (failure.kind) {
      case 'unauthorized':
        await this.#signOut(syncMessages.sessionExpired);
        return fail('UNAUTHORIZED', syncMessages.sessionExpired);
      case 'network':
        this.#logger.warn(`Sin conexión con el servidor: ${failure.message}`);
        return this.#retryLater('offline', { code: 'OFFLINE', message: syncMessages.offline });
      case 'http':
        this.#logger.warn(`El servidor respondió ${failure.status} ${failure.code}: ${failure.message}`);
        return this.#retryLater('error', { code: failure.code, message: syncMessages.serverError(failure.status) });
      case 'protocol':
        return this.#failedWith({ code: failure.code, message: failure.message });
    }
  }

  #failedWith(error: AppError): Result<void> {
    this.#logger.warn(`Sincronización fallida (${error.code}): ${error.message}`);
    return this.#retryLater('error', error);
  }

  #retryLater(state: 'offline' | 'error', error: AppError): Result<void> {
    this.#progress = undefined;
    this.#retryWanted = true;
    this.#setState(state, error.message);
    return { ok: false, error };
  }

  async #signOut(message: string): Promise<void> {
    this.#token = null;
    this.#events?.stop();
    this.#clearTimer('retry');
    this.#clearTimer('poll');
    this.#progress = undefined;
    await this.#tokens.clear();
    this.#setState('signedOut', message);
  }

  // ---- Helpers ----------------------------------------------------------------------

  #online(): void {
    this.#setState('idle');
    this.#events?.start();
    this.requestSync();
  }

  #schedulePoll(): void {
    this.#clearTimer('poll');
    if (this.#running) this.#pollTimer = this.#scheduler.setTimeout(() => this.requestSync(), this.#pollMs);
  }

  #clearTimer(which: 'retry' | 'poll'): void {
    const timer = which === 'retry' ? this.#retryTimer : this.#pollTimer;
    if (timer !== null) this.#scheduler.clearTimeout(timer);
    if (which === 'retry') this.#retryTimer = null;
    else this.#pollTimer = null;
  }

  #setState(state: SyncState, message?: string): void {
    this.#state = state;
    this.#message = message;
    this.#emitStatus();
  }

  #emitStatus(): void {
    const status = this.status();
    for (const listener of this.#statusListeners) listener(status);
  }

  #emitRows(entities: readonly (EntityName | '*')[]): void {
    const payload = { entities: [...entities] };
    for (const listener of this.#rowsListeners) listener(payload);
  }
}
