/**
 * Every queue query must be served by an index: no plan step may read the
 * whole tickets table (`SCAN t` without USING). A page of a view without
 * extra filters must also come straight out of an index in sort order (no
 * temp b-tree), so it stops after LIMIT rows however large the queue, and
 * keyset paging must seek inside that index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQueueSql, QUEUE_SORT_KEYS, QUEUE_VIEWS, type QueuePageInput } from '../../../src-main/core/cache/queries/index.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { mustOk, mustOpen, page, seedCompany, tempDir } from './helpers.ts';

let store: CacheStore;
let cleanup: () => void;
const ME = '0b6f3f6e-8f4c-4d0c-9a43-3f1f8d5f2a11';

beforeAll(() => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = mustOpen(tmp.dir);
  mustOk(store.applyPulledPage(page(seedCompany().changes)));
});
afterAll(() => {
  store.close();
  cleanup();
});

function plan(sql: string, params: Record<string, unknown>): string[] {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
}

const isFullTableScan = (detail: string): boolean => /^SCAN (t|tickets)$/.test(detail) || /^SCAN (t|tickets) (?!USING)/.test(detail);

/** A well-formed keyset cursor for the sort (the queue tests check real cursors end to end). */
function cursorFor(key: (typeof QUEUE_SORT_KEYS)[number], dir: 'asc' | 'desc'): string {
  const values = { priority: [0, 1, 1, '2025-01-01T00:00:00.000Z', 'x'], createdAt: ['2025-01-01T00:00:00.000Z', 'x'], number: [10, 'x'], updatedAt: ['2025-01-01T00:00:00.000Z', 'x'] }[key];
  return Buffer.from(JSON.stringify({ s: key, d: dir, v: values })).toString('base64url');
}

const FILTER_VARIANTS: Partial<QueuePageInput>[] = [
  {},
  { filters: { type: ['incidencia'] } },
  { filters: { status: ['new', 'in_progress'] } },
  { filters: { channel: ['email'] } },
  { filters: { urgency: ['critical', 'high'] } },
  { filters: { tier: ['premium'] } },
  { filters: { customerId: [ME] } },
  { filters: { technicianId: [ME] } },
  { filters: { type: ['requerimiento'], channel: ['portal'], urgency: ['low'] } },
  { search: 'impresora 0x61' },
];

describe('queue query plans', () => {
  for (const view of QUEUE_VIEWS) {
    for (const key of QUEUE_SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        it(`${view} sorted by ${key} ${dir}: never a full table scan`, () => {
          for (const variant of FILTER_VARIANTS) {
            for (const after of [undefined, cursorFor(key, dir)]) {
              const built = mustOk(buildQueueSql({ view, sort: { key, dir }, ...variant, ...(after === undefined ? {} : { after }) }, ME));
              const pagePlan = plan(built.page, built.pageParams);
              const countPlan = plan(built.count, built.countParams);
              const label = `${JSON.stringify(variant)} after=${after !== undefined}\n${pagePlan.join('\n')}\n--count--\n${countPlan.join('\n')}`;
              expect(pagePlan.filter(isFullTableScan), label).toEqual([]);
              expect(countPlan.filter(isFullTableScan), label).toEqual([]);
              if (Object.keys(variant).length === 0) {
                expect(pagePlan.some((d) => d.includes('TEMP B-TREE')), label).toBe(false);
                if (after !== undefined) expect(pagePlan.some((d) => /^SEARCH t USING INDEX .*\)[<>]\(/.test(d)), label).toBe(true);
              }
            }
          }
        });
      }
    }
  }

  it('ticket detail, visits and balances are index lookups too', () => {
    const statements: [string, unknown[]][] = [
      ["SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY created_at, id", ['x']],
      ["SELECT * FROM visits WHERE ticket_id = ? ORDER BY starts_at, id", ['x']],
      ["SELECT * FROM time_entries WHERE ticket_id = ? ORDER BY work_date, created_at, id", ['x']],
      ["SELECT * FROM balances WHERE customer_id = ? AND month = ?", ['x', '2025-03']],
      ['SELECT * FROM visits v WHERE v.starts_at >= ? AND v.starts_at < ? AND v.ends_at > ? AND v.technician_id IN (?, ?)', ['a', 'b', 'c', 'd', 'e']],
      ['SELECT * FROM visits v WHERE v.starts_at >= ? AND v.starts_at < ? AND v.ends_at > ?', ['a', 'b', 'c']],
      ['SELECT * FROM balances b WHERE b.month IN (?, ?)', ['2025-02', '2025-03']],
    ];
    for (const [sql, params] of statements) {
      const details = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      expect(details.filter((d) => /^SCAN \w+$/.test(d)), `${sql}\n${details.join('\n')}`).toEqual([]);
    }
  });
});
