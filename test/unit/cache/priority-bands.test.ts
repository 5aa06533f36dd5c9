/**
 * "Prioridad" in the cache leads with the rank's status band
 * (src-shared/tickets/rank.ts): open work, then cases waiting on the
 * customer or a booked visit, then finished ones — on every view, in both
 * directions, and across keyset pages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type Ticket, type TicketStatus, type Urgency } from '../../../src-shared/protocol/entities.ts';
import { compareRank, rankBand, rankTicket } from '../../../src-shared/tickets/rank.ts';
import type { QueuePageInput, QueueRow } from '../../../src-main/core/cache/queries/index.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { customer, mustOk, mustOpen, page, plan, planAssignment, tempDir, ticket, upsert, user } from './helpers.ts';

let store: CacheStore;
let cleanup: () => void;
const premium = plan({ tier: 'premium', code: 'P' });
const basic = plan({ tier: 'basic', code: 'B' });
const bank = customer({ name: 'Banco Andino', code: 'CLI-0100' });
const shop = customer({ name: 'Bodega Lucía', code: 'CLI-0101' });
const me = user({ name: 'Rosa Quispe' });

beforeEach(() => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = mustOpen(tmp.dir);
  mustOk(
    store.applyPulledPage(
      page([
        upsert('plan', premium),
        upsert('plan', basic),
        upsert('customer', bank),
        upsert('customer', shop),
        upsert('planAssignment', planAssignment(bank.id, premium.id, { effectiveMonth: '2025-01' })),
        upsert('planAssignment', planAssignment(shop.id, basic.id, { effectiveMonth: '2025-01' })),
        upsert('user', me),
      ]),
    ),
  );
  mustOk(store.beginSession('http://127.0.0.1:1', { id: me.id, name: me.name, email: me.email, role: 'technician' }));
});
afterEach(() => {
  store.close();
  cleanup();
});

function load(list: readonly Ticket[]): void {
  mustOk(store.applyPulledPage(page(list.map((t) => upsert('ticket', t)))));
}

function allPages(input: QueuePageInput): QueueRow[] {
  const rows: QueueRow[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const result = mustOk(store.queries.queuePage({ ...input, ...(after === undefined ? {} : { after }) }));
    rows.push(...result.rows);
    if (result.nextCursor === null) return rows;
    after = result.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('priority order by status band', () => {
  it('puts an open low-urgency ticket of a customer without a premium plan before a closed critical premium one', () => {
    const closedCritical = ticket(bank.id, { number: 1, urgency: 'critical', status: 'closed', createdAt: '2025-03-01T13:00:00.000Z', resolvedAt: '2025-03-01T15:00:00.000Z' });
    const openLow = ticket(shop.id, { number: 2, urgency: 'low', status: 'new', createdAt: '2025-03-03T20:00:00.000Z' });
    const waitingHigh = ticket(bank.id, { number: 3, urgency: 'high', status: 'waiting_customer', createdAt: '2025-03-02T13:00:00.000Z', waitingSince: '2025-03-02T14:00:00.000Z' });
    load([closedCritical, openLow, waitingHigh]);

    const rows = mustOk(store.queries.queuePage({ view: 'all', sort: { key: 'priority', dir: 'asc' } })).rows;
    expect(rows.map((r) => r.number)).toEqual([2, 3, 1]);
    // The same order as the explainable rank, whatever "now" is.
    for (const now of [new Date('2025-03-04T15:00:00Z'), new Date('2025-06-30T15:00:00Z')]) {
      const ranked = [closedCritical, openLow, waitingHigh]
        .map((t) => rankTicket({ id: t.id, createdAt: t.createdAt, urgency: t.urgency, tier: t.customerId === bank.id ? 'premium' : 'basic', status: t.status }, now))
        .sort(compareRank);
      expect(ranked.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    }
  });

  it('moves a ticket to its new band when a pulled change or a local edit finishes it', () => {
    const a = ticket(bank.id, { number: 10, urgency: 'critical', status: 'in_progress', assigneeId: me.id });
    const b = ticket(shop.id, { number: 11, urgency: 'low', status: 'in_progress', assigneeId: me.id });
    load([a, b]);
    const order = (): (number | null)[] => mustOk(store.queries.queuePage({ view: 'all' })).rows.map((r) => r.number);
    expect(order()).toEqual([10, 11]);
    load([{ ...a, status: 'resolved', resolvedAt: '2025-03-04T15:00:00.000Z' }]);
    expect(order()).toEqual([11, 10]);
    mustOk(store.applyLocalEdit('ticket.setStatus', { id: b.id, status: 'waiting_customer' }));
    expect(order()).toEqual([11, 10]);
    expect(mustOk(store.queries.queuePage({ view: 'all' })).rows.map((r) => rankBand(r.status))).toEqual([1, 2]);
  });

  it('pages across band boundaries without skipping or repeating a row, on every view, both ways, at any page size', () => {
    // Tickets that tie on everything after the band (same urgency, tier and instant):
    // only the band and the id tell them apart, the worst case for a keyset cursor.
    const statuses: readonly TicketStatus[] = TICKET_STATUSES;
    const urgencies: readonly Urgency[] = ['critical', 'low'];
    const list: Ticket[] = [];
    let n = 100;
    for (const status of statuses) {
      for (const urgency of urgencies) {
        for (const assigneeId of [null, me.id]) {
          for (let copy = 0; copy < 2; copy += 1) {
            n += 1;
            list.push(ticket(copy === 0 ? bank.id : shop.id, { number: n, status, urgency, assigneeId, createdAt: '2025-03-03T15:00:00.000Z' }));
          }
        }
      }
    }
    load(list);
    for (const view of ['all', 'mine', 'unassigned', 'waiting_customer'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = mustOk(store.queries.queuePage({ view, sort: { key: 'priority', dir }, limit: 500 }));
        expect(whole.nextCursor).toBeNull();
        const bands = whole.rows.map((r) => rankBand(r.status));
        expect(bands, `${view} ${dir}`).toEqual([...bands].sort((x, y) => (dir === 'asc' ? x - y : y - x)));
        for (const limit of [1, 2, 3, 5, 7]) {
          const paged = allPages({ view, sort: { key: 'priority', dir }, limit });
          expect(paged.map((r) => r.id), `${view} ${dir} limit ${limit}`).toEqual(whole.rows.map((r) => r.id));
        }
      }
    }
  });
});

describe('status_band column', () => {
  it('equals the rank\'s band for every status', () => {
    const list = TICKET_STATUSES.map((status, i) => ticket(bank.id, { number: 200 + i, status }));
    load(list);
    const rows = store.db.prepare('SELECT status, status_band FROM tickets WHERE number >= 200').all() as { status: TicketStatus; status_band: number }[];
    expect(rows).toHaveLength(TICKET_STATUSES.length);
    for (const row of rows) expect(row.status_band, row.status).toBe(rankBand(row.status));
  });
});
