/**
 * What the fault test holds the system to after every trial, once the desk
 * has drained (pushed everything, pulled until idle):
 *
 * 1. No edit reported saved is lost: the server holds its effect.
 * 2. Every edit took effect at most once, and every saved one exactly once —
 *    counted on rows the server numbers itself (status and time events), so
 *    a mutation applied twice shows even when the client-made ids could not.
 *    Edits never begun left nothing (no phantoms).
 * 3. Cache and server converge: the same rows with the same revs and data,
 *    nothing queued, no local overlay left, the desk's seq = the server's
 *    lastSeq for it.
 * 4. Both SQLite files pass `PRAGMA quick_check`.
 */
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EntityName } from '../../src-shared/protocol/entities.ts';
import { ENTITY_TABLES, rowToEntity, selectList } from '../../src-main/core/cache/rows.ts';
import type { DrainedReport } from './protocol.ts';
import type { EffectCount, MirrorRow, ServerMirror } from './mirror.ts';
import { planEdit } from './script.ts';

export interface EditRecord {
  readonly trial: number;
  state: 'begun' | 'saved' | 'refused';
  mutationId: string | null;
  seq: number | null;
  refusal?: string;
}

export interface EffectVerdict {
  readonly lost: number[];
  readonly duplicated: number[];
  readonly phantom: number[];
  readonly rejected: { index: number; code: string }[];
  /** Edits the desk committed but was killed before reporting: allowed, counted for the report. */
  unreportedCommits: number;
  savedChecked: number;
}

export function emptyVerdict(): EffectVerdict {
  return { lost: [], duplicated: [], phantom: [], rejected: [], unreportedCommits: 0, savedChecked: 0 };
}

const NONE: EffectCount = { note: 0, status: 0, timeEvent: 0, timeEntry: 0 };

/** Checks the effects of the given edit indexes against the server's rows; adds findings to `verdict`. */
export function checkEffects(options: {
  runTag: string;
  tickets: readonly string[];
  indexes: Iterable<number>;
  edits: ReadonlyMap<number, EditRecord>;
  counts: ReadonlyMap<number, EffectCount>;
  rejectedMarkers: ReadonlyMap<string, string>;
  verdict: EffectVerdict;
}): void {
  const { verdict } = options;
  for (const index of options.indexes) {
    const plan = planEdit(options.runTag, index, options.tickets);
    const count = options.counts.get(index) ?? NONE;
    const n = plan.kind === 'note' ? count.note : plan.kind === 'status' ? count.status : Math.max(count.timeEntry, count.timeEvent);
    // A time entry always comes with its time event; one without the other is a half-applied mutation.
    const halfApplied = plan.kind === 'time' && count.timeEntry !== count.timeEvent;
    const edit = options.edits.get(index);
    const rejection = options.rejectedMarkers.get(plan.marker);
    if (n > 1 || halfApplied) verdict.duplicated.push(index);
    if (edit === undefined || edit.state === 'refused') {
      if (n > 0) verdict.phantom.push(index);
      continue;
    }
    if (edit.state === 'begun') {
      if (n === 1) verdict.unreportedCommits += 1;
      continue;
    }
    verdict.savedChecked += 1;
    if (rejection !== undefined) verdict.rejected.push({ index, code: rejection });
    else if (n === 0) verdict.lost.push(index);
  }
}

/**
 * Effects of edits outside `own` (earlier trials, or indexes never used):
 * a late duplicate — a retry or replay that lands after its trial was
 * checked — or a phantom shows here, reported once per index.
 */
export function scanEarlierEffects(options: {
  own: ReadonlySet<number>;
  edits: ReadonlyMap<number, EditRecord>;
  counts: ReadonlyMap<number, EffectCount>;
  reported: Set<number>;
  verdict: EffectVerdict;
}): void {
  for (const [index, count] of options.counts) {
    if (options.own.has(index) || options.reported.has(index)) continue;
    const edit = options.edits.get(index);
    const twice = count.note > 1 || count.status > 1 || count.timeEntry > 1 || count.timeEvent > 1 || count.timeEntry !== count.timeEvent;
    const phantom = edit === undefined || edit.state === 'refused';
    if (twice) options.verdict.duplicated.push(index);
    if (phantom) options.verdict.phantom.push(index);
    if (twice || phantom) options.reported.add(index);
  }
}

// ---- The desk's files ------------------------------------------------------------------

function openReadOnly(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

function quickCheck(db: Database.Database): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const bad = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
  return bad.length === 0 ? null : bad.slice(0, 3).join('; ');
}

/** Instants compare as instants (the cache stores them in UTC); objects by value. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : new Date(ms).toISOString();
  }
  if (Array.isArray(value)) return value.map(canonical);
  return value;
}

export interface DeskFilesVerdict {
  readonly problems: string[];
  readonly rowsCompared: number;
}

/**
 * quick_check on both files, nothing left queued or overlaid, seqs agree,
 * every cached row has the server's id set and revs, and the rows the server
 * changed since the last check (every row, with `everything`) have the
 * server's data field by field.
 */
export function checkDeskFiles(options: {
  dir: string;
  mirror: ServerMirror;
  drained: DrainedReport;
  serverLastSeq: number;
  /** Ids whose data to compare; null = every row. */
  dataOf: ReadonlyMap<EntityName, ReadonlySet<string>> | null;
}): DeskFilesVerdict {
  const problems: string[] = [];
  const { drained, serverLastSeq } = options;
  if (drained.pending !== 0) problems.push(`${drained.pending} edits still queued after draining`);
  if (serverLastSeq !== drained.nextSeq - 1) problems.push(`server lastSeq ${serverLastSeq} but the desk numbered up to ${drained.nextSeq - 1}`);
  if (drained.ackedSeq !== serverLastSeq) problems.push(`desk acknowledged seq ${drained.ackedSeq} but the server's lastSeq is ${serverLastSeq}`);

  const outbox = openReadOnly(join(options.dir, 'outbox.db'));
  try {
    const bad = quickCheck(outbox);
    if (bad !== null) problems.push(`outbox.db quick_check: ${bad}`);
    const queued = (outbox.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    if (queued !== 0) problems.push(`outbox.db holds ${queued} entries`);
  } finally {
    outbox.close();
  }

  let rowsCompared = 0;
  const cache = openReadOnly(join(options.dir, 'cache.db'));
  try {
    const bad = quickCheck(cache);
    if (bad !== null) problems.push(`cache.db quick_check: ${bad}`);
    const overlay = (cache.prepare('SELECT (SELECT count(*) FROM overlay_edits) + (SELECT count(*) FROM base_rows) AS n').get() as { n: number }).n;
    if (overlay !== 0) problems.push(`cache.db still overlays ${overlay} local edits/base rows after a complete pull`);
    for (const entity of Object.keys(ENTITY_TABLES) as EntityName[]) {
      const spec = ENTITY_TABLES[entity];
      const server = options.mirror.rows.get(entity) ?? new Map<string, MirrorRow>();
      const diffs: string[] = [];
      const local = cache.prepare(`SELECT id, rev FROM ${spec.table}`).all() as { id: string; rev: string | null }[];
      const seen = new Set<string>();
      for (const { id, rev } of local) {
        seen.add(id);
        const theirs = server.get(id);
        if (theirs === undefined) diffs.push(`${id} only in the cache`);
        else if (rev !== theirs.rev) diffs.push(`${id} rev ${String(rev)} ≠ server ${theirs.rev}`);
      }
      for (const id of server.keys()) if (!seen.has(id)) diffs.push(`${id} missing from the cache`);
      const ids = options.dataOf === null ? [...server.keys()] : [...(options.dataOf.get(entity) ?? [])];
      const read = cache.prepare(`SELECT ${selectList(entity)} FROM ${spec.table} WHERE id = ?`);
      for (const id of ids) {
        const theirs = server.get(id);
        const raw = read.get(id) as Record<string, unknown> | undefined;
        if (theirs === undefined || raw === undefined) continue; // Reported above.
        rowsCompared += 1;
        const data = rowToEntity(entity, raw) as Record<string, unknown>;
        for (const col of spec.columns) {
          if (!isDeepStrictEqual(canonical(data[col.field]), canonical(theirs.data[col.field] ?? null))) {
            diffs.push(`${id}.${col.field} ${JSON.stringify(data[col.field])} ≠ server ${JSON.stringify(theirs.data[col.field])}`);
          }
        }
      }
      if (diffs.length > 0) problems.push(`${entity}: ${diffs.length} differences, e.g. ${diffs.slice(0, 3).join('; ')}`);
    }
  } finally {
    cache.close();
  }
  return { problems, rowsCompared };
}
