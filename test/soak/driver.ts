/**
 * The desk-core fault test (`npm run soak`): the real server and a real desk
 * process, loopback only, with random kill -9s and dropped connections, and
 * after every trial the checks of checks.ts. Then two PLANTED-BUG runs that
 * the same checks must catch. Stops by itself.
 *
 *   node test/soak/driver.ts [--trials 300] [--seed N] [--database pglite|postgres] [--no-plants] [--plant-trials 10] [--keep] [--quiet]
 *
 * Exit status: 0 all trials clean and both planted bugs caught; 1 a real
 * trial found a problem; 2 a planted bug went uncaught; 3 the harness failed.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pgClusterSkipReason, startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { checkDeskFiles, checkEffects, emptyVerdict, type EditRecord } from './checks.ts';
import { ServerMirror } from './mirror.ts';
import { DeskProcess, freePort, ServerProcess } from './processes.ts';
import type { DeskReport } from './protocol.ts';
import { FaultProxy } from './proxy.ts';
import { addTrial, describeFailure, emptyTotals, trialLine } from './report.ts';
import { createRng } from './rng.ts';
import { checkServerDatabase } from './server-db.ts';
import { EDITS_PER_TRIAL_MAX } from './script.ts';
import { FAULT_WEIGHTS, pickFault, runTrial, trialFailed, type FaultKind, type TrialContext } from './trial.ts';

const EMAIL = 'supervisor@demo.ayni.pe';
const PASSWORD = 'ayni-demo';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '300' },
    seed: { type: 'string' },
    database: { type: 'string', default: 'pglite' },
    'no-plants': { type: 'boolean', default: false },
    'plant-trials': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

const trials = Number(values.trials);
const plantTrials = Number(values['plant-trials']);
if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a positive integer');
if (!Number.isInteger(plantTrials) || plantTrials < 1) throw new Error('--plant-trials must be a positive integer');
if (values.database !== 'pglite' && values.database !== 'postgres') throw new Error('--database must be pglite or postgres');
const seed = values.seed === undefined ? randomBytes(4).readUInt32BE(0) : Number(values.seed);
const runTag = randomBytes(4).toString('hex');
const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => {
  if (!values.quiet) say(line);
};

const runDir = mkdtempSync(join(tmpdir(), 'ayni-soak-'));
const children: { forceKill(): void }[] = [];
process.on('exit', () => {
  for (const child of children) child.forceKill();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

function tail(path: string, lines: number): string {
  return existsSync(path) ? readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(none)';
}

/** Records what a desk reports, by edit index (an index belongs to one trial). */
function recorder(edits: Map<number, EditRecord>): (report: DeskReport) => void {
  return (report) => {
    if (report.type !== 'begin' && report.type !== 'saved' && report.type !== 'refused') return;
    const trial = Math.floor(report.index / EDITS_PER_TRIAL_MAX);
    const edit = edits.get(report.index) ?? { trial, state: 'begun', mutationId: null, seq: null };
    if (report.type === 'saved') Object.assign(edit, { state: 'saved', mutationId: report.mutationId, seq: report.seq });
    if (report.type === 'refused') Object.assign(edit, { state: 'refused', refusal: `${report.code}: ${report.message}` });
    edits.set(report.index, edit);
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  say(`Ayni soak: ${trials} trials, seed ${seed}, run tag ${runTag}, ${values.database}, dir ${runDir}`);
  const rng = createRng(seed);

  let cluster: PgCluster | null = null;
  if (values.database === 'postgres') {
    const skip = pgClusterSkipReason();
    if (skip !== null) throw new Error(`--database postgres: ${skip}`);
    cluster = await startPgCluster();
  }
  const dataDir = join(runDir, 'server');
  const serverDb = cluster === null ? { dataDir } : { databaseUrl: cluster.url };
  const port = await freePort();
  const server = new ServerProcess({ port, ...serverDb, logPath: join(runDir, 'server.log') });
  children.push(server);
  await server.start();
  say(`server up with the demo company in ${(server.lastStartMs / 1000).toFixed(1)} s (${server.url})`);

  const proxy = new FaultProxy({ host: '127.0.0.1', port });
  await proxy.start();
  const mirror = new ServerMirror({ serverUrl: server.url, email: EMAIL, password: PASSWORD, runTag });
  await mirror.catchUp();
  const edits = new Map<number, EditRecord>();

  const deskDir = join(runDir, 'desk');
  const desk = new DeskProcess({ dir: deskDir, serverUrl: proxy.url, email: EMAIL, password: PASSWORD, runTag, logPath: join(runDir, 'desk.log') });
  children.push(desk);
  desk.onReport(recorder(edits));
  const ready = await desk.start();
  say(`desk up: initial sync of ${mirror.rowCount()} rows in ${(ready.initialSyncMs / 1000).toFixed(2)} s; editing ${ready.tickets.length} tickets`);

  const ctx: TrialContext = { runTag, rng, desk, deskDir, server, proxy, mirror, edits, reported: new Set() };
  const totals = emptyTotals();
  const rejectedMarkers = new Map<string, string>();
  const rejectedIds = new Set<string>();
  const failures: string[] = [];
  for (let t = 1; t <= trials; t++) {
    const result = await runTrial(ctx, t, pickFault(rng, FAULT_WEIGHTS));
    const failed = trialFailed(result);
    addTrial(totals, result, failed);
    for (const [marker, code] of result.rejectedMarkers) rejectedMarkers.set(marker, code);
    for (const id of result.rejectedMutationIds) rejectedIds.add(id);
    progress(trialLine(result, trials, failed));
    if (failed) failures.push(trialLine(result, trials, true), ...describeFailure(result));
  }

  // Late effects (a retry after its trial) would only show now: sweep every edit once more.
  const sweep = emptyVerdict();
  await mirror.catchUp();
  const counts = mirror.effectCounts();
  const isRealTrial = (index: number) => Math.floor(index / EDITS_PER_TRIAL_MAX) <= trials;
  const allIndexes = new Set([...edits.keys(), ...counts.keys()].filter(isRealTrial));
  checkEffects({ runTag, tickets: desk.tickets, indexes: allIndexes, edits, counts, rejectedMarkers, verdict: sweep });
  const sweepBad = sweep.lost.length + sweep.duplicated.length + sweep.phantom.length;
  if (sweepBad > 0) failures.push(`final sweep: lost ${sweep.lost.join(',')} duplicated ${sweep.duplicated.join(',')} phantom ${sweep.phantom.join(',')}`);

  // Every row, field by field, once more at the end.
  const finalDrain = await desk.drain(120_000);
  const finalSeq = await mirror.catchUp(finalDrain.clientId);
  const finalFiles = checkDeskFiles({ dir: deskDir, mirror, drained: finalDrain, serverLastSeq: finalSeq.lastSeq, dataOf: null });
  if (finalFiles.problems.length > 0) failures.push(...finalFiles.problems.map((p) => `final comparison: ${p}`));

  // The server's own database, opened directly after a clean stop.
  await desk.exit();
  await server.stop();
  const savedIds = [...edits.values()].filter((e) => e.state === 'saved' && e.mutationId !== null).map((e) => e.mutationId as string);
  const dbVerdict = await checkServerDatabase({ ...serverDb, savedMutationIds: savedIds.filter((id) => !rejectedIds.has(id)) });
  if (dbVerdict.problems.length > 0) failures.push(...dbVerdict.problems.map((p) => `server db: ${p}`));
  const realMs = performance.now() - started;

  // ---- Planted bugs: the same checks must catch them --------------------------------------
  const plants: { name: string; caught: boolean; trials: number; evidence: string }[] = [];
  if (!values['no-plants']) {
    await server.start();
    await mirror.catchUp();
    let next = trials + 1;

    // The planted desks continue the desk's history on a copy of its files (same client, same cache), so no second initial sync.
    const plantDir = join(runDir, 'desk-plant');
    cpSync(deskDir, plantDir, { recursive: true });
    const plantDesk = (plant: string | undefined, log: string): DeskProcess => {
      const d = new DeskProcess({ dir: plantDir, serverUrl: proxy.url, email: EMAIL, password: PASSWORD, runTag, logPath: join(runDir, log), ...(plant === undefined ? {} : { plant }) });
      children.push(d);
      d.tickets = desk.tickets;
      d.onReport(recorder(edits));
      return d;
    };

    const early = plantDesk('early-saved', 'desk-plant-early-saved.log');
    await early.start();
    plants.push(await plantRun('desk reports "saved" before commit', { ...ctx, desk: early, deskDir: plantDir }, 'desk-kill', (r) => r.verdict.lost.length > 0, () => next++));
    await early.exit();
    early.close();

    const honest = plantDesk(undefined, 'desk-plant-replay.log');
    await honest.start();
    proxy.setReplayStale(true);
    const replayCtx = { ...ctx, desk: honest, deskDir: plantDir };
    plants.push(await plantRun('server re-applies pushes it already processed (forgotten lastSeq)', replayCtx, 'none', (r) => r.verdict.duplicated.length > 0, () => next++, () => `proxy replays ${proxy.stats.replays}, mutations re-applied ${proxy.stats.replayedApplied}`));
    proxy.setReplayStale(false);
    await honest.exit();
    honest.close();
    await server.stop();
  }
  await proxy.stop();
  server.close();
  desk.close();
  await cluster?.stop();

  const totalMs = performance.now() - started;
  const realFailed = failures.length > 0;
  const plantMissed = plants.some((p) => !p.caught);
  say('');
  say(`== Ayni soak (${values.database}, seed ${seed}) ==`);
  say(`trials ${totals.trials} (failed ${totals.failedTrials}); edits begun ${totals.editsBegun}, saved ${totals.editsSaved}; lost ${totals.lost}, duplicated ${totals.duplicated}, phantom ${totals.phantom}, rejected ${totals.rejected}; committed-but-unreported ${totals.unreportedCommits}`);
  say(`faults drawn: ${Object.entries(totals.faults).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  say(`faults fired: desk kill -9 ${totals.fired.deskKills}, server kill -9 ${totals.fired.serverKills}, requests dropped ${totals.fired.droppedRequests}, responses dropped after commit ${totals.fired.droppedResponses}`);
  say(`restarts: server ${server.starts - 1} (last ${(server.lastStartMs / 1000).toFixed(1)} s), desk ${desk.starts - 1}; rows compared field by field ${totals.rowsCompared} + ${finalFiles.rowsCompared} at the end (revs of every row after every trial)`);
  say(`server db after the run: reopened in ${(dbVerdict.openMs / 1000).toFixed(1)} s, SELECT 1 ok, amcheck on ${dbVerdict.indexesChecked} indexes, ${dbVerdict.mutationsChecked} saved mutations applied exactly once${dbVerdict.problems.length > 0 ? ` — PROBLEMS: ${dbVerdict.problems.join('; ')}` : ''}`);
  say(`time: real trials ${(realMs / 1000).toFixed(1)} s, total ${(totalMs / 1000).toFixed(1)} s`);
  for (const plant of plants) say(`planted bug "${plant.name}": ${plant.caught ? `CAUGHT after ${plant.trials} trial(s) — ${plant.evidence}` : `NOT CAUGHT in ${plant.trials} trials`}`);
  for (const line of failures) say(line);
  say(JSON.stringify({ soak: { database: values.database, seed, ...totals, serverDb: dbVerdict, plants, realMs: Math.round(realMs), totalMs: Math.round(totalMs) } }));

  if (!realFailed && !plantMissed && !values.keep) rmSync(runDir, { recursive: true, force: true });
  else say(`run directory kept: ${runDir}`);
  return realFailed ? 1 : plantMissed ? 2 : 0;

  async function plantRun(
    name: string,
    plantCtx: TrialContext,
    fault: FaultKind,
    caughtBy: (r: Awaited<ReturnType<typeof runTrial>>) => boolean,
    nextTrial: () => number,
    extra: () => string = () => '',
  ): Promise<{ name: string; caught: boolean; trials: number; evidence: string }> {
    for (let k = 1; k <= plantTrials; k++) {
      const result = await runTrial(plantCtx, nextTrial(), fault);
      progress(`[planted] ${trialLine(result, plantTrials, trialFailed(result))}`);
      if (caughtBy(result)) {
        const evidence = describeFailure(result).map((l) => l.trim()).join('; ');
        return { name, caught: true, trials: k, evidence: [evidence, extra()].filter((s) => s !== '').join('; ') };
      }
    }
    return { name, caught: false, trials: plantTrials, evidence: extra() };
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Ayni soak: harness failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nrun directory kept: ${runDir}\n`);
    for (const log of ['server.log', 'desk.log']) process.stderr.write(`--- last lines of ${log}:\n${tail(join(runDir, log), 8)}\n`);
    process.exit(3);
  },
);
