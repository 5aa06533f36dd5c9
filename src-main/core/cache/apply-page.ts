/**
 * Applying one validated pulled page inside the caller's transaction: rows
 * without local edits are written as pulled; rows with local edits get the
 * pulled version as their new base and the edits re-applied on top
 * (rebase); tiers and denormalised ticket columns follow; the cursor is
 * written last. A complete pull (hasMore false) confirms the local edits up
 * to lastSeq and, during an initial load, rebuilds the deferred indexes.
 */
import type { EntityName } from '../../../src-shared/protocol/entities.ts';
import { beginBulkLoad, coreLoadPending, finishBulkLoad, finishCoreLoad } from './bulk-load.ts';
import type { FaultHook } from './faults.ts';
import type { Overlay, RowKey } from './overlay.ts';
import type { ValidPage } from './pull-page.ts';
import { entityTablesEmpty, type RowStore } from './rows.ts';
import type { Db, StatementCache } from './sqlite.ts';
import { limaMonthOf, refreshTiers } from './tiers.ts';

export const CACHE_SCHEMA = 'cache';

export interface AppliedPage {
  readonly applied: number;
  readonly hasMore: boolean;
  readonly remaining: number | undefined;
  /** True while the cache is being filled from empty (indexes deferred). */
  readonly initialLoad: boolean;
  /** The server's stage of a pull from no cursor (core, then history); undefined once it continues with changes. */
  readonly stage: ValidPage['stage'];
  /** This page finished the core part of an initial load: queues, search and calendars are complete. */
  readonly coreReady: boolean;
  readonly changed: readonly EntityName[];
}

export interface PageDeps {
  readonly db: Db;
  readonly sql: StatementCache;
  readonly rows: RowStore;
  readonly overlay: Overlay;
  readonly faults: FaultHook;
  readonly now: () => Date;
}

export function applyPage(deps: PageDeps, page: ValidPage): AppliedPage {
  deps.faults('page.begin');
  const state = deps.sql.get('SELECT cursor, bulk_loading FROM sync_state WHERE id = 1').get() as { cursor: string | null; bulk_loading: number };
  const month = limaMonthOf(deps.now());
  let bulk = state.bulk_loading === 1;
  if (!bulk && state.cursor === null && page.changes.length > 0 && entityTablesEmpty(deps.db)) {
    beginBulkLoad(deps.db, CACHE_SCHEMA);
    bulk = true;
  }
  const changed = new Set<EntityName>();
  let coreReady = false;
  if (bulk && page.stage === 'history' && coreLoadPending(deps.db)) {
    // The server has sent every core row: build what the console needs before the history arrives.
    deps.faults('page.core');
    finishCoreLoad(deps.db, CACHE_SCHEMA, deps.sql, month);
    deps.sql.get('UPDATE sync_state SET tier_month = ? WHERE id = 1').run(month);
    coreReady = true;
    changed.add('ticket');
  }
  const dirty: RowKey[] = [];
  const tierCustomers = new Set<string>();
  let allTiers = false;
  // Checked once per page: during an initial load there are usually no local edits at all.
  const anyDirty = deps.overlay.hasDirty();
  for (const [index, change] of page.changes.entries()) {
    deps.faults('page.change', index);
    changed.add(change.entity);
    if (change.entity === 'customer') tierCustomers.add(change.id);
    if (change.entity === 'plan') allTiers = true;
    if (change.entity === 'planAssignment') {
      const before = deps.rows.read('planAssignment', change.id);
      if (before !== null) tierCustomers.add(before.data.customerId);
      if (change.data !== null) tierCustomers.add(change.data.customerId as string);
    }
    if (anyDirty && deps.overlay.isDirty(change.entity, change.id)) {
      deps.overlay.setBase(change.entity, change.id, change.data, change.rev);
      dirty.push({ entity: change.entity, id: change.id });
    } else if (change.data === null) {
      deps.rows.delete(change.entity, change.id);
    } else {
      deps.rows.write(change.entity, change.data, change.rev);
    }
  }
  deps.faults('page.rebase');
  for (const entity of deps.overlay.rebase(dirty)) changed.add(entity);
  if (!bulk && (allTiers || tierCustomers.size > 0)) {
    if (refreshTiers(deps.sql, month, allTiers ? 'all' : tierCustomers)) changed.add('ticket');
  }
  deps.faults('page.cursor');
  deps.sql.get('UPDATE sync_state SET cursor = ?, last_sync_at = ? WHERE id = 1').run(page.cursor, deps.now().toISOString());
  if (!page.hasMore) {
    // A complete pull holds every effect of the mutations up to lastSeq.
    deps.sql.get('UPDATE sync_state SET confirmed_seq = max(confirmed_seq, ?) WHERE id = 1').run(page.lastSeq);
    for (const entity of deps.overlay.confirmUpTo(page.lastSeq)) changed.add(entity);
    if (bulk) {
      coreReady ||= coreLoadPending(deps.db);
      finishBulkLoad(deps.db, CACHE_SCHEMA, deps.sql, month);
      deps.sql.get('UPDATE sync_state SET tier_month = ? WHERE id = 1').run(month);
    }
  }
  deps.faults('page.end');
  return { applied: page.changes.length, hasMore: page.hasMore, remaining: page.remaining, initialLoad: bulk, stage: page.stage, coreReady, changed: [...changed] };
}
