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

  // Several technicians, customers or statuses: one ordered walk of the
  // value's index per arm, merged (queue.ts, armsOf) — no arm sorts its
  // matches (a customer's ties on created_at aside: tickets_by_customer ends
  // there), and a cursor seeks inside each arm.
  const OTHER = '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const SPLITS: [string, NonNullable<QueuePageInput['filters']>, readonly (typeof QUEUE_SORT_KEYS)[number][], (key: string) => RegExp][] = [
    ['technicians', { technicianId: [ME, OTHER] }, QUEUE_SORT_KEYS, (key) => new RegExp(`^SEARCH t USING (COVERING )?INDEX tickets_by_assignee_open_${key} \\(assignee_id=\\? AND is_open=\\?`)],
    ['customers', { customerId: [ME, OTHER] }, ['priority', 'createdAt'], (key) => new RegExp(`^SEARCH t USING (COVERING )?INDEX ${key === 'priority' ? 'tickets_by_customer_priority' : 'tickets_by_customer'} \\(customer_id=\\?`)],
    ['statuses', { status: ['new', 'closed'] }, QUEUE_SORT_KEYS, (key) => new RegExp(`^SEARCH t USING (COVERING )?INDEX tickets_by_status_${key} \\(status=\\?`)],
  ];
  const INDEX_SUFFIX = { priority: 'priority', createdAt: 'created', number: 'number', updatedAt: 'updated' } as const;
  for (const [name, filters, keys, armIndex] of SPLITS) {
    it(`'all' filtered by several ${name}: merged ordered index walks, for every sort that has them`, () => {
      // A sort without such an index is read the plain way (an arm would sort its own matches).
      for (const key of QUEUE_SORT_KEYS.filter((k) => !keys.includes(k))) expect(mustOk(buildQueueSql({ view: 'all', filters, sort: { key, dir: 'asc' } }, ME, 1_000_000)).page).not.toContain('UNION ALL');
      for (const key of keys) {
        for (const dir of ['asc', 'desc'] as const) {
          const extras: NonNullable<QueuePageInput['filters']>[] = [{}, { type: ['incidencia'], status: ['new'] }];
          for (const extra of extras) {
            for (const after of [undefined, cursorFor(key, dir)]) {
              const input: QueuePageInput = { view: 'all', filters: { ...filters, ...extra }, sort: { key, dir }, ...(after === undefined ? {} : { after }) };
              const built = mustOk(buildQueueSql(input, ME, 1_000_000));
              const pagePlan = plan(built.page, built.pageParams);
              const label = `${key} ${dir} ${JSON.stringify(extra)} after=${after !== undefined}\n${pagePlan.join('\n')}`;
              const arms = pagePlan.filter((d) => /^(SEARCH|SCAN) t USING (COVERING )?INDEX/.test(d) || d === 'SCAN t');
              expect(arms.length, label).toBeGreaterThanOrEqual(name === 'statuses' && 'status' in extra ? 1 : 2);
              for (const arm of arms) expect(arm, label).toMatch(armIndex(INDEX_SUFFIX[key]));
              if (after !== undefined) for (const arm of arms) expect(arm, label).toMatch(/[<>]\?\)$|\)[<>]\(/);
              if (arms.length > 1) expect(pagePlan, label).toContain('MERGE (UNION ALL)');
              expect(pagePlan.filter((d) => d.includes('TEMP B-TREE') && !(name === 'customers' && key === 'createdAt' && d === 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY')), label).toEqual([]);
              expect(pagePlan.filter(isFullTableScan), label).toEqual([]);
            }
          }
        }
      }
    });
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
