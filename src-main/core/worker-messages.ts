/**
 * Messages between the worker host (main thread) and the desk core worker.
 * Both sides are our own code, but the worker is a separate JS realm that can
 * crash or be an older build, so the host still checks what it receives.
 */
import { z } from 'zod';
import type { Result } from '../../src-shared/result.ts';
import type { DeskEventName } from '../../src-shared/ipc/names.ts';

/** What the worker receives as `workerData`. */
export const WorkerInitSchema = z.object({
  dataDir: z.string().min(1),
  mode: z.enum(['electron', 'web']),
  appVersion: z.string(),
});
export type WorkerInit = z.infer<typeof WorkerInitSchema>;

export type HostToWorker =
  | { readonly type: 'call'; readonly id: number; readonly name: string; readonly input: unknown }
  /** Finish in-flight work, then end the thread. */
  | { readonly type: 'close' };

export type WorkerToHost =
  /** The core is built and listening. */
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: DeskEventName; readonly payload: unknown }
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
  z.object({ type: z.literal('closed') }),
]);
