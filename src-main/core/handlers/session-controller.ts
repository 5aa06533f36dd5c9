/**
 * Who is signed in to which server, and the sync engine that works for that
 * session. One engine at a time, for one server URL: signing in to another
 * server builds a new engine and retires the old one only once the new
 * login succeeded, so a typo in the URL never costs the working session.
 *
 * It also turns the engine's callbacks into DeskApi events: sync.status,
 * rows.changed, session.changed (login, logout, and a session the server
 * ended), attention.changed (the Needs-attention count moved) and
 * ticket.assigned (see assignment-watch.ts).
 *
 * Logins, logouts and shutdown run one at a time, in order.
 */
import type { Session } from '../../../src-shared/ipc/work-calls.ts';
import type { SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import { fail, ok, type Result } from '../../../src-shared/result.ts';
import type { LocalEditSaved, CacheStore } from '../cache/store.ts';
import type { CoreLogger } from '../log.ts';
import { SyncEngine, type SyncEngineOptions, type SyncState } from '../sync/engine.ts';
import type { FetchLike } from '../sync/http.ts';
import { syncMessages } from '../sync/messages.ts';
import type { TokenStore } from '../sync/token-store.ts';
import { AssignmentWatch } from './assignment-watch.ts';
import type { CoreContext } from './types.ts';

/** Engine knobs the host may tune (tests and the e2e fixture shorten the backoff). */
export type SyncTuning = Pick<SyncEngineOptions, 'pollIntervalMs' | 'backoff' | 'requestTimeoutMs' | 'serverEvents' | 'pageLimit' | 'scheduler' | 'random'>;

export interface SessionControllerDeps {
  readonly cache: CacheStore;
  /** The server to use when the desk has no session yet (e.g. the embedded one); null in calendar-only mode. */
  readonly defaultServerUrl: string | null;
  readonly tokens: TokenStore;
  readonly fetch: FetchLike;
  readonly log: CoreLogger;
  readonly emit: CoreContext['emit'];
  readonly tuning?: SyncTuning;
}

export const NO_SERVER_MESSAGE = 'No hay un servidor configurado. Indique la dirección del servidor para iniciar sesión; mientras tanto el calendario funciona sin conexión.';

function normaliseServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export class SessionController {
  readonly #deps: SessionControllerDeps;
  readonly #watch: AssignmentWatch;
  #engine: SyncEngine | null = null;
  #serverUrl: string | null = null;
  #detach: (() => void) | null = null;
  readonly #ready: Promise<void>;
  #queue: Promise<unknown> = Promise.resolve();
  /** True while our own logout runs, so the signedOut it causes is not taken for an expired session. */
  #loggingOut = false;
  /** The server ended the session (401); cleared by the next login or logout. */
  #expired = false;
  #lastState: SyncState | null = null;
  #lastAttention: number;

  constructor(deps: SessionControllerDeps) {
    this.#deps = deps;
    const info = deps.cache.syncInfo();
    this.#lastAttention = info.needsAttention;
    this.#watch = new AssignmentWatch(deps.cache);
    if (info.user !== null) this.#watch.reset(info.user.id, this.#hasSynced());
    // A desk that has a session keeps talking to that session's server; the default is for first logins.
    const url = info.user !== null && info.serverUrl !== null ? info.serverUrl : deps.defaultServerUrl;
    this.#ready = url === null ? Promise.resolve() : this.#install(this.#create(normaliseServerUrl(url)), normaliseServerUrl(url));
  }

  // ---- Reading ------------------------------------------------------------------

  /** Resolves once the engine has loaded any stored token (before that, "signed in" is unknown). */
  ready(): Promise<void> {
    return this.#ready;
  }

  status(): SyncStatus {
    if (this.#engine !== null) return this.#engine.status();
    const info = this.#deps.cache.syncInfo();
    return { state: 'signedOut', pendingEdits: info.pendingEdits, lastSyncAt: info.lastSyncAt, message: NO_SERVER_MESSAGE };
  }

  session(): Session {
    const signedIn = this.#engine !== null && this.#engine.status().state !== 'signedOut';
    const user = signedIn ? this.#deps.cache.syncInfo().user : null;
    return {
      signedIn,
      user,
      serverUrl: this.#serverUrl ?? this.#deps.defaultServerUrl,
      ...(this.#expired && !signedIn ? { reason: syncMessages.sessionExpired } : {}),
    };
  }

  // ---- Session ----------------------------------------------------------------------

  login(input: { serverUrl?: string | undefined; email: string; password: string }): Promise<Result<Session>> {
    return this.#serial(async () => {
      await this.#ready;
      const requested = input.serverUrl ?? this.#serverUrl ?? this.#deps.defaultServerUrl;
      if (requested === null) return fail('NO_SERVER', NO_SERVER_MESSAGE);
      if (!/^https?:\/\//i.test(requested.trim())) return fail('VALIDATION', 'La dirección del servidor debe empezar con http:// o https://.');
      const url = normaliseServerUrl(requested);
      const switching = this.#engine === null || url !== this.#serverUrl;
      const engine = switching ? this.#create(url) : this.#engine;
      if (engine === null) return fail('NO_SERVER', NO_SERVER_MESSAGE);
      const previousUser = this.#deps.cache.syncInfo().user?.id ?? null;
      const result = await engine.login(input.email, input.password);
      if (!result.ok) return result;
      this.#expired = false;
      this.#watch.reset(result.value.id, this.#hasSynced());
      if (switching) {
        await this.#retire();
        await this.#install(engine, url);
      }
      // The cache may have been emptied for another server, and "mine" may mean someone else now.
      if (switching || previousUser !== result.value.id) this.#deps.emit('rows.changed', { entities: ['*'] });
      const session = this.session();
      this.#deps.emit('session.changed', session);
      return ok(session);
    });
  }

  /** Forgets the token; queued edits stay on this desk for the next login of the same user. */
  logout(): Promise<Result<{ pendingEdits: number }>> {
    return this.#serial(async () => {
      await this.#ready;
      this.#loggingOut = true;
      try {
        await this.#engine?.logout();
      } finally {
        this.#loggingOut = false;
      }
      this.#expired = false;
      this.#deps.emit('session.changed', this.session());
      return ok({ pendingEdits: this.#deps.cache.syncInfo().pendingEdits });
    });
  }

  /** Starts a cycle now when signed in; false when there is no session to sync. */
  syncNow(): boolean {
    const engine = this.#engine;
    if (engine === null || engine.status().state === 'signedOut') return false;
    void engine.syncNow().then((result) => {
      // The engine already reported the failure through sync.status; this keeps it in the log too.
      if (!result.ok) this.#deps.log.warn(`sync.now: ${result.error.code}`);
    });
    return true;
  }

  // ---- Edits ---------------------------------------------------------------------------

  /** The signed-in user's id (null before any login). */
  me(): string | null {
    return this.#deps.cache.syncInfo().user?.id ?? null;
  }

  /** Saves an edit (rows + outbox in one transaction), then announces it and kicks the push. */
  edit(name: string, args: unknown, expectAssignedToMe?: string): Result<LocalEditSaved> {
    if (expectAssignedToMe !== undefined) this.#watch.expect(expectAssignedToMe);
    const engine = this.#engine;
    const result = engine !== null ? engine.edit(name, args) : this.#withoutEngine(this.#deps.cache.applyLocalEdit(name, args));
    this.#checkAttention();
    return result;
  }

  retryNeedsAttention(id: number, correctedArgs?: unknown): Result<LocalEditSaved> {
    const engine = this.#engine;
    const result = engine !== null ? engine.retryNeedsAttention(id, correctedArgs) : this.#withoutEngine(this.#deps.cache.retryNeedsAttention(id, correctedArgs));
    this.#checkAttention();
    return result;
  }

  discardNeedsAttention(id: number): Result<void> {
    const result = this.#engine !== null ? this.#engine.discardNeedsAttention(id) : this.#deps.cache.discardNeedsAttention(id);
    this.#checkAttention();
    return result;
  }

  /** Without a server the edit still lands in the cache and the outbox; only the events are ours to send. */
  #withoutEngine(result: Result<LocalEditSaved>): Result<LocalEditSaved> {
    if (result.ok) {
      this.#deps.emit('rows.changed', { entities: [...result.value.changed] });
      this.#deps.emit('sync.status', this.status());
    }
    return result;
  }

  // ---- Lifecycle ------------------------------------------------------------------------

  close(): Promise<void> {
    return this.#serial(async () => {
      await this.#ready;
      await this.#retire();
    });
  }

  #create(url: string): SyncEngine {
    return new SyncEngine({ cache: this.#deps.cache, serverUrl: url, fetch: this.#deps.fetch, tokens: this.#deps.tokens, logger: this.#deps.log, ...this.#deps.tuning });
  }

  async #install(engine: SyncEngine, url: string): Promise<void> {
    const offStatus = engine.onStatus((status) => this.#onStatus(status));
    const offRows = engine.onRowsChanged((payload) => this.#onRows(payload.entities));
    this.#detach = () => {
      offStatus();
      offRows();
    };
    this.#engine = engine;
    this.#serverUrl = url;
    this.#lastState = null;
    await engine.start();
  }

  async #retire(): Promise<void> {
    const engine = this.#engine;
    this.#detach?.();
    this.#detach = null;
    this.#engine = null;
    if (engine !== null) await engine.stop();
  }

  #onStatus(status: SyncStatus): void {
    const previous = this.#lastState;
    this.#lastState = status.state;
    this.#deps.emit('sync.status', status);
    if (status.state === 'signedOut' && previous !== null && previous !== 'signedOut' && !this.#loggingOut) {
      this.#expired = true;
      this.#deps.emit('session.changed', this.session());
    }
    if (status.state === 'online') this.#watch.arm();
    this.#checkAttention();
  }

  #onRows(entities: readonly string[]): void {
    this.#deps.emit('rows.changed', { entities: [...entities] });
    if (entities.includes('ticket') || entities.includes('*')) {
      for (const ticket of this.#watch.check()) this.#deps.emit('ticket.assigned', ticket);
    }
  }

  #checkAttention(): void {
    const count = this.#deps.cache.syncInfo().needsAttention;
    if (count === this.#lastAttention) return;
    this.#lastAttention = count;
    this.#deps.emit('attention.changed', { count });
  }

  #hasSynced(): boolean {
    return this.#deps.cache.pullParams().cursor !== null;
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task);
    // A failed task must not block the ones after it; its caller still sees the rejection.
    this.#queue = next.catch((error: unknown) => this.#deps.log.error('a session task failed', error));
    return next;
  }
}
