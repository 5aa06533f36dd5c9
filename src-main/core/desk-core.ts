/**
 * The desk core: answers DeskApi calls and pushes DeskApi events. It runs in a
 * worker thread (worker.ts) under Electron and under the browser bridge, so
 * it never imports Electron and never blocks its host's event loop.
 *
 * handle() is the one entry point and it never throws: unknown names, bad
 * input and unexpected exceptions all come back as `{ok:false, error}`.
 *
 * It opens the SQLite cache in the data directory and runs the sync engine
 * for the session (handlers/session-controller.ts). A cache that cannot be
 * opened does not stop the desk: the calendar, districts and settings keep
 * working and the other calls answer why.
 */
import { fail, type Result } from '../../src-shared/result.ts';
import { deskCalls, deskEvents, parseDeskInput, type DeskCallName, type DeskEventName } from '../../src-shared/ipc/desk-api.ts';
import { isDeskCallName } from '../../src-shared/ipc/names.ts';
import { openCache } from './cache/open.ts';
import { createStderrLogger, type CoreLogger } from './log.ts';
import type { FetchLike } from './sync/http.ts';
import { memoryTokenStore, type TokenStore } from './sync/token-store.ts';
import { createAppModule } from './handlers/app.ts';
import type { CacheAccess } from './handlers/cache-access.ts';
import { createCalendarModule } from './handlers/calendar.ts';
import { createCalendarSource } from './handlers/calendar-source.ts';
import { createDirectoryModule } from './handlers/directory.ts';
import { createDistrictsModule } from './handlers/districts.ts';
import { createEditsModule } from './handlers/edits.ts';
import { createQueueModule } from './handlers/queue.ts';
import { SessionController, type SyncTuning } from './handlers/session-controller.ts';
import { createSessionModule } from './handlers/session.ts';
import { createSettingsModule } from './handlers/settings.ts';
import { createTicketModule } from './handlers/ticket.ts';
import { createViewsModule } from './handlers/views.ts';
import type { CoreContext, DomainModule, HandlerMap } from './handlers/types.ts';

export interface DeskCoreOptions {
  readonly dataDir: string;
  readonly mode: 'electron' | 'web';
  readonly appVersion: string;
  /**
   * Check every result against its output schema. On by default outside
   * production builds so that a handler drifting from the contract fails
   * loudly in tests instead of confusing the renderer.
   */
  readonly validateOutputs?: boolean;
  readonly log?: CoreLogger;
  /**
   * The server of record to sign in to when the desk has no session yet
   * (e.g. the embedded one `npm start` runs). A desk with a session keeps
   * using its session's server. Absent/null: calendar-only until the user
   * names a server at login.
   */
  readonly serverUrl?: string | null;
  /** Where the session token persists; memory (sign in again next start) by default. */
  readonly tokens?: TokenStore;
  readonly fetch?: FetchLike;
  /** The clock of queues and SLA timers; the real one by default. */
  readonly now?: () => Date;
  readonly syncTuning?: SyncTuning;
}

export type DeskCoreEventListener = (event: DeskEventName, payload: unknown) => void;

export interface DeskCore {
  handle(name: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: DeskCoreEventListener): () => void;
  close(): Promise<void>;
}

export const INTERNAL_ERROR_MESSAGE = 'Error interno del escritorio. Vuelva a intentarlo; si se repite, reinicie Ayni.';

type AnyHandler = (input: unknown) => Promise<Result<unknown>>;

export function createDeskCore(options: DeskCoreOptions): DeskCore {
  const log = options.log ?? createStderrLogger('core');
  const validateOutputs = options.validateOutputs ?? process.env.NODE_ENV !== 'production';
  const listeners = new Set<DeskCoreEventListener>();
  let closed: Promise<void> | null = null;

  const ctx: CoreContext = {
    dataDir: options.dataDir,
    mode: options.mode,
    appVersion: options.appVersion,
    log,
    emit(event, payload) {
      if (validateOutputs) {
        const checked = deskEvents[event].safeParse(payload);
        if (!checked.success) {
          log.error(`refusing to emit ${event}: payload does not match its schema: ${checked.error.message}`);
          return;
        }
      }
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (error) {
          // One broken subscriber must not keep the event from the others.
          log.error(`a listener of ${event} threw`, error);
        }
      }
    },
  };

  const now = options.now ?? (() => new Date());
  const opened = openCache({ dir: options.dataDir, now, logger: log });
  const cache: CacheAccess = opened.ok ? { ok: true, store: opened.value } : { ok: false, error: opened.error };
  if (cache.ok && cache.store.recovery !== null) log.warn(`the local cache was rebuilt (${cache.store.recovery.reason}); it downloads again at the next sync`);
  const defaultServerUrl = options.serverUrl ?? null;
  const session = cache.ok
    ? new SessionController({
        cache: cache.store,
        defaultServerUrl,
        tokens: options.tokens ?? memoryTokenStore(),
        fetch: options.fetch ?? ((input, init) => fetch(input, init)),
        log,
        emit: ctx.emit,
        ...(options.syncTuning === undefined ? {} : { tuning: options.syncTuning }),
      })
    : null;
  const calendar = createCalendarSource({ dataDir: options.dataDir, cache, log });

  const modules = [
    createAppModule(ctx),
    createSettingsModule(ctx),
    createCalendarModule(calendar),
    createDistrictsModule(),
    createSessionModule(cache, session, defaultServerUrl),
    createQueueModule({ cache, calendar, now }),
    createViewsModule({ dataDir: options.dataDir, log }),
    createTicketModule({ cache, calendar, now }),
    createEditsModule(cache, session),
    createDirectoryModule(cache),
  ] as const;
  // Spreading the modules into one map typed with every DeskCallName makes a call without a handler a compile error.
  const handlers: HandlerMap<DeskCallName> = Object.assign({}, ...modules.map((m) => m.handlers)) as MergedHandlers<typeof modules>;

  async function dispatch(name: DeskCallName, input: unknown): Promise<Result<unknown>> {
    const parsed = parseDeskInput(name, input);
    if (!parsed.ok) return parsed;
    const handler = handlers[name] as AnyHandler;
    const result = await handler(parsed.value);
    if (validateOutputs && result.ok) {
      const checked = deskCalls[name].output.safeParse(result.value);
      if (!checked.success) {
        log.error(`${name} returned a value that does not match its output schema: ${checked.error.message}`);
        return fail('INTERNAL', INTERNAL_ERROR_MESSAGE);
      }
    }
    return result;
  }

  return {
    async handle(name, input) {
      if (closed !== null) return fail('CORE_UNAVAILABLE', 'El núcleo del escritorio se está cerrando.');
      if (!isDeskCallName(name)) return fail('UNKNOWN_CALL', `Llamada desconocida: ${JSON.stringify(name)}.`);
      try {
        return await dispatch(name, input);
      } catch (error) {
        log.error(`${name} failed unexpectedly`, error);
        return fail('INTERNAL', INTERNAL_ERROR_MESSAGE);
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed ??= (async () => {
        const results = await Promise.allSettled(modules.map((m: AnyModule) => m.close?.()));
        for (const r of results) if (r.status === 'rejected') log.error('a module failed to close', r.reason);
        // Last: the sync engine (closed with its module above) may still have been writing to it.
        if (cache.ok) cache.store.close();
        listeners.clear();
      })();
      return closed;
    },
  };
}

/** The intersection of the modules' handler maps: what Object.assign really builds. */
type AnyModule = Pick<DomainModule<never>, 'close'> & { readonly handlers: object };
type MergedHandlers<M extends readonly AnyModule[]> = UnionToIntersection<M[number]['handlers']>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
