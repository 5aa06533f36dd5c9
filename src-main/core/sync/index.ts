/**
 * What the desk core needs to open its data and keep it in sync: the cache
 * (outbox.db + cache.db in the data directory) and the engine bound to it.
 * See the wiring notes in SyncEngine and CacheStore.
 */
import type { Result } from '../../../src-shared/result.ts';
import { ok } from '../../../src-shared/result.ts';
import { openCache } from '../cache/open.ts';
import type { CacheStore } from '../cache/store.ts';
import type { CoreLogger } from '../log.ts';
import { SyncEngine, type SyncEngineOptions } from './engine.ts';
import type { FetchLike } from './http.ts';
import type { TokenStore } from './token-store.ts';

export interface DeskDataOptions {
  /** The desk's data directory. */
  readonly dir: string;
  readonly serverUrl: string;
  readonly tokens: TokenStore;
  readonly fetch?: FetchLike;
  readonly logger?: CoreLogger;
  readonly now?: () => Date;
  readonly engine?: Partial<Omit<SyncEngineOptions, 'cache' | 'serverUrl' | 'tokens'>>;
}

export interface DeskData {
  readonly cache: CacheStore;
  readonly engine: SyncEngine;
  /** Stops syncing, then closes the database. */
  close(): Promise<void>;
}

export function openDeskData(options: DeskDataOptions): Result<DeskData> {
  const opened = openCache({ dir: options.dir, ...(options.logger === undefined ? {} : { logger: options.logger }), ...(options.now === undefined ? {} : { now: options.now }) });
  if (!opened.ok) return opened;
  const cache = opened.value;
  const engine = new SyncEngine({
    cache,
    serverUrl: options.serverUrl,
    tokens: options.tokens,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...options.engine,
  });
  return ok({
    cache,
    engine,
    async close() {
      await engine.stop();
      cache.close();
    },
  });
}

export { SyncEngine, type SyncEngineOptions } from './engine.ts';
export { memoryTokenStore, type TokenStore } from './token-store.ts';
export type { FetchLike } from './http.ts';
