/**
 * The desk's local cache as the handlers see it: open, or why it could not
 * be opened. A desk whose cache is unusable still answers the calls that do
 * not need it (calendar, districts, settings); the rest say why in Spanish.
 */
import { fail, type AppError, type Result } from '../../../src-shared/result.ts';
import type { CacheStore } from '../cache/store.ts';

export type CacheAccess = { readonly ok: true; readonly store: CacheStore } | { readonly ok: false; readonly error: AppError };

/** Runs `use` with the open cache, or answers the opening error. */
export async function withCache<T>(cache: CacheAccess, use: (store: CacheStore) => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
  if (!cache.ok) return fail(cache.error.code, cache.error.message, cache.error.details);
  return await use(cache.store);
}

/** Binds a list of values as ONE parameter (`IN (SELECT value FROM json_each(?))`), so statements stay cacheable whatever the list length. */
export function jsonList(values: readonly string[]): string {
  return JSON.stringify(values);
}
