import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_TIER_RANK, tierRank } from '../../../src-main/core/cache/tiers.ts';
import { TICKET_STATUSES, TIERS, URGENCIES, type TicketStatus, type Tier, type Urgency } from '../../../src-shared/protocol/entities.ts';
import { compareRank, explainOrder, formatWait, priorityLevel, rankBand, rankTicket, type RankInput, type TicketRank } from '../../../src-shared/tickets/index.ts';

const NOW = new Date('2025-03-10T20:00:00Z');
const minutesAgo = (minutes: number): string => new Date(NOW.getTime() - minutes * 60_000).toISOString();

const base: RankInput = { id: 'id-base', createdAt: minutesAgo(30), urgency: 'medium', tier: 'business', status: 'new' };
const rank = (over: Partial<RankInput>, options = {}): TicketRank => rankTicket({ ...base, ...over }, NOW, options);

/**
 * The cache's "Prioridad" key, restated here on purpose (SORT_COLUMNS.priority in
 * src-main/core/cache/queries/queue.ts): status_band (migration 0003),
 * urgency_rank (the generated column), tier_rank (tiers.ts), created_at, id.
 */
const STATUS_BAND: Readonly<Record<TicketStatus, number>> = {
  new: 0,
  in_progress: 0,
  onsite_pending: 0,
  waiting_customer: 1,
  onsite_scheduled: 1,
  resolved: 2,
  closed: 2,
  cancelled: 2,
};
const URGENCY_RANK: Readonly<Record<Urgency, number>> = { critical: 0, high: 1, medium: 2, low: 3 };
type CacheKey = readonly [number, number, number, string, string];
const cacheKey = (t: { status: TicketStatus; urgency: Urgency; tier: Tier | null; createdAt: string; id: string }): CacheKey => [
  STATUS_BAND[t.status],
  URGENCY_RANK[t.urgency],
  tierRank(t.tier),
  t.createdAt,
  t.id,
];
function compareKeys(a: CacheKey, b: CacheKey): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const input = fc.record({
  id: fc.uuid(),
  // Few distinct instants, so equal arrivals (and the id tie-break) happen often.
  createdAt: fc.integer({ min: 0, max: 40 }).map((n) => minutesAgo(n * 37)),
  urgency: fc.constantFrom(...URGENCIES),
  tier: fc.constantFrom<Tier | null>(...TIERS, null),
  status: fc.constantFrom(...TICKET_STATUSES),
});

describe('priorityLevel and rankTicket', () => {
  it('gives P1 to crítica + Premium and P16 to baja sin plan, urgency before tier', () => {
    expect(priorityLevel('critical', 'premium')).toBe(1);
    expect(priorityLevel('critical', null)).toBe(4);
    expect(priorityLevel('high', 'premium')).toBe(5);
    expect(priorityLevel('medium', 'business')).toBe(10);
    expect(priorityLevel('low', 'premium')).toBe(13);
    expect(priorityLevel('low', null)).toBe(16);
    const all = URGENCIES.flatMap((u) => [...TIERS, null].map((t) => priorityLevel(u, t)));
    expect([...new Set(all)].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // Same level as the cache's ranks: urgency_rank × 4 + tier_rank + 1.
    for (const u of URGENCIES) for (const t of [...TIERS, null]) expect(priorityLevel(u, t)).toBe(URGENCY_RANK[u] * 4 + (t === null ? NO_TIER_RANK : tierRank(t)) + 1);
  });

  it('scores the level whatever the wait, channel or status', () => {
    expect(rank({ urgency: 'critical', tier: 'premium', createdAt: minutesAgo(0) }).score).toBe(1);
    expect(rank({ urgency: 'critical', tier: 'premium', createdAt: minutesAgo(100_000) }).score).toBe(1);
    expect(rank({ urgency: 'low', tier: null, status: 'closed' }).score).toBe(16);
  });

  it('explains open work: the level, then arrival order with the wait', () => {
    const r = rank({ urgency: 'critical', tier: 'premium', createdAt: minutesAgo(200) });
    expect(r.explanation).toEqual({
      es: 'P1: urgencia crítica, cliente Premium · entre los de igual prioridad se atiende por orden de llegada (esperando 3\u00a0h\u00a020\u00a0min)',
      en: 'P1: critical urgency, Premium customer · among equal priority, first come first served (waiting 3\u00a0h\u00a020\u00a0min)',
    });
    expect(r.parts.map((p) => p.factor)).toEqual(['urgency', 'tier', 'waiting']);
    expect(rank({ urgency: 'low', tier: null, createdAt: minutesAgo(45) }).explanation).toEqual({
      es: 'P16: urgencia baja, cliente sin plan · entre los de igual prioridad se atiende por orden de llegada (esperando 45\u00a0min)',
      en: 'P16: low urgency, customer without a plan · among equal priority, first come first served (waiting 45\u00a0min)',
    });
  });

  it('explains a case waiting on someone else: it goes after those waiting on our team', () => {
    const r = rank({ urgency: 'high', tier: 'basic', createdAt: minutesAgo(45), status: 'waiting_customer' });
    expect(r.band).toBe(1);
    expect(r.explanation).toEqual({
      es: 'P7: urgencia alta, cliente Básico · entre los de igual prioridad se atiende por orden de llegada (esperando 45\u00a0min) · Esperando al cliente: va después de los casos que esperan a nuestro equipo',
      en: 'P7: high urgency, Basic customer · among equal priority, first come first served (waiting 45\u00a0min) · Waiting for customer: goes after cases waiting on our team',
    });
  });

  it('explains a finished case without a level', () => {
    const r = rank({ urgency: 'critical', tier: 'premium', status: 'resolved' });
    expect(r.band).toBe(2);
    expect(r.explanation).toEqual({ es: 'Resuelto: fuera de la cola activa', en: 'Resolved: out of the active queue' });
    expect(r.parts.map((p) => p.factor)).toEqual(['status']);
    expect(rank({ status: 'cancelled' }).explanation.es).toBe('Anulado: fuera de la cola activa');
  });

  it('counts business minutes when given a calendar, and says so', () => {
    const calls: Array<[number, number]> = [];
    const calendar = {
      businessMinutesBetween: (from: Date | number, to: Date | number) => {
        calls.push([Number(from), Number(to)]);
        return 200;
      },
    };
    const r = rank({ urgency: 'critical', tier: 'premium', createdAt: minutesAgo(3 * 24 * 60) }, { calendar });
    expect(calls).toEqual([[NOW.getTime() - 3 * 24 * 60 * 60_000, NOW.getTime()]]);
    expect(r.waitingMinutes).toBe(200);
    expect(r.score).toBe(1);
    expect(r.explanation).toEqual({
      es: 'P1: urgencia crítica, cliente Premium · entre los de igual prioridad se atiende por orden de llegada (esperando 3\u00a0h\u00a020\u00a0min hábiles)',
      en: 'P1: critical urgency, Premium customer · among equal priority, first come first served (waiting 3\u00a0h\u00a020\u00a0min of business time)',
    });
  });

  it('counts a createdAt in the future as no wait, and rejects a broken one', () => {
    expect(rank({ createdAt: new Date(NOW.getTime() + 3_600_000) }).waitingMinutes).toBe(0);
    expect(() => rank({ createdAt: 'yesterday' })).toThrow(RangeError);
  });

  it('formats waits as hours and minutes', () => {
    expect([0, 45, 60, 200, 1505.9].map(formatWait)).toEqual(['0\u00a0min', '45\u00a0min', '1\u00a0h', '3\u00a0h\u00a020\u00a0min', '25\u00a0h\u00a05\u00a0min']);
  });

  it('uses the same bands as the cache', () => {
    for (const status of TICKET_STATUSES) expect(rankBand(status), status).toBe(STATUS_BAND[status]);
  });
});

describe('compareRank', () => {
  it('sorts like the cache: (status_band, urgency_rank, tier_rank, created_at, id)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(input, { selector: (t) => t.id, minLength: 2, maxLength: 40 }), fc.boolean(), (tickets, business) => {
        // A calendar closed most of the time: waits in business minutes tie often and must not matter.
        const options = business ? { calendar: { businessMinutesBetween: (from: Date | number, to: Date | number) => Math.floor((Number(to) - Number(from)) / 7_200_000) * 30 } } : {};
        const byRank = tickets.map((t) => rankTicket(t, NOW, options)).sort(compareRank).map((r) => r.id);
        const byCache = [...tickets].sort((a, b) => compareKeys(cacheKey(a), cacheKey(b))).map((t) => t.id);
        expect(byRank).toEqual(byCache);
      }),
      { numRuns: 300 },
    );
  });

  it('lets a new critical Premium case go before a low Básico one however long that one has waited', () => {
    const fresh = rank({ id: 'fresh', createdAt: minutesAgo(0), urgency: 'critical', tier: 'premium' });
    const ancient = rank({ id: 'old', createdAt: minutesAgo(60 * 24 * 90), urgency: 'low', tier: 'basic' });
    expect(compareRank(fresh, ancient)).toBeLessThan(0);
  });

  it('serves cases waiting on our team before those waiting on others, and finished ones last', () => {
    const sorted = TICKET_STATUSES.map((status, i) => rank({ id: `t${i}`, status, urgency: status === 'resolved' ? 'critical' : 'low' })).sort(compareRank);
    expect(sorted.map((r) => r.band)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
  });

  it('is a total, deterministic order: earlier createdAt, then id break ties', () => {
    const same = { createdAt: minutesAgo(10), urgency: 'high', tier: 'basic', status: 'new' } as const;
    const b = rankTicket({ ...same, id: 'b' }, NOW);
    const a = rankTicket({ ...same, id: 'a' }, NOW);
    const earlier = rankTicket({ ...same, id: 'z', createdAt: minutesAgo(10.5) }, NOW);
    expect([b, a, earlier].sort(compareRank).map((r) => r.id)).toEqual(['z', 'a', 'b']);
    expect(compareRank(a, a)).toBe(0);

    fc.assert(
      fc.property(fc.uniqueArray(input, { selector: (t) => t.id, minLength: 2, maxLength: 25 }), (tickets) => {
        const ranks = tickets.map((t) => rankTicket(t, NOW));
        for (const p of ranks) {
          for (const q of ranks) {
            expect(Math.sign(compareRank(p, q)) + Math.sign(compareRank(q, p))).toBe(0);
            if (p.id !== q.id) expect(compareRank(p, q)).not.toBe(0);
          }
        }
      }),
    );
  });
});

describe('explainOrder', () => {
  it('names the status when the band decides', () => {
    const open = rank({ id: 'a', label: '#15', urgency: 'low', tier: null });
    const waiting = rank({ id: 'c', label: '#20', status: 'waiting_customer', urgency: 'critical', tier: 'premium', createdAt: minutesAgo(900) });
    const expected = {
      es: '#15 va antes que #20: #20 está en «Esperando al cliente» y primero van los casos que esperan a nuestro equipo.',
      en: '#15 goes before #20: #20 is "Waiting for customer" and cases waiting on our team come first.',
    };
    expect(explainOrder(waiting, open)).toEqual(expected);
    expect(explainOrder(open, waiting)).toEqual(expected);
    const done = rank({ id: 'd', label: '#21', status: 'resolved', urgency: 'critical' });
    expect(explainOrder(done, waiting)).toEqual({
      es: '#20 va antes que #21: #21 ya está en «Resuelto», fuera de la cola activa.',
      en: '#20 goes before #21: #21 is already "Resolved", out of the active queue.',
    });
  });

  it('names the urgencies when urgency decides, even against a better tier and a longer wait', () => {
    const critical = rank({ id: 'a', label: '#12', urgency: 'critical', tier: 'basic', createdAt: minutesAgo(20) });
    const low = rank({ id: 'b', label: '#15', urgency: 'low', tier: 'premium', createdAt: minutesAgo(360) });
    const expected = { es: '#12 va antes que #15: urgencia crítica frente a baja (P3 frente a P13).', en: '#12 goes before #15: critical urgency vs low (P3 vs P13).' };
    expect(explainOrder(critical, low)).toEqual(expected);
    expect(explainOrder(low, critical)).toEqual(expected);
  });

  it('names the tiers when urgency is the same', () => {
    const premium = rank({ id: 'a', label: '#12', tier: 'premium', createdAt: minutesAgo(5) });
    const basic = rank({ id: 'b', label: '#15', tier: 'basic', createdAt: minutesAgo(500) });
    expect(explainOrder(basic, premium)).toEqual({
      es: '#12 va antes que #15: a igual urgencia, cliente Premium frente a Básico (P9 frente a P11).',
      en: '#12 goes before #15: same urgency, Premium customer vs Basic (P9 vs P11).',
    });
    const noPlan = rank({ id: 'c', label: '#16', tier: null });
    expect(explainOrder(noPlan, basic).es).toBe('#15 va antes que #16: a igual urgencia, cliente Básico frente a cliente sin plan (P11 frente a P12).');
  });

  it('falls back to arrival order with the waits, then to the id', () => {
    const first = rank({ id: 'p', label: '#30', createdAt: minutesAgo(180) });
    const second = rank({ id: 'q', label: '#31', createdAt: minutesAgo(20) });
    expect(explainOrder(second, first)).toEqual({
      es: '#30 va antes que #31: misma prioridad (P10) y llegó antes: espera 3\u00a0h frente a 20\u00a0min.',
      en: '#30 goes before #31: same priority (P10) and it arrived first: waiting 3\u00a0h vs 20\u00a0min.',
    });
    const calendar = { businessMinutesBetween: (from: Date | number, to: Date | number) => (Number(to) - Number(from)) / 120_000 };
    const [b1, b2] = [rank({ id: 'p', label: '#30', createdAt: minutesAgo(360) }, { calendar }), rank({ id: 'q', label: '#31', createdAt: minutesAgo(40) }, { calendar })];
    expect(explainOrder(b2, b1).es).toBe('#30 va antes que #31: misma prioridad (P10) y llegó antes: espera 3\u00a0h frente a 20\u00a0min hábiles.');
    const closed = { businessMinutesBetween: () => 0 };
    const [c1, c2] = [rank({ id: 'p', label: '#30', createdAt: minutesAgo(50) }, { calendar: closed }), rank({ id: 'q', label: '#31', createdAt: minutesAgo(20) }, { calendar: closed })];
    expect(explainOrder(c2, c1).en).toBe('#30 goes before #31: same priority (P10) and it arrived first.');
    const twin = rank({ id: 'r', label: '#32', createdAt: minutesAgo(180) });
    expect(explainOrder(twin, first).es).toBe('#30 va antes que #32: misma prioridad (P10) y llegaron a la vez; se desempata por identificador para que el orden sea siempre el mismo.');
  });

  it('says no level between finished tickets', () => {
    const a = rank({ id: 'a', label: '#40', status: 'closed', urgency: 'high' });
    const b = rank({ id: 'b', label: '#41', status: 'resolved', urgency: 'low' });
    expect(explainOrder(b, a).es).toBe('#40 va antes que #41: urgencia alta frente a baja.');
    const c = rank({ id: 'c', label: '#42', status: 'closed', urgency: 'high', createdAt: minutesAgo(10) });
    expect(explainOrder(c, a).en).toBe('#40 goes before #42: same priority and it arrived first: waiting 30\u00a0min vs 10\u00a0min.');
  });

  it('names a ticket by the start of its id when it has no number yet', () => {
    const unnamed = rankTicket({ ...base, id: '0f1e2d3c-aaaa-bbbb-cccc-000000000000' }, NOW);
    expect(explainOrder(unnamed, rank({ id: 'x', label: '#1', status: 'closed' })).es).toMatch(/^ticket 0f1e2d3c va antes que #1:/);
    expect(explainOrder(unnamed, unnamed).es).toBe('ticket 0f1e2d3c es el mismo ticket.');
  });
});
