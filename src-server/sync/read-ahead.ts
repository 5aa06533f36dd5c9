/**
 * Read-ahead for the initial load. A desk pulling from no cursor walks the
 * core and history stages page after page, and stores them in batches: while
 * it writes one batch (a synchronous SQLite transaction of up to 50 pages, its BATCH_ROWS) it
 * asks for nothing, so a server that only answers what is asked sits idle
 * for as long as the desk writes, and the desk then waits for the server
 * page by page. Here, after answering a core or history page, the server
 * goes on building the pages that follow it — up to AHEAD_ROWS rows ahead,
 * each a REPEATABLE READ pull of its own, two in the making at a time — and
 * hands them out when the desk asks for them with the cursor it was given:
 * the two machines' work overlaps.
 *
 * Why a page built early is still a right answer: it is exactly the answer
 * to a pull made at that moment (pull.ts), with the same cursor. Its rows
 * are below that moment's snapshot xmin, so nothing can commit behind the
 * cursor it returns; whatever commits later is delivered after it; and its
 * `lastSeq` is read in the same snapshot as its rows, so a desk that pushed
 * in between keeps holding its pending edits over rows that do not show
 * them yet — what it does for any slow answer.
 *
 * Ordinary pulls (stage `changes`) are answered as asked: they are small,
 * and should be as fresh as possible. A chain belongs to one actor, one desk
 * (clientId) and one page size; a request with any other cursor (the desk
 * restarted from its last stored cursor, or a second tab of the same desk)
 * drops the chain and is answered fresh. Chains left alone expire.
 */
import type { Db } from '../db/types.ts';
import { pull, type OnNextCursor, type PulledPage, type PullRequest } from './pull.ts';

/**
 * Rows built ahead of the desk: one batch of its initial load (the core stage's BATCH_ROWS), so the
 * next batch is ready when it has stored this one. About 30 MB of page text per chain at most.
 */
export const AHEAD_ROWS = 50_000;
/** A chain nobody asked from for this long is dropped. */
export const CHAIN_TTL_MS = 30_000;
/** Initial loads read ahead at once; the oldest chain goes first. */
export const MAX_CHAINS = 4;

type NextCursor = Parameters<OnNextCursor>[0];

interface Built {
  readonly cursor: string;
  readonly page: Promise<PulledPage | null>;
  /** Where the page after it starts, known once its log rows are read (null: none leads on, or it failed). */
  readonly next: Promise<NextCursor>;
  /** Log rows in the page, once read (0 until then). */
  rows: number;
}

interface Chain {
  /** Pages built (or being built), in order; the first answers `next`. */
  readonly pages: Built[];
  /** The cursor the desk will ask with next. */
  next: string;
  touchedAt: number;
  dropped: boolean;
  /** Whether a page is being built now (one at a time per chain). */
  building: boolean;
}

export interface ReadAheadOptions {
  readonly aheadRows?: number;
  readonly ttlMs?: number;
  readonly maxChains?: number;
  readonly now?: () => number;
}

export interface ReadAheadStats {
  /** Pages answered from a page built ahead. */
  readonly hits: number;
  /** Pages answered fresh. */
  readonly misses: number;
  readonly chains: number;
}

export interface ReadAhead {
  pull(actorId: string, request: PullRequest): Promise<PulledPage>;
  stats(): ReadAheadStats;
  /** Drops every chain (server shutting down). */
  clear(): void;
}

/** A page of the initial load that has a next page to build. */
const leadsOn = (page: PulledPage): boolean => page.stage !== undefined && page.hasMore;

export function createReadAhead(db: Db, options: ReadAheadOptions = {}): ReadAhead {
  const aheadRows = options.aheadRows ?? AHEAD_ROWS;
  const ttlMs = options.ttlMs ?? CHAIN_TTL_MS;
  const maxChains = options.maxChains ?? MAX_CHAINS;
  const now = options.now ?? Date.now;
  const chains = new Map<string, Chain>();
  let hits = 0;
  let misses = 0;

  const drop = (key: string): void => {
    const chain = chains.get(key);
    if (chain === undefined) return;
    chain.dropped = true;
    chains.delete(key);
  };

  const expire = (): void => {
    const at = now();
    for (const [key, chain] of chains) if (at - chain.touchedAt > ttlMs) drop(key);
  };

  const rowsAhead = (chain: Chain): number => chain.pages.reduce((sum, built) => sum + built.rows, 0);

  /** Builds pages after the last one of the chain until it holds aheadRows rows, or the stage runs out. */
  const extend = (chain: Chain, request: Omit<PullRequest, 'cursor'>): void => {
    if (chain.building || chain.dropped) return;
    const last = chain.pages.at(-1);
    const cursor = last === undefined ? chain.next : null;
    const build = async (): Promise<void> => {
      chain.building = true;
      try {
        let from = cursor;
        if (from === null) {
          const next = await last?.next;
          if (next === null || next === undefined) return;
          from = next.cursor;
        }
        // Two pages in the making at a time: one's JSON is built (PostgreSQL, then this
        // process splicing it) while the next one's log rows are read, so the two overlap.
        let previous: Promise<unknown> = Promise.resolve();
        while (!chain.dropped && rowsAhead(chain) < aheadRows) {
          let tell: OnNextCursor = () => {};
          const next = new Promise<NextCursor>((resolve) => {
            tell = resolve;
          });
          const page = pull(db, { ...request, cursor: from }, tell).catch(() => null);
          const built: Built = { cursor: from, page, next, rows: 0 };
          chain.pages.push(built);
          const known = await next;
          if (known === null) return;
          built.rows = known.rows;
          from = known.cursor;
          await previous;
          previous = page;
        }
      } finally {
        chain.building = false;
      }
    };
    void build();
  };

  return {
    async pull(actorId, request) {
      expire();
      const key = `${actorId}\u0000${request.clientId}\u0000${request.limit}`;
      const chain = chains.get(key);
      let page: PulledPage | null = null;
      if (chain !== undefined && request.cursor !== undefined && chain.next === request.cursor && chain.pages[0]?.cursor === request.cursor) {
        const built = chain.pages.shift();
        page = (await built?.page) ?? null;
        if (page !== null) hits += 1;
      }
      if (page === null) {
        // No chain, another cursor, or the page built ahead failed: answer fresh, start over.
        drop(key);
        misses += 1;
        page = await pull(db, request);
      }
      if (!leadsOn(page)) {
        drop(key);
        return page;
      }
      let current = chains.get(key);
      if (current === undefined) {
        if (chains.size >= maxChains) {
          const oldest = [...chains.entries()].sort((a, b) => a[1].touchedAt - b[1].touchedAt)[0];
          if (oldest !== undefined) drop(oldest[0]);
        }
        current = { pages: [], next: page.cursor, touchedAt: now(), dropped: false, building: false };
        chains.set(key, current);
      }
      current.next = page.cursor;
      current.touchedAt = now();
      extend(current, { clientId: request.clientId, limit: request.limit });
      return page;
    },
    stats: () => ({ hits, misses, chains: chains.size }),
    clear() {
      for (const key of [...chains.keys()]) drop(key);
    },
  };
}
