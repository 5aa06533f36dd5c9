/**
 * Read-only lookups over the cache: customers (search box), users (pickers),
 * visits of a day or week (dispatch board), and monthly balances (Horas).
 */
import type { z } from 'zod';
import type { CustomerHitSchema } from '../../../src-shared/ipc/work-calls.ts';
import type { Tier } from '../../../src-shared/protocol/entities.ts';
import { ok } from '../../../src-shared/result.ts';
import { limaDayRange, limaWeekRange } from '../cache/queries/index.ts';
import { rowToEntity, selectList } from '../cache/rows.ts';
import { withCache, type CacheAccess } from './cache-access.ts';
import type { DomainModule } from './types.ts';

type CustomerHit = z.infer<typeof CustomerHitSchema>;

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  ruc: string | null;
  emails: string;
  district_ubigeo: string;
  tier: string | null;
  active: number;
}

/** Lower case without accents, so "rimac" finds "Rímac" and "pena" finds "Peña". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Customers whose name, code, RUC or a registered email contains every word
 * of the query (accents and case ignored). Matches at the start of the code
 * or name first, then active before inactive, then by name. An empty query
 * lists the first customers by name. The customer list is small (hundreds to
 * a few thousand rows), so it is filtered here rather than with LIKE, which
 * in SQLite folds neither accents nor non-ASCII case.
 */
export function searchCustomers(rows: readonly CustomerRow[], query: string, limit: number): CustomerHit[] {
  const words = foldForSearch(query).split(/\s+/).filter((w) => w !== '');
  const scored: { row: CustomerRow; emails: string[]; starts: boolean }[] = [];
  for (const row of rows) {
    const emails = JSON.parse(row.emails) as string[];
    const haystack = foldForSearch([row.name, row.code, row.ruc ?? '', ...emails].join(' '));
    if (!words.every((w) => haystack.includes(w))) continue;
    const first = words[0] ?? '';
    const starts = first !== '' && (foldForSearch(row.code).startsWith(first) || foldForSearch(row.name).startsWith(first));
    scored.push({ row, emails, starts });
  }
  scored.sort((a, b) => Number(b.starts) - Number(a.starts) || b.row.active - a.row.active || a.row.name.localeCompare(b.row.name, 'es'));
  return scored.slice(0, limit).map(({ row, emails }) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    districtUbigeo: row.district_ubigeo,
    tier: row.tier as Tier | null,
    emails,
  }));
}

export function createDirectoryModule(cache: CacheAccess): DomainModule<'customers.search' | 'users.list' | 'visits.range' | 'balances.month'> {
  return {
    handlers: {
      'customers.search': async ({ query, limit }) =>
        withCache(cache, (store) => {
          const rows = store.statement('SELECT id, code, name, ruc, emails, district_ubigeo, tier, active FROM customers').all() as CustomerRow[];
          return ok(searchCustomers(rows, query, limit));
        }),
      'users.list': async ({ role }) =>
        withCache(cache, (store) => {
          const rows = (
            role === undefined
              ? store.statement(`SELECT ${selectList('user')} FROM users ORDER BY active DESC, name COLLATE NOCASE, id`).all()
              : store.statement(`SELECT ${selectList('user')} FROM users WHERE role = ? ORDER BY active DESC, name COLLATE NOCASE, id`).all(role)
          ) as Record<string, unknown>[];
          return ok(rows.map((r) => rowToEntity('user', r)));
        }),
      'visits.range': async ({ date, span, technicianIds }) =>
        withCache(cache, (store) => {
          const range = span === 'day' ? limaDayRange(date) : limaWeekRange(date);
          if (!range.ok) return range;
          return ok(store.queries.visitsInRange({ ...range.value, ...(technicianIds === undefined ? {} : { technicianIds }) }));
        }),
      'balances.month': async ({ month, customerIds }) =>
        withCache(cache, (store) => ok(store.queries.monthlyBalances({ months: [month], ...(customerIds === undefined ? {} : { customerIds }) }))),
    },
  };
}
