import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-shared/protocol/entities.ts';
import { rankBand } from '../../../src-shared/tickets/rank.ts';
import { limaDayRange, limaWeekRange, toFtsQuery, type QueuePageInput, type QueueRow } from '../../../src-main/core/cache/queries/index.ts';
import type { QueryContext } from '../../../src-main/core/cache/queries/context.ts';
import { QUEUE_SORT_KEYS, queuePage, WALK_SORT_INDEX_ABOVE } from '../../../src-main/core/cache/queries/queue.ts';
import { StatementCache } from '../../../src-main/core/cache/sqlite.ts';
import type { CacheStore } from '../../../src-main/core/cache/store.ts';
import { balance, customer, mustOk, mustOpen, page, plan, planAssignment, tempDir, ticket, ticketEvent, timeEntry, upsert, user, visit } from './helpers.ts';

let store: CacheStore;
let cleanup: () => void;
const premium = plan({ tier: 'premium', code: 'P' });
const basic = plan({ tier: 'basic', code: 'B' });
const clinic = customer({ name: 'Clínica Santa Rosa', code: 'CLI-0002' });
const hardware = customer({ name: 'Ferretería Ñandú EIRL', code: 'CLI-0003' });
const me = user({ name: 'Rosa Quispe' });
const other = user({ name: 'Luis Mamani' });
const tickets: Ticket[] = [];

beforeAll(() => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = mustOpen(tmp.dir);
  const statuses = ['new', 'in_progress', 'waiting_customer', 'onsite_pending', 'onsite_scheduled', 'resolved', 'closed', 'cancelled'] as const;
  const urgencies = ['low', 'medium', 'high', 'critical'] as const;
  for (let i = 0; i < 120; i += 1) {
    tickets.push(
      ticket(i % 3 === 0 ? clinic.id : hardware.id, {
        number: i % 17 === 0 ? null : 1000 + i,
        subject: i % 10 === 0 ? `Impresora ${i} no imprime` : `Consulta ${i}`,
        description: i === 7 ? 'El usuario escribió "NEAR(" y * en el buscador; ¿se rompe?' : `Detalle del caso ${i}`,
        status: statuses[i % statuses.length]!,
        urgency: urgencies[(i * 7) % 4]!,
        type: i % 2 === 0 ? 'incidencia' : 'requerimiento',
        channel: (['portal', 'email', 'phone'] as const)[i % 3]!,
        assigneeId: i % 4 === 0 ? null : i % 4 === 1 ? me.id : other.id,
        // Same instant for several tickets: ties must still page deterministically by id.
        createdAt: new Date(Date.UTC(2025, 2, 1, 13, Math.floor(i / 3))).toISOString(),
        updatedAt: new Date(Date.UTC(2025, 2, 5, 13, 120 - i)).toISOString(),
      }),
    );
  }
  mustOk(
    store.applyPulledPage(
      page([
        upsert('plan', premium),
        upsert('plan', basic),
        upsert('customer', clinic),
        upsert('customer', hardware),
        upsert('planAssignment', planAssignment(clinic.id, premium.id, { effectiveMonth: '2025-01' })),
        upsert('planAssignment', planAssignment(hardware.id, basic.id, { effectiveMonth: '2025-03' })),
        upsert('user', me),
        upsert('user', other),
        ...tickets.map((t) => upsert('ticket', t)),
      ]),
    ),
  );
  mustOk(store.beginSession('http://127.0.0.1:1', { id: me.id, name: me.name, email: me.email, role: 'technician' }));
});
afterAll(() => {
  store.close();
  cleanup();
});

function allPages(input: QueuePageInput): { rows: QueueRow[]; totals: number[] } {
  const rows: QueueRow[] = [];
  const totals: number[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const result = mustOk(store.queries.queuePage({ ...input, ...(after === undefined ? {} : { after }) }));
    rows.push(...result.rows);
    totals.push(result.total);
    if (result.nextCursor === null) return { rows, totals };
    after = result.nextCursor;
  }
  throw new Error('paging did not end');
}

const OPEN = new Set(['new', 'in_progress', 'waiting_customer', 'onsite_pending', 'onsite_scheduled']);
const URGENCY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const tierRankOf = (t: Ticket) => (t.customerId === clinic.id ? 0 : 2);

describe('queue pages', () => {
  const views: [QueuePageInput['view'], (t: Ticket) => boolean][] = [
    ['mine', (t) => t.assigneeId === me.id && OPEN.has(t.status)],
    ['unassigned', (t) => t.assigneeId === null && OPEN.has(t.status)],
    ['onsite_pending', (t) => t.status === 'onsite_pending'],
    ['waiting_customer', (t) => t.status === 'waiting_customer'],
    ['all', () => true],
  ];
  for (const [view, expected] of views) {
    it(`${view}: keyset pages cover exactly the matching tickets, in priority order, with a stable total`, () => {
      const { rows, totals } = allPages({ view, limit: 7 });
      const want = tickets.filter(expected);
      expect(rows.map((r) => r.id).sort()).toEqual(want.map((t) => t.id).sort());
      expect(new Set(totals)).toEqual(new Set([want.length]));
      const keys = rows.map((r) => [rankBand(r.status), URGENCY_RANK[r.urgency as keyof typeof URGENCY_RANK], r.tier === 'premium' ? 0 : 2, r.createdAt, r.id] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3].localeCompare(b[3]) || a[4].localeCompare(b[4]));
      expect(keys).toEqual(sorted);
    });
  }

  it('priority puts open work first, then critical, then the better tier, then the oldest', () => {
    const first = mustOk(store.queries.queuePage({ view: 'all', limit: 3 })).rows;
    expect(first.every((r) => r.urgency === 'critical' && rankBand(r.status) === 0)).toBe(true);
    expect(first[0]?.tier).toBe('premium');
    const ids = tickets
      .filter((t) => rankBand(t.status) === 0 && t.urgency === 'critical' && tierRankOf(t) === 0)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    expect(first[0]?.id).toBe(ids[0]?.id);
  });

  it('priority follows the rank\'s status bands: every open ticket before every waiting one, and those before every finished one', () => {
    const { rows } = allPages({ view: 'all', limit: 9 });
    const bands = rows.map((r) => rankBand(r.status));
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
    expect(new Set(bands)).toEqual(new Set([0, 1, 2]));
    // Descending is the exact reverse, band included.
    const { rows: reversed } = allPages({ view: 'all', sort: { key: 'priority', dir: 'desc' }, limit: 9 });
    expect(reversed.map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse());
  });

  for (const [key, dir] of [['number', 'desc'], ['createdAt', 'asc'], ['updatedAt', 'desc'], ['createdAt', 'desc']] as const) {
    it(`sorts by ${key} ${dir} across pages (tickets without a number sort as newest)`, () => {
      const { rows } = allPages({ view: 'all', sort: { key, dir }, limit: 11 });
      expect(rows).toHaveLength(tickets.length);
      const value = (r: QueueRow): string => (key === 'number' ? String(r.number ?? Number.MAX_SAFE_INTEGER).padStart(20, '0') : key === 'createdAt' ? r.createdAt : r.updatedAt);
      const pairs = rows.map((r) => `${value(r)}|${r.id}`);
      const sorted = [...pairs].sort();
      expect(pairs).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    });
  }

  it('filters combine with AND, values within a filter with OR', () => {
    const { rows, totals } = allPages({ view: 'all', filters: { type: ['incidencia'], channel: ['portal', 'email'], urgency: ['high', 'critical'], tier: ['premium'] }, limit: 5 });
    const want = tickets.filter((t) => t.type === 'incidencia' && t.channel !== 'phone' && (t.urgency === 'high' || t.urgency === 'critical') && t.customerId === clinic.id);
    expect(rows.map((r) => r.id).sort()).toEqual(want.map((t) => t.id).sort());
    expect(totals[0]).toBe(want.length);
    const byTech = mustOk(store.queries.queuePage({ view: 'all', filters: { technicianId: [other.id], status: ['closed'] }, limit: 500 }));
    expect(byTech.rows.map((r) => r.id).sort()).toEqual(tickets.filter((t) => t.assigneeId === other.id && t.status === 'closed').map((t) => t.id).sort());
    expect(byTech.rows.every((r) => r.assigneeName === 'Luis Mamani')).toBe(true);
  });

  it('uses this month\'s plan for the tier (a plan effective from March applies in March)', () => {
    const rows = mustOk(store.queries.queuePage({ view: 'all', filters: { customerId: [hardware.id] }, limit: 1 })).rows;
    expect(rows[0]).toMatchObject({ tier: 'basic', customerName: 'Ferretería Ñandú EIRL' });
  });

  it('refuses a cursor from another sort or a forged one', () => {
    const first = mustOk(store.queries.queuePage({ view: 'all', limit: 2 }));
    expect(store.queries.queuePage({ view: 'all', sort: { key: 'number', dir: 'asc' }, after: first.nextCursor! })).toMatchObject({ ok: false, error: { code: 'INVALID_CURSOR' } });
    expect(store.queries.queuePage({ view: 'all', after: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'INVALID_CURSOR' } });
    expect(store.queries.queuePage({ view: 'all', after: Buffer.from('{"s":"priority","d":"asc","v":[0,0,0,"x"]}').toString('base64url') })).toMatchObject({ ok: false });
    expect(store.queries.queuePage({ view: 'nope' as 'all' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('pages split into one index walk per technician, customer or status', () => {
  // The desk reads such a filter as a merge of ordered index walks
  // (queue.ts, armsOf) when many tickets match, or alone; both ways and the
  // plain sorted read must give the same order, and keyset pages must cover
  // it exactly, whatever the page size.
  const FINISHED = new Set(['resolved', 'closed', 'cancelled']);
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
  const sortKey = (key: (typeof QUEUE_SORT_KEYS)[number], t: Ticket): (string | number)[] => {
    switch (key) {
      case 'priority':
        return [rankBand(t.status), URGENCY_RANK[t.urgency], tierRankOf(t), t.createdAt, t.id];
      case 'createdAt':
        return [t.createdAt, t.id];
      case 'number':
        return [t.number ?? Number.MAX_SAFE_INTEGER, t.id];
      case 'updatedAt':
        return [t.updatedAt, t.id];
    }
  };
  const cases: [string, NonNullable<QueuePageInput['filters']>, (t: Ticket) => boolean][] = [
    ['two technicians, one of them twice', { technicianId: [me.id, other.id, me.id] }, (t) => t.assigneeId !== null],
    ['a technician and finished statuses (closed tickets only)', { technicianId: [other.id], status: ['closed', 'cancelled'] }, (t) => t.assigneeId === other.id && (t.status === 'closed' || t.status === 'cancelled')],
    ['a technician, an open and a finished status, channels', { technicianId: [me.id], status: ['in_progress', 'resolved'], channel: ['portal', 'email'] }, (t) => t.assigneeId === me.id && (t.status === 'in_progress' || t.status === 'resolved') && t.channel !== 'phone'],
    ['two customers', { customerId: [clinic.id, hardware.id] }, () => true],
    ['a customer and a channel', { customerId: [hardware.id], channel: ['email'] }, (t) => t.customerId === hardware.id && t.channel === 'email'],
    ['technicians and a customer', { technicianId: [me.id, other.id], customerId: [clinic.id] }, (t) => t.assigneeId !== null && t.customerId === clinic.id],
    ['three statuses, one of them twice', { status: ['new', 'resolved', 'waiting_customer', 'new'] }, (t) => ['new', 'resolved', 'waiting_customer'].includes(t.status)],
    ['a status, urgencies and a type', { status: ['in_progress', 'closed'], urgency: ['high', 'critical'], type: ['incidencia'] }, (t) => (t.status === 'in_progress' || t.status === 'closed') && (t.urgency === 'high' || t.urgency === 'critical') && t.type === 'incidencia'],
  ];
  for (const [name, filters, matches] of cases) {
    it(`${name}: every sort, both ways, merged or sorted, pages in the exact order without gaps or repeats`, () => {
      const context: QueryContext = { sql: new StatementCache(store.db), now: () => new Date(), me: () => me.id };
      expect(tickets.filter(matches).length).toBeGreaterThan(5);
      // Open and finished tickets both match wherever the filter lets them (the technician arms split on is_open).
      if (filters.status === undefined) expect(new Set(tickets.filter(matches).map((t) => FINISHED.has(t.status)))).toEqual(new Set([true, false]));
      for (const key of QUEUE_SORT_KEYS) {
        for (const dir of ['asc', 'desc'] as const) {
          const sorted = tickets.filter(matches).sort((a, b) => {
            const x = sortKey(key, a);
            const y = sortKey(key, b);
            for (let i = 0; i < x.length; i += 1) {
              const c = cmp(x[i]!, y[i]!);
              if (c !== 0) return dir === 'asc' ? c : -c;
            }
            return 0;
          });
          const want = sorted.map((t) => t.id);
          // walkAbove 0: every page is read as if many tickets matched; the default: as the few they are.
          for (const walkAbove of [0, WALK_SORT_INDEX_ABOVE]) {
            for (const limit of [1, 4, 500]) {
              const got: string[] = [];
              let after: string | undefined;
              for (let guard = 0; guard < 1000; guard += 1) {
                const result = mustOk(queuePage(context, { view: 'all', filters, sort: { key, dir }, limit, ...(after === undefined ? {} : { after }) }, walkAbove));
                expect(result.total).toBe(want.length);
                got.push(...result.rows.map((r) => r.id));
                if (result.nextCursor === null) break;
                after = result.nextCursor;
              }
              expect(got, `${key} ${dir} walkAbove ${walkAbove} limit ${limit}`).toEqual(want);
            }
          }
        }
      }
    });
  }
});

describe('search', () => {
  const search = (text: string, view: QueuePageInput['view'] = 'all') => mustOk(store.queries.queuePage({ view, search: text, limit: 500 }));

  it('finds by subject prefix, customer name without accents, ticket number, and description words', () => {
    expect(search('impre').total).toBe(tickets.filter((t) => t.subject.startsWith('Impresora')).length);
    expect(search('nandu').total).toBe(tickets.filter((t) => t.customerId === hardware.id).length);
    expect(search('CLÍNICA santa').total).toBe(tickets.filter((t) => t.customerId === clinic.id).length);
    expect(search('#1010').rows.map((r) => r.number)).toEqual([1010]);
    expect(search('buscador').rows.map((r) => r.number)).toEqual([1007]);
    expect(search('impresora', 'mine').rows.every((r) => r.assigneeId === me.id)).toBe(true);
  });

  it('never breaks on hostile input', () => {
    for (const text of ['"', '""', '*', '"*"', 'NEAR(', 'NEAR(a b', 'a OR', 'AND', 'subject:hack', '(((', ')', '-', '^', '🙂', '\u0000', '  ', "'; DROP TABLE tickets; --", 'ñ', 'ＡＢＣ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢']) {
      const result = store.queries.queuePage({ view: 'all', search: text, limit: 5 });
      expect(result.ok, JSON.stringify(text)).toBe(true);
    }
    expect(search('NEAR(').rows.map((r) => r.number)).toEqual([1007]);
    expect(search('"').total).toBe(tickets.length);
    expect(store.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: tickets.length });
  });

  it('turns any text into a query FTS5 accepts (property)', () => {
    const statement = store.db.prepare('SELECT count(*) AS n FROM tickets_fts WHERE tickets_fts MATCH ?');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const query = toFtsQuery(text);
        if (query !== null) statement.get(query);
      }),
      { numRuns: 300 },
    );
    expect(toFtsQuery('impresora "HP" NEAR(x*')).toBe('"impresora"* "HP"* "NEAR"* "x"*');
    expect(toFtsQuery('*** ""')).toBeNull();
  });
});

describe('detail, visits and balances', () => {
  it('ticket detail brings the thread, customer, plan, tier, this month\'s balance, visits and time', () => {
    const target = tickets[0]!;
    const note = ticketEvent(target.id, { kind: 'note', body: 'Revisar cableado', createdAt: '2025-03-02T15:00:00Z' });
    const reply = ticketEvent(target.id, { kind: 'reply', createdAt: '2025-03-01T15:00:00Z' });
    const v = visit(target.id, me.id);
    const te = timeEntry(target.id, clinic.id, me.id);
    mustOk(store.applyPulledPage(page([upsert('ticketEvent', note), upsert('ticketEvent', reply), upsert('visit', v), upsert('timeEntry', te), upsert('balance', balance(clinic.id, '2025-03')), upsert('balance', balance(clinic.id, '2025-02'))])));
    const detail = store.queries.ticketDetail(target.id)!;
    expect(detail.events.map((e) => e.id)).toEqual([reply.id, note.id]);
    expect(detail).toMatchObject({ customer: { id: clinic.id }, plan: { id: premium.id }, tier: 'premium', month: '2025-03', balance: { month: '2025-03' }, visits: [{ id: v.id }], timeEntries: [{ id: te.id }] });
    expect(store.queries.ticketDetail(randomUUID())).toBeNull();
  });

  it('visits of a Lima day and week, per technician, including ones that started before the range', () => {
    const target = tickets[1]!;
    const morning = visit(target.id, me.id, { startsAt: '2025-03-04T08:00:00-05:00', endsAt: '2025-03-04T10:00:00-05:00' });
    const otherTech = visit(target.id, other.id, { startsAt: '2025-03-04T15:00:00-05:00', endsAt: '2025-03-04T16:00:00-05:00' });
    const nextWeek = visit(target.id, me.id, { startsAt: '2025-03-10T09:00:00-05:00', endsAt: '2025-03-10T10:00:00-05:00' });
    const cancelled = visit(target.id, me.id, { startsAt: '2025-03-04T11:00:00-05:00', endsAt: '2025-03-04T12:00:00-05:00', status: 'cancelled' });
    mustOk(store.applyPulledPage(page([morning, otherTech, nextWeek, cancelled].map((v) => upsert('visit', v)))));
    const day = mustOk(limaDayRange('2025-03-04'));
    expect(day).toEqual({ from: '2025-03-04T05:00:00.000Z', to: '2025-03-05T05:00:00.000Z' });
    expect(store.queries.visitsInRange({ ...day, technicianIds: [me.id] }).map((v) => v.id)).toEqual(expect.arrayContaining([morning.id]));
    expect(store.queries.visitsInRange({ ...day, technicianIds: [me.id] }).map((v) => v.id)).not.toContain(cancelled.id);
    expect(store.queries.visitsInRange({ ...day, technicianIds: [me.id], includeCancelled: true }).map((v) => v.id)).toContain(cancelled.id);
    expect(store.queries.visitsInRange({ ...day }).map((v) => v.id)).toContain(otherTech.id);
    const partial = store.queries.visitsInRange({ from: '2025-03-04T08:15:00-05:00', to: '2025-03-04T08:45:00-05:00', technicianIds: [me.id] });
    expect(partial.map((v) => v.id)).toEqual([morning.id]);
    expect(partial[0]).toMatchObject({ technicianName: 'Rosa Quispe', ticketNumber: target.number, customerName: 'Ferretería Ñandú EIRL', pendingSync: false });
    const week = mustOk(limaWeekRange('2025-03-06'));
    expect(week).toEqual({ from: '2025-03-03T05:00:00.000Z', to: '2025-03-10T05:00:00.000Z' });
    expect(store.queries.visitsInRange(week).map((v) => v.id)).not.toContain(nextWeek.id);
    expect(limaDayRange('2025-02-30')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('monthly balances for a list of months and customers', () => {
    mustOk(store.applyPulledPage(page([upsert('balance', balance(hardware.id, '2025-03'))])));
    expect(store.queries.monthlyBalances({ months: ['2025-02', '2025-03'] }).map((b) => [b.customerName, b.month])).toEqual([
      ['Clínica Santa Rosa', '2025-02'],
      ['Clínica Santa Rosa', '2025-03'],
      ['Ferretería Ñandú EIRL', '2025-03'],
    ]);
    expect(store.queries.monthlyBalances({ months: ['2025-03'], customerIds: [hardware.id] }).map((b) => b.customerId)).toEqual([hardware.id]);
    expect(store.queries.monthlyBalances({ months: [] })).toEqual([]);
  });
});
