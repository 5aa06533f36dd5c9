import { describe, expect, it } from 'vitest';
import type { QueuePage, QueuePageInput, QueueRow } from '../../../src-shared/ipc/work-calls.ts';
import type { Result } from '../../../src-shared/result.ts';
import { PAGE_SIZE, QueuePager, queryKeyOf } from '../../../src-renderer/src/pages/queue/queue-pager.ts';
import type { QueueQuery } from '../../../src-renderer/src/state/queue-store.ts';

function row(n: number, status: QueueRow['status'] = 'new'): QueueRow {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: n,
    subject: `Ticket ${n}`,
    type: 'incidencia',
    channel: 'portal',
    urgency: 'medium',
    status,
    customerId: '00000000-0000-4000-8000-00000000c001',
    customerName: 'Cliente',
    assigneeId: null,
    assigneeName: null,
    tier: 'basic',
    createdAt: '2026-03-23T15:00:00Z',
    updatedAt: '2026-03-23T15:00:00Z',
    pendingSync: false,
    rank: { score: n, explanation: { es: 'es', en: 'en' } },
    sla: { state: 'none', dueAt: null, minutesLeft: null },
  };
}

/**
 * A desk that answers queue.page from an in-memory list with cursors that are
 * the index to start at, and holds every answer until the test releases it.
 */
class FakeDesk {
  rows: QueueRow[];
  readonly calls: QueuePageInput[] = [];
  readonly pending: Array<() => void> = [];
  failNext: Result<QueuePage> | null = null;

  constructor(count: number) {
    this.rows = Array.from({ length: count }, (_, i) => row(i + 1));
  }

  fetchPage = (input: QueuePageInput): Promise<Result<QueuePage>> => {
    this.calls.push(input);
    return new Promise((resolve) => {
      this.pending.push(() => {
        if (this.failNext) {
          const failure = this.failNext;
          this.failNext = null;
          resolve(failure);
          return;
        }
        const start = input.after === undefined ? 0 : Number(input.after);
        const limit = input.limit ?? 50;
        const rows = this.rows.slice(start, start + limit);
        const next = start + limit < this.rows.length ? String(start + limit) : null;
        resolve({ ok: true, value: { rows, total: this.rows.length, nextCursor: next } });
      });
    });
  };

  /** Lets the oldest held answer through and waits for the pager to take it. */
  async answer(): Promise<void> {
    const next = this.pending.shift();
    if (!next) throw new Error('no call is waiting for an answer');
    next();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const query = (patch: Partial<QueueQuery> = {}): QueueQuery => ({ view: 'all', filters: {}, sort: { key: 'priority', dir: 'asc' }, search: '', ...patch });

describe('queue pager', () => {
  it('reads the first page, then more pages with the cursor it was given', async () => {
    const desk = new FakeDesk(250);
    const pager = new QueuePager({ fetchPage: desk.fetchPage, pageSize: 100, morePageSize: 100 });
    pager.setQuery(query());
    expect(pager.getSnapshot().status).toBe('loading');
    await desk.answer();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 250, hasMore: true });
    expect(pager.getSnapshot().items).toHaveLength(100);

    pager.loadMore();
    pager.loadMore(); // one read at a time
    expect(desk.calls).toHaveLength(2);
    expect(desk.calls[1]).toMatchObject({ after: '100', limit: 100 });
    expect(pager.getSnapshot().loadingMore).toBe(true);
    await desk.answer();
    pager.loadMore();
    await desk.answer();
    const snapshot = pager.getSnapshot();
    expect(snapshot.items.map((i) => i.number)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(snapshot.hasMore).toBe(false);
    pager.loadMore();
    expect(desk.calls).toHaveLength(3);
  });

  it('sends the query as the desk expects it: trimmed search, no empty search', async () => {
    const desk = new FakeDesk(3);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query({ view: 'mine', search: '  impresora ', filters: { urgency: ['critical'] } }));
    expect(desk.calls[0]).toEqual({ view: 'mine', filters: { urgency: ['critical'] }, sort: { key: 'priority', dir: 'asc' }, limit: PAGE_SIZE, search: 'impresora' });
    pager.setQuery(query({ search: '   ' }));
    expect(desk.calls[1]).not.toHaveProperty('search');
  });

  it('drops answers to a query that was replaced', async () => {
    const desk = new FakeDesk(10);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query({ view: 'mine' }));
    desk.rows = [row(99)];
    pager.setQuery(query({ view: 'all' }));
    await desk.answer(); // the answer to "mine" arrives late
    expect(pager.getSnapshot().status).toBe('loading');
    await desk.answer();
    expect(pager.getSnapshot().items.map((i) => i.number)).toEqual([99]);
    expect(pager.getSnapshot().queryKey).toBe(queryKeyOf(query({ view: 'all' })));
  });

  it('refreshes everything loaded in place, in pages of at most 500, keeping the cursor after it', async () => {
    const desk = new FakeDesk(1200);
    const pager = new QueuePager({ fetchPage: desk.fetchPage, pageSize: 300, morePageSize: 300 });
    pager.setQuery(query());
    await desk.answer();
    pager.loadMore();
    await desk.answer();
    pager.loadMore();
    await desk.answer();
    expect(pager.getSnapshot().items).toHaveLength(900);

    desk.rows[5] = row(6, 'resolved');
    pager.refresh();
    await desk.answer();
    // Nothing flashes while the refresh is half done.
    expect(pager.getSnapshot().items).toHaveLength(900);
    expect(pager.getSnapshot().items[5]?.status).toBe('new');
    await desk.answer();
    const snapshot = pager.getSnapshot();
    expect(desk.calls.slice(-2).map((c) => c.limit)).toEqual([500, 400]);
    expect(snapshot.items).toHaveLength(900);
    expect(snapshot.items[5]?.status).toBe('resolved');
    pager.loadMore();
    expect(desk.calls.at(-1)).toMatchObject({ after: '900' });
  });

  it('re-reads only the top of a very long list, keeping the tail and the cursor after it', async () => {
    const desk = new FakeDesk(3000);
    const pager = new QueuePager({ fetchPage: desk.fetchPage, pageSize: 100, morePageSize: 500, refreshLimit: 1000 });
    pager.setQuery(query());
    await desk.answer();
    for (let i = 0; i < 4; i += 1) {
      pager.loadMore();
      await desk.answer();
    }
    expect(pager.getSnapshot().items).toHaveLength(2100);
    expect(desk.calls.at(-1)).toMatchObject({ after: '1600', limit: 500 });

    desk.rows[10] = row(11, 'resolved');
    desk.rows[1500] = row(1501, 'resolved');
    pager.refresh();
    await desk.answer();
    await desk.answer();
    expect(desk.calls.slice(-2).map((c) => c.limit)).toEqual([500, 500]);
    const snapshot = pager.getSnapshot();
    expect(snapshot.items).toHaveLength(2100);
    expect(snapshot.items[10]?.status).toBe('resolved');
    expect(snapshot.items[1500]?.status).toBe('new'); // beyond the limit: as loaded
    pager.loadMore();
    expect(desk.calls.at(-1)).toMatchObject({ after: '2100' });
  });

  it('runs a refresh asked for during a read once, right after it', async () => {
    const desk = new FakeDesk(50);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query());
    pager.refresh();
    pager.refresh();
    expect(desk.calls).toHaveLength(1);
    await desk.answer();
    expect(desk.calls).toHaveLength(2);
    await desk.answer();
    expect(desk.calls).toHaveLength(2);
  });

  it('keeps the rows on screen when a read fails, and says why', async () => {
    const desk = new FakeDesk(150);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query());
    await desk.answer();
    desk.failNext = { ok: false, error: { code: 'DESK_UNAVAILABLE', message: 'sin escritorio' } };
    pager.loadMore();
    await desk.answer();
    expect(pager.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'DESK_UNAVAILABLE' } });
    expect(pager.getSnapshot().items).toHaveLength(PAGE_SIZE);

    desk.failNext = { ok: false, error: { code: 'DESK_UNAVAILABLE', message: 'sin escritorio' } };
    const fresh = new QueuePager({ fetchPage: desk.fetchPage });
    fresh.setQuery(query());
    await desk.answer();
    expect(fresh.getSnapshot()).toMatchObject({ status: 'error', items: [] });
  });

  it('starts over from the top when the cursor is no longer valid', async () => {
    const desk = new FakeDesk(150);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query());
    await desk.answer();
    desk.failNext = { ok: false, error: { code: 'INVALID_CURSOR', message: 'posición no válida' } };
    pager.loadMore();
    await desk.answer();
    expect(pager.getSnapshot().error).toBeNull();
    expect(desk.calls.at(-1)).not.toHaveProperty('after');
    await desk.answer();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', hasMore: true });
  });

  it('stamps rows with when the desk answered, for the SLA clock', async () => {
    const desk = new FakeDesk(2);
    let now = 1_000;
    const pager = new QueuePager({ fetchPage: desk.fetchPage, now: () => now });
    pager.setQuery(query());
    now = 5_000;
    await desk.answer();
    expect(pager.getSnapshot().items.map((i) => i.readAt)).toEqual([5_000, 5_000]);
  });

  it('keeps the last query\'s rows on screen while another loads, and says whose they are', async () => {
    const desk = new FakeDesk(30);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query({ view: 'mine' }));
    await desk.answer();
    const mine = pager.getSnapshot();
    expect(mine).toMatchObject({ status: 'ready', answer: 1, queryKey: queryKeyOf(query({ view: 'mine' })), rowsKey: queryKeyOf(query({ view: 'mine' })) });

    desk.rows = [row(7), row(8)];
    pager.setQuery(query({ view: 'unassigned' }));
    const loading = pager.getSnapshot();
    expect(loading).toMatchObject({ status: 'loading', answer: 1, queryKey: queryKeyOf(query({ view: 'unassigned' })), rowsKey: mine.rowsKey });
    expect(loading.items).toBe(mine.items);
    pager.loadMore(); // not for the rows of another query
    expect(desk.calls).toHaveLength(2);

    await desk.answer();
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', answer: 2, total: 2, rowsKey: queryKeyOf(query({ view: 'unassigned' })) });
    expect(pager.getSnapshot().items.map((i) => i.number)).toEqual([7, 8]);

    pager.refresh(); // a re-read is not a new answer
    await desk.answer();
    expect(pager.getSnapshot().answer).toBe(2);
  });

  it('drops the last query\'s rows when the first read of another fails', async () => {
    const desk = new FakeDesk(5);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    pager.setQuery(query());
    await desk.answer();
    desk.failNext = { ok: false, error: { code: 'DESK_UNAVAILABLE', message: 'sin escritorio' } };
    pager.setQuery(query({ view: 'mine' }));
    await desk.answer();
    expect(pager.getSnapshot()).toMatchObject({ status: 'error', items: [], total: 0, error: { code: 'DESK_UNAVAILABLE' }, rowsKey: queryKeyOf(query({ view: 'mine' })) });
  });

  it('tells subscribers about every change, and stops when they leave', async () => {
    const desk = new FakeDesk(2);
    const pager = new QueuePager({ fetchPage: desk.fetchPage });
    let calls = 0;
    const stop = pager.subscribe(() => (calls += 1));
    pager.setQuery(query());
    expect(calls).toBe(1); // the new query shows as loading at once
    await desk.answer();
    expect(calls).toBe(2);
    const seen = calls;
    stop();
    pager.refresh();
    await desk.answer();
    expect(calls).toBe(seen);
  });
});
