/** Totals of a fault-test run and how they are printed. */
import type { TrialResult } from './trial.ts';

export interface SoakTotals {
  trials: number;
  failedTrials: number;
  editsBegun: number;
  editsSaved: number;
  lost: number;
  duplicated: number;
  phantom: number;
  rejected: number;
  unreportedCommits: number;
  rowsCompared: number;
  faults: Record<string, number>;
  fired: { deskKills: number; serverKills: number; droppedRequests: number; droppedResponses: number };
}

export function emptyTotals(): SoakTotals {
  return {
    trials: 0,
    failedTrials: 0,
    editsBegun: 0,
    editsSaved: 0,
    lost: 0,
    duplicated: 0,
    phantom: 0,
    rejected: 0,
    unreportedCommits: 0,
    rowsCompared: 0,
    faults: {},
    fired: { deskKills: 0, serverKills: 0, droppedRequests: 0, droppedResponses: 0 },
  };
}

export function addTrial(totals: SoakTotals, result: TrialResult, failed: boolean): void {
  totals.trials += 1;
  if (failed) totals.failedTrials += 1;
  totals.editsBegun += result.edits;
  totals.editsSaved += result.saved;
  totals.lost += result.verdict.lost.length;
  totals.duplicated += result.verdict.duplicated.length;
  totals.phantom += result.verdict.phantom.length;
  totals.rejected += result.verdict.rejected.length;
  totals.unreportedCommits += result.verdict.unreportedCommits;
  totals.rowsCompared += result.rowsCompared;
  totals.faults[result.fault] = (totals.faults[result.fault] ?? 0) + 1;
  totals.fired.deskKills += result.fired.deskKills;
  totals.fired.serverKills += result.fired.serverKills;
  totals.fired.droppedRequests += result.fired.droppedRequests;
  totals.fired.droppedResponses += result.fired.droppedResponses;
}

const sec = (ms: number) => (ms / 1000).toFixed(2);

export function trialLine(result: TrialResult, of: number, failed: boolean): string {
  const v = result.verdict;
  const f = result.fired;
  const fired = [f.deskKills > 0 ? `desk×${f.deskKills}` : '', f.serverKills > 0 ? `server×${f.serverKills}` : '', f.droppedRequests > 0 ? `req↓${f.droppedRequests}` : '', f.droppedResponses > 0 ? `resp↓${f.droppedResponses}` : '']
    .filter((s) => s !== '')
    .join(' ');
  const findings = failed
    ? `FAIL lost ${v.lost.length} dup ${v.duplicated.length} phantom ${v.phantom.length} rejected ${v.rejected.length}${result.problems.length > 0 ? ` | ${result.problems.join(' | ')}` : ''}`
    : 'ok';
  return `trial ${String(result.trial).padStart(3)}/${of} ${result.fault.padEnd(24)} edits ${String(result.edits).padStart(2)} saved ${String(result.saved).padStart(2)} [${fired || 'nothing fired'}] ${findings} (${(result.ms / 1000).toFixed(2)} s: run ${sec(result.phases.run)}, restart ${sec(result.phases.restart)}, drain ${sec(result.phases.drain)}, check ${sec(result.phases.check)})`;
}

export function describeFailure(result: TrialResult): string[] {
  const v = result.verdict;
  const lines: string[] = [];
  if (v.lost.length > 0) lines.push(`  lost (saved, no effect on the server): ${v.lost.join(', ')}`);
  if (v.duplicated.length > 0) lines.push(`  applied more than once: ${v.duplicated.join(', ')}`);
  if (v.phantom.length > 0) lines.push(`  effect of an edit never begun/refused: ${v.phantom.join(', ')}`);
  if (v.rejected.length > 0) lines.push(`  rejected by the server: ${v.rejected.map((r) => `${r.index} ${r.code}`).join(', ')}`);
  for (const problem of result.problems) lines.push(`  ${problem}`);
  return lines;
}
