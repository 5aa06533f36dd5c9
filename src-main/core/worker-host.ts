/**
 * Runs the desk core in a worker thread and talks to it for the Electron main
 * process and the browser bridge, so neither host's event loop ever waits on
 * the cache or the sync engine.
 *
 * If the worker dies, every call in flight resolves to CORE_UNAVAILABLE (none
 * hangs), subscribers get a sync.status "error" event, and the worker is
 * restarted with exponential backoff. Restarts are bounded: a core that keeps
 * dying is left down and says so, instead of spinning forever. After a
 * successful restart the host pushes the core's real sync.status so the UI
 * drops the error.
 */
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../src-shared/result.ts';
import { isDeskEventName, type DeskCallName, type DeskEventName } from '../../src-shared/ipc/names.ts';
import type { SyncStatus } from '../../src-shared/ipc/desk-api.ts';
import { createStderrLogger } from './log.ts';
import { memoryTokenStore, type TokenStore } from './sync/token-store.ts';
import { WorkerToHostSchema, type HostToWorker, type TokenOp, type WorkerInit, type WorkerSyncTuning } from './worker-messages.ts';

export interface DeskCoreHandle {
  call(name: DeskCallName, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: DeskEventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export interface DeskCoreWorkerOptions {
  readonly workerPath: string | URL;
  readonly dataDir: string;
  readonly mode: 'electron' | 'web';
  readonly appVersion: string;
  /** The default server of record for a desk without a session; null/absent = calendar-only until the user names one. */
  readonly serverUrl?: string | null;
  /**
   * Where the session token is kept. The worker asks the host for it (in
   * Electron only the main process can reach safeStorage). Default: memory
   * in the host, which outlives worker restarts but not the process.
   */
  readonly tokens?: TokenStore;
  readonly syncTuning?: WorkerSyncTuning;
}

/** At most this many restarts inside RESTART_WINDOW_MS; one more crash and the core stays down. */
export const MAX_RESTARTS_PER_WINDOW = 4;
export const RESTART_WINDOW_MS = 60_000;
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 5_000;
/** How long close() lets the core finish in-flight work before terminating the thread. */
const CLOSE_GRACE_MS = 5_000;

const RESTARTING_MESSAGE = 'El núcleo del escritorio se detuvo y se está reiniciando. Vuelva a intentarlo en unos segundos.';
const GAVE_UP_MESSAGE = 'El núcleo del escritorio se detuvo varias veces y no se reiniciará. Cierre Ayni y vuelva a abrirlo.';
const CLOSED_MESSAGE = 'El núcleo del escritorio está cerrado.';

type HostState = 'running' | 'restarting' | 'failed' | 'closing' | 'closed';

export function startDeskCoreWorker(options: DeskCoreWorkerOptions): DeskCoreHandle {
  const log = createStderrLogger('core-host');
  const init: WorkerInit = {
    dataDir: options.dataDir,
    mode: options.mode,
    appVersion: options.appVersion,
    serverUrl: options.serverUrl ?? null,
    ...(options.syncTuning === undefined ? {} : { syncTuning: options.syncTuning }),
  };
  const tokens = options.tokens ?? memoryTokenStore();
  const listeners = new Set<(event: DeskEventName, payload: unknown) => void>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const crashTimes: number[] = [];
  let nextId = 1;
  let state: HostState = 'running';
  let worker: Worker | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let closing: Promise<void> | null = null;
  let resolveExit: (() => void) | null = null;
  // The last status the core reported, so an error event keeps its pendingEdits and lastSyncAt.
  let lastSyncStatus: SyncStatus = { state: 'signedOut', pendingEdits: 0, lastSyncAt: null };

  function emit(event: DeskEventName, payload: unknown): void {
    if (event === 'sync.status') rememberSyncStatus(payload);
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log.error(`a listener of ${event} threw`, error);
      }
    }
  }

  function rememberSyncStatus(payload: unknown): void {
    if (typeof payload !== 'object' || payload === null) return;
    const { pendingEdits, lastSyncAt } = payload as Partial<SyncStatus>;
    if (typeof pendingEdits === 'number' && (typeof lastSyncAt === 'string' || lastSyncAt === null)) {
      lastSyncStatus = { state: lastSyncStatus.state, pendingEdits, lastSyncAt };
    }
  }

  function emitCoreDown(message: string): void {
    emit('sync.status', { state: 'error', pendingEdits: lastSyncStatus.pendingEdits, lastSyncAt: lastSyncStatus.lastSyncAt, message } satisfies SyncStatus);
  }

  function failPending(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(fail('CORE_UNAVAILABLE', message));
  }

  /** Answers a worker's token request; a store that fails is logged and answered with null (the worker never waits forever). */
  async function answerToken(w: Worker, id: number, op: TokenOp, token: string | undefined): Promise<void> {
    let answer: string | null = null;
    try {
      if (op === 'load') answer = await tokens.load();
      else if (op === 'save') await tokens.save(token ?? '');
      else await tokens.clear();
    } catch (error) {
      log.error(`the session token store failed to ${op}`, error);
    }
    if (worker === w) w.postMessage({ type: 'tokenResult', id, token: answer } satisfies HostToWorker);
  }

  function spawn(afterCrash: boolean): void {
    const w = new Worker(options.workerPath, { workerData: init });
    worker = w;
    w.on('message', (raw: unknown) => {
      const parsed = WorkerToHostSchema.safeParse(raw);
      if (!parsed.success) {
        log.error(`unexpected message from the desk core worker: ${parsed.error.message}`);
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'ready':
          if (afterCrash) void announceRecovery();
          return;
        case 'result': {
          const resolve = pending.get(message.id);
          if (resolve === undefined) {
            log.warn(`result for unknown call ${message.id} ignored`);
            return;
          }
          pending.delete(message.id);
          resolve(message.result as Result<unknown>);
          return;
        }
        case 'event':
          if (isDeskEventName(message.event)) emit(message.event, message.payload);
          else log.warn(`unknown event ${JSON.stringify(message.event)} from the desk core ignored`);
          return;
        case 'token':
          void answerToken(w, message.id, message.op, message.token);
          return;
        case 'closed':
          return;
      }
    });
    w.on('messageerror', (error) => log.error('a message from the desk core worker could not be read', error));
    w.on('error', (error) => log.error('the desk core worker crashed', error));
    w.on('exit', (code) => {
      if (worker !== w) return;
      worker = null;
      if (state === 'closing') {
        failPending(CLOSED_MESSAGE);
        resolveExit?.();
        return;
      }
      log.error(`the desk core worker exited with code ${code}`);
      failPending(RESTARTING_MESSAGE);
      scheduleRestart();
    });
  }

  function scheduleRestart(): void {
    const now = Date.now();
    crashTimes.push(now);
    while (crashTimes.length > 0 && (crashTimes[0] ?? now) <= now - RESTART_WINDOW_MS) crashTimes.shift();
    if (crashTimes.length > MAX_RESTARTS_PER_WINDOW) {
      state = 'failed';
      log.error(`the desk core worker died ${crashTimes.length} times within ${RESTART_WINDOW_MS / 1000} s; not restarting it again`);
      emitCoreDown(GAVE_UP_MESSAGE);
      return;
    }
    state = 'restarting';
    emitCoreDown(RESTARTING_MESSAGE);
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (crashTimes.length - 1));
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (state !== 'restarting') return;
      state = 'running';
      try {
        spawn(true);
      } catch (error) {
        // new Worker() throws synchronously only for a bad path or options; retrying the same thing cannot help.
        log.error('could not restart the desk core worker', error);
        state = 'failed';
        emitCoreDown(GAVE_UP_MESSAGE);
      }
    }, delay);
  }

  /** Tells subscribers the core is back, with its real status, so the error banner goes away. */
  async function announceRecovery(): Promise<void> {
    const status = await call('sync.status', {});
    if (status.ok) emit('sync.status', status.value);
    else log.warn(`the restarted desk core could not report its status: ${status.error.code}`);
  }

  function call(name: DeskCallName, input: unknown): Promise<Result<unknown>> {
    if (state === 'closing' || state === 'closed') return Promise.resolve(fail('CORE_UNAVAILABLE', CLOSED_MESSAGE));
    if (state === 'failed') return Promise.resolve(fail('CORE_UNAVAILABLE', GAVE_UP_MESSAGE));
    const current = worker;
    if (state === 'restarting' || current === null) return Promise.resolve(fail('CORE_UNAVAILABLE', RESTARTING_MESSAGE));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      const message: HostToWorker = { type: 'call', id, name, input };
      try {
        current.postMessage(message);
      } catch (error) {
        // Input that structured clone cannot copy never reaches the core; the caller learns it was not valid.
        pending.delete(id);
        resolve(fail('VALIDATION', `Datos no válidos para ${name}: no se pueden enviar al núcleo del escritorio.`));
        log.warn(`could not send ${name} to the desk core worker`, error);
      }
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      const previous = state;
      state = 'closing';
      if (restartTimer !== null) clearTimeout(restartTimer);
      restartTimer = null;
      const w = worker;
      if (w !== null && previous === 'running') {
        const exited = new Promise<void>((resolve) => {
          resolveExit = resolve;
        });
        w.postMessage({ type: 'close' } satisfies HostToWorker);
        const grace = setTimeout(() => {
          log.warn(`the desk core did not close within ${CLOSE_GRACE_MS / 1000} s; terminating its thread`);
          void w.terminate();
        }, CLOSE_GRACE_MS);
        await exited;
        clearTimeout(grace);
      }
      failPending(CLOSED_MESSAGE);
      listeners.clear();
      state = 'closed';
    })();
    return closing;
  }

  spawn(false);

  return {
    call,
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close,
  };
}
