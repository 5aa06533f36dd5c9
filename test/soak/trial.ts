/**
 * One trial of the fault test: the desk performs a few edits of the script
 * while one fault strikes at a random moment; then whatever was killed is
 * restarted, the network heals, the desk drains, and the checks run.
 */
import type { DeskProcess, ServerProcess } from './processes.ts';
import type { FaultProxy } from './proxy.ts';
import type { ServerMirror } from './mirror.ts';
import { checkDeskFiles, checkEffects, emptyVerdict, scanEarlierEffects, type EditRecord, type EffectVerdict } from './checks.ts';
import { EDITS_PER_TRIAL_MAX } from './script.ts';
import type { Rng } from './rng.ts';

export const FAULT_KINDS = ['desk-kill', 'server-kill', 'drop-request', 'drop-response', 'drop-response+desk-kill', 'none'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How often each fault is drawn in a normal run (weights). */
export const FAULT_WEIGHTS: Readonly<Record<FaultKind, number>> = {
  'desk-kill': 30,
  'server-kill': 12,
  'drop-request': 20,
  'drop-response': 23,
  'drop-response+desk-kill': 15,
  none: 0,
};

export interface TrialContext {
  readonly runTag: string;
  readonly rng: Rng;
  readonly desk: DeskProcess;
  readonly deskDir: string;
  readonly server: ServerProcess;
  readonly proxy: FaultProxy;
  readonly mirror: ServerMirror;
  /** Every edit reported by any desk process, by index. */
  readonly edits: Map<number, EditRecord>;
  /** Indexes already reported by the scan of earlier effects (each is reported once). */
  readonly reported: Set<number>;
}

export interface TrialResult {
  readonly trial: number;
  readonly fault: FaultKind;
  readonly edits: number;
  readonly saved: number;
  readonly fired: { deskKills: number; serverKills: number; droppedRequests: number; droppedResponses: number };
  readonly verdict: EffectVerdict;
  readonly problems: string[];
  readonly rowsCompared: number;
  readonly rejectedMarkers: Map<string, string>;
  readonly rejectedMutationIds: readonly string[];
  readonly ms: number;
  /** Where the time went: edits + fault, restarts, drain, checks. */
  readonly phases: { run: number; restart: number; drain: number; check: number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function pickFault(rng: Rng, weights: Readonly<Record<FaultKind, number>>): FaultKind {
  const total = FAULT_KINDS.reduce((sum, kind) => sum + weights[kind], 0);
  let roll = rng.float() * total;
  for (const kind of FAULT_KINDS) {
    roll -= weights[kind];
    if (roll < 0) return kind;
  }
  return 'none';
}

export async function runTrial(ctx: TrialContext, trial: number, fault: FaultKind): Promise<TrialResult> {
  const began = performance.now();
  const { rng, desk, server, proxy } = ctx;
  const count = rng.int(4, 16);
  const gapsMs = Array.from({ length: count }, () => rng.int(0, 25));
  const runMs = gapsMs.reduce((a, b) => a + b, 0) + count * 4;
  const at = rng.float() * (runMs * 1.3 + 30);
  const before = { ...proxy.stats };
  const fired = { deskKills: 0, serverKills: 0, droppedRequests: 0, droppedResponses: 0 };

  const inject = async (): Promise<void> => {
    await sleep(at);
    switch (fault) {
      case 'desk-kill':
        if (desk.running) fired.deskKills += 1;
        await desk.kill9();
        break;
      case 'server-kill':
        fired.serverKills += 1;
        await server.kill9();
        proxy.cutAll();
        break;
      case 'drop-request':
        proxy.arm({ kind: 'drop-request', match: rng.float() < 0.7 ? 'push' : 'any', count: rng.int(1, 3) });
        break;
      case 'drop-response':
        proxy.arm({ kind: 'drop-response', match: 'push', count: rng.int(1, 2) });
        break;
      case 'drop-response+desk-kill': {
        // The server committed a push the desk never heard back about; then the desk dies.
        const dropped = proxy.stats.droppedResponses;
        proxy.arm({ kind: 'drop-response', match: 'push', count: 1 });
        for (let waited = 0; proxy.stats.droppedResponses === dropped && waited < 600; waited += 2) await sleep(2);
        await sleep(rng.int(0, 15));
        if (desk.running) fired.deskKills += 1;
        await desk.kill9();
        break;
      }
      case 'none':
        break;
    }
  };

  const faultDone = inject();
  await desk.run({ cmd: 'run', trial, count, gapsMs }, 60_000);
  await faultDone;
  const ranAt = performance.now();

  // Heal: the server first (the desk signs in and syncs on start), then the desk.
  if (!server.running) await server.start();
  if (!desk.running) await desk.start();
  const restartedAt = performance.now();
  const drained = await desk.drain(120_000);
  const drainedAt = performance.now();
  proxy.heal();
  fired.droppedRequests = proxy.stats.droppedRequests - before.droppedRequests;
  fired.droppedResponses = proxy.stats.droppedResponses - before.droppedResponses;

  const { lastSeq } = await ctx.mirror.catchUp(drained.clientId);
  const rejectedMarkers = new Map(drained.needsAttention.flatMap((item) => (item.marker === null ? [] : [[item.marker, item.code] as const])));
  const verdict = emptyVerdict();
  const indexes = Array.from({ length: count }, (_, j) => trial * EDITS_PER_TRIAL_MAX + j);
  const counts = ctx.mirror.effectCounts();
  checkEffects({ runTag: ctx.runTag, tickets: desk.tickets, indexes, edits: ctx.edits, counts, rejectedMarkers, verdict });
  scanEarlierEffects({ own: new Set(indexes), edits: ctx.edits, counts, reported: ctx.reported, verdict });
  // Revs of every row each time; data field by field for what changed since the last trial (everything, the first time).
  const files = checkDeskFiles({ dir: ctx.deskDir, mirror: ctx.mirror, drained, serverLastSeq: lastSeq, dataOf: fullCompare(trial, ctx.mirror.takeChanged()) });
  const saved = indexes.filter((i) => ctx.edits.get(i)?.state === 'saved').length;
  return {
    trial, fault, edits: count, saved, fired, verdict, problems: files.problems, rowsCompared: files.rowsCompared, rejectedMarkers, rejectedMutationIds: drained.needsAttention.map((i) => i.mutationId),
    ms: performance.now() - began,
    phases: { run: ranAt - began, restart: restartedAt - ranAt, drain: drainedAt - restartedAt, check: performance.now() - drainedAt },
  };
}

/** Every 50th trial compares every row field by field, not only the changed ones. */
function fullCompare<T>(trial: number, changed: T): T | null {
  return trial % 50 === 0 ? null : changed;
}

export function trialFailed(result: TrialResult): boolean {
  const v = result.verdict;
  return v.lost.length > 0 || v.duplicated.length > 0 || v.phantom.length > 0 || v.rejected.length > 0 || result.problems.length > 0;
}
