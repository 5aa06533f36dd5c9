/**
 * The queue's rows as the table sees them: pages read from the desk with
 * keyset cursors, appended as the technician scrolls, re-read in place when
 * synced rows change. Pure (no React, no DOM) so the unit tests drive it with
 * a fake desk.
 *
 * Rules it keeps:
 * - one read in flight at a time; answers to an older query are dropped;
 * - a refresh re-reads the rows loaded (up to REFRESH_LIMIT from the top, in
 *   pages of at most REFRESH_PAGE) and swaps them in at once, so the list
 *   never flashes empty and the scroll position stays meaningful;
 * - a refresh asked for while a read is in flight runs right after it, once;
 * - errors are kept next to the rows already shown, never instead of them;
 * - another query keeps the rows of the last one on screen (marked `loading`,
 *   with `rowsKey` still naming the query they answer) until its first page
 *   arrives, so the grid is updated in place rather than emptied and built
 *   again; if that first read fails, the old rows go (they answer another
 *   question) and the error stays.
 */
import type { QueuePage, QueuePageInput, QueueRow } from '../../../../src-shared/ipc/work-calls.ts';
import type { AppError, Result } from '../../../../src-shared/result.ts';
import type { QueueQuery } from '../../state/queue-store.ts';

/** A row and when the desk computed it (the SLA timer runs on from there). */
export type QueueItem = QueueRow & { readonly readAt: number };

export interface PagerSnapshot {
  readonly items: readonly QueueItem[];
  readonly total: number;
  readonly hasMore: boolean;
  /** `loading` only before the first answer of a query. */
  readonly status: 'loading' | 'ready' | 'error';
  readonly loadingMore: boolean;
  readonly error: AppError | null;
  /** The query being shown (or loading), as a key. */
  readonly queryKey: string;
  /** The query the items answer, as a key: differs from `queryKey` while another query's first page loads. */
  readonly rowsKey: string;
  /** The query the items answer (null before the first answer). */
  readonly rowsQuery: QueueQuery | null;
  /** Counts the first pages received: a new value means the rows now answer another query (or the same one asked anew). */
  readonly answer: number;
}

export interface QueuePagerOptions {
  readonly fetchPage: (input: QueuePageInput) => Promise<Result<QueuePage>>;
  readonly pageSize?: number;
  readonly morePageSize?: number;
  readonly refreshLimit?: number;
  readonly now?: () => number;
}

/** The first page: a screenful and then some (about 15 rows fit); more come as the end nears. */
export const PAGE_SIZE = 50;
/** Later pages are bigger: fewer reads (and fewer row-model rebuilds) while scrolling far. */
export const MORE_PAGE_SIZE = 300;
/** The most rows one read may ask for (queue.page's limit). */
export const REFRESH_PAGE = 500;
/**
 * A refresh re-reads at most this many rows from the top. Beyond them (someone
 * scrolled thousands of rows deep) the rows already loaded stay as they were
 * until scrolled to again, so a sync never costs a re-read of the whole list.
 */
export const REFRESH_LIMIT = 1_000;

export function queryKeyOf(query: QueueQuery): string {
  return JSON.stringify([query.view, query.filters, query.sort, query.search.trim()]);
}

function inputOf(query: QueueQuery, limit: number, after: string | null): QueuePageInput {
  const search = query.search.trim();
  return {
    view: query.view,
    filters: query.filters,
    sort: query.sort,
    limit,
    ...(search === '' ? {} : { search }),
    ...(after === null ? {} : { after }),
  };
}

const EMPTY: PagerSnapshot = { items: [], total: 0, hasMore: false, status: 'loading', loadingMore: false, error: null, queryKey: '', rowsKey: '', rowsQuery: null, answer: 0 };

export class QueuePager {
  readonly #fetchPage: QueuePagerOptions['fetchPage'];
  readonly #pageSize: number;
  readonly #morePageSize: number;
  readonly #refreshLimit: number;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  #snapshot: PagerSnapshot = EMPTY;
  #query: QueueQuery | null = null;
  #cursor: string | null = null;
  #generation = 0;
  #busy = false;
  #refreshQueued = false;

  constructor(options: QueuePagerOptions) {
    this.#fetchPage = options.fetchPage;
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
    this.#morePageSize = options.morePageSize ?? Math.max(this.#pageSize, MORE_PAGE_SIZE);
    this.#refreshLimit = options.refreshLimit ?? REFRESH_LIMIT;
    this.#now = options.now ?? Date.now;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): PagerSnapshot => this.#snapshot;

  #set(patch: Partial<PagerSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #stamp(rows: readonly QueueRow[]): QueueItem[] {
    const readAt = this.#now();
    return rows.map((row) => ({ ...row, readAt }));
  }

  /** Shows another query: from its first page. The same query again is a refresh. */
  setQuery(query: QueueQuery): void {
    const key = queryKeyOf(query);
    if (this.#query !== null && key === this.#snapshot.queryKey) {
      this.#query = query;
      this.refresh();
      return;
    }
    this.#query = query;
    this.#generation += 1;
    this.#cursor = null;
    this.#busy = false;
    this.#refreshQueued = false;
    // The rows of the last query stay until the first page of this one replaces them.
    // (`loadMore` waits for `ready`, so the old rows' `hasMore` cannot fetch for the wrong query.)
    this.#snapshot = { ...this.#snapshot, status: 'loading', loadingMore: false, error: null, queryKey: key };
    this.#notify();
    void this.#read(this.#generation, 'first');
  }

  /** Fetches the next page when there is one and nothing else is being read. */
  loadMore = (): void => {
    if (this.#query === null || this.#busy || !this.#snapshot.hasMore || this.#snapshot.status !== 'ready') return;
    void this.#read(this.#generation, 'more');
  };

  /** Re-reads what is loaded (after a sync changed rows). */
  refresh = (): void => {
    if (this.#query === null) return;
    if (this.#busy) {
      this.#refreshQueued = true;
      return;
    }
    void this.#read(this.#generation, 'refresh');
  };

  async #read(generation: number, kind: 'first' | 'more' | 'refresh'): Promise<void> {
    const query = this.#query;
    if (query === null) return;
    this.#busy = true;
    if (kind === 'more') this.#set({ loadingMore: true });
    try {
      if (kind === 'refresh') await this.#refreshNow(query, generation);
      else await this.#readPage(query, generation, kind);
    } finally {
      if (generation === this.#generation) {
        this.#busy = false;
        if (this.#refreshQueued) {
          this.#refreshQueued = false;
          void this.#read(generation, 'refresh');
        }
      }
    }
  }

  async #readPage(query: QueueQuery, generation: number, kind: 'first' | 'more'): Promise<void> {
    const result = await this.#fetchPage(inputOf(query, kind === 'more' ? this.#morePageSize : this.#pageSize, kind === 'more' ? this.#cursor : null));
    if (generation !== this.#generation) return;
    if (!result.ok) {
      if (kind === 'more' && result.error.code === 'INVALID_CURSOR') {
        // The list changed under the cursor: read it again from the top instead of showing an error.
        this.#set({ loadingMore: false });
        this.#refreshQueued = true;
        return;
      }
      if (kind === 'first') {
        // The rows on screen answer another query: they go, the error stays.
        this.#set({ items: [], total: 0, hasMore: false, status: 'error', error: result.error, loadingMore: false, rowsKey: this.#snapshot.queryKey, rowsQuery: query, answer: this.#snapshot.answer + 1 });
        return;
      }
      this.#set({ status: 'error', error: result.error, loadingMore: false });
      return;
    }
    this.#cursor = result.value.nextCursor;
    const fresh = this.#stamp(result.value.rows);
    this.#set({
      items: kind === 'more' ? [...this.#snapshot.items, ...fresh] : fresh,
      total: result.value.total,
      hasMore: result.value.nextCursor !== null,
      status: 'ready',
      loadingMore: false,
      error: null,
      ...(kind === 'first' ? { rowsKey: this.#snapshot.queryKey, rowsQuery: query, answer: this.#snapshot.answer + 1 } : {}),
    });
  }

  async #refreshNow(query: QueueQuery, generation: number): Promise<void> {
    const loaded = this.#snapshot.items;
    const target = Math.min(Math.max(this.#pageSize, loaded.length), Math.max(this.#pageSize, this.#refreshLimit));
    const items: QueueItem[] = [];
    let cursor: string | null = null;
    let total = this.#snapshot.total;
    do {
      const result: Result<QueuePage> = await this.#fetchPage(inputOf(query, Math.min(REFRESH_PAGE, target - items.length), cursor));
      if (generation !== this.#generation) return;
      if (!result.ok) {
        this.#set({ status: this.#snapshot.items.length > 0 ? 'ready' : 'error', error: result.error });
        return;
      }
      items.push(...this.#stamp(result.value.rows));
      cursor = result.value.nextCursor;
      total = result.value.total;
    } while (cursor !== null && items.length < target);
    if (loaded.length > target && cursor !== null) {
      // Deep in the list: keep the tail as it was, and the cursor after it.
      const head = new Set(items.map((item) => item.id));
      const tail = loaded.slice(target).filter((item) => !head.has(item.id));
      this.#set({ items: [...items, ...tail], total, status: 'ready', error: null });
      return;
    }
    this.#cursor = cursor;
    this.#set({ items, total, hasMore: cursor !== null, status: 'ready', error: null });
  }
}
