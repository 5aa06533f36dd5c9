/**
 * Lines between the fault-test driver and the desk child: one JSON object per
 * line, commands on the child's stdin, reports on its stdout. A `saved`
 * report is written (synchronously) only after the cache said the edit
 * committed — that line is the promise the checker holds the system to.
 */

export type DeskCommand =
  | { readonly cmd: 'run'; readonly trial: number; readonly count: number; readonly gapsMs: readonly number[] }
  | { readonly cmd: 'drain' }
  | { readonly cmd: 'exit' };

export interface DrainedReport {
  readonly type: 'drained';
  readonly clientId: string;
  readonly nextSeq: number;
  readonly ackedSeq: number;
  readonly pending: number;
  readonly needsAttention: readonly { seq: number; mutationId: string; name: string; code: string; marker: string | null }[];
  /** Sync cycles it took (failed ones included). */
  readonly cycles: number;
}

export type DeskReport =
  | { readonly type: 'ready'; readonly clientId: string; readonly tickets: readonly string[]; readonly recovered: boolean; readonly initialSyncMs: number }
  | { readonly type: 'begin'; readonly index: number }
  | { readonly type: 'saved'; readonly index: number; readonly mutationId: string | null; readonly seq: number | null }
  | { readonly type: 'refused'; readonly index: number; readonly code: string; readonly message: string }
  | { readonly type: 'ran'; readonly trial: number }
  | DrainedReport
  | { readonly type: 'fatal'; readonly message: string };

/** Planted bugs the desk child can be started with (env SOAK_PLANT). */
export const DESK_PLANTS = ['early-saved'] as const;
export type DeskPlant = (typeof DESK_PLANTS)[number];
