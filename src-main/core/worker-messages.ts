/**
 * Messages between the worker host (main thread) and the desk core worker.
 * Both sides are our own code, but the worker is a separate JS realm that can
 * crash or be an older build, so the host still checks what it receives.
 */
import { z } from 'zod';
import type { Result } from '../../src-shared/result.ts';
import type { DeskEventName } from '../../src-shared/ipc/names.ts';

/** Sync engine knobs a host may set (plain data: workerData is structured-cloned). */
export const WorkerSyncTuningSchema = z
  .object({
    pollIntervalMs: z.number().int().min(100).optional(),
    requestTimeoutMs: z.number().int().min(100).optional(),
    backoff: z.object({ baseMs: z.number().int().min(1), maxMs: z.number().int().min(1) }).optional(),
  })
  .strict();
export type WorkerSyncTuning = z.infer<typeof WorkerSyncTuningSchema>;

/** What the worker receives as `workerData`. */
export const WorkerInitSchema = z.object({
  dataDir: z.string().min(1),
  mode: z.enum(['electron', 'web']),
  appVersion: z.string(),
  /** The default server of record (e.g. the embedded one); null = calendar-only until the user names one. */
  serverUrl: z.string().nullable().default(null),
  syncTuning: WorkerSyncTuningSchema.optional(),
});
export type WorkerInit = z.input<typeof WorkerInitSchema>;

/** The session token lives with the host (Electron's safeStorage is not reachable from a worker); the worker asks for it. */
export type TokenOp = 'load' | 'save' | 'clear';

export type HostToWorker =
  | { readonly type: 'call'; readonly id: number; readonly name: string; readonly input: unknown }
  /** The answer to a `token` request: the stored token for `load`, null otherwise (and when the store failed). */
  | { readonly type: 'tokenResult'; readonly id: number; readonly token: string | null }
  /** Finish in-flight work, then end the thread. */
  | { readonly type: 'close' };

export type WorkerToHost =
  /** The core is built and listening. */
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: DeskEventName; readonly payload: unknown }
  | { readonly type: 'token'; readonly id: number; readonly op: TokenOp; readonly token?: string }
  /** The core closed; the thread ends next. */
  | { readonly type: 'closed' };

export const WorkerToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) }),
    ]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('token'), id: z.number().int(), op: z.enum(['load', 'save', 'clear']), token: z.string().optional() }),
  z.object({ type: z.literal('closed') }),
]);
