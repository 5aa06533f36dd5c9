import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, TICKET_STATUSES, TIERS, URGENCIES, type Tier, type Urgency } from '../../../src-shared/protocol/entities.ts';
import { compareRank, explainOrder, formatWait, rankTicket, type RankInput, type TicketRank } from '../../../src-shared/tickets/index.ts';

const NOW = new Date('2025-03-10T20:00:00Z');
const minutesAgo = (minutes: number): string => new Date(NOW.getTime() - minutes * 60_000).toISOString();

const base: RankInput = { id: 'id-base', createdAt: minutesAgo(30), urgency: 'medium', tier: 'business', channel: 'portal', status: 'new' };
const rank = (over: Partial<RankInput>, options = {}): TicketRank => rankTicket({ ...base, ...over }, NOW, options);

/** Higher index = more urgent / better tier. */
const URGENCY_ORDER: readonly Urgency[] = ['low', 'medium', 'high', 'critical'];
const TIER_ORDER: readonly Tier[] = ['basic', 'business', 'premium'];

describe('rankTicket', () => {
  it('scores (waiting minutes + 60) × urgency × tier', () => {
    expect(rank({ urgency: 'critical', tier: 'premium', createdAt: minutesAgo(200) }).score).toBe((200 + 60) * 4 * 1.5);
    expect(rank({ urgency: 'low', tier: 'basic', createdAt: minutesAgo(0) }).score).toBe(60);
    expect(rank({ urgency: 'high', tier: null, createdAt: minutesAgo(90) }).score).toBe(150 * 3);
    expect(rank({ urgency: 'medium', tier: 'business', createdAt: minutesAgo(20) }).score).toBe(80 * 2 * 1.25);
  });

  it('explains the score in words, Spanish and English', () => {
    const r = rank({ urgency: 'critical', tier: 'premium', createdAt: minutesAgo(200) });
    expect(r.explanation).toEqual({
      es: 'Urgencia crítica ×4 · Cliente Premium ×1.5 · esperando 3 h 20 min',
      en: 'Critical urgency ×4 · Premium customer ×1.5 · waiting 3 h 20 min',
    });
    expect(r.parts.map((p) => p.factor)).toEqual(['urgency', 'tier', 'waiting']);
    expect(rank({ tier: null, urgency: 'low', createdAt: minutesAgo(45), status: 'waiting_customer' }).explanation.es).toBe(
      'Urgencia baja ×1 · Sin plan ×1 · esperando 45 min · Esperando al cliente: va después de los casos que esperan a nuestro equipo',
    );
  });

  it('counts business minutes when given a calendar', () => {
    const calls: Array<[number, number]> = [];
    const calendar = {
      businessMinutesBetween: (from: Date | number, to: Date | number) => {
        calls.push([Number(from), Number(to)]);
        return 15;
      },
    };
    const r = rank({ createdAt: minutesAgo(3 * 24 * 60) }, { calendar });
    expect(calls).toEqual([[NOW.getTime() - 3 * 24 * 60 * 60_000, NOW.getTime()]]);
    expect(r.waitingMinutes).toBe(15);
    expect(r.score).toBe((15 + 60) * 2 * 1.25);
    expect(r.explanation.es).toMatch(/esperando 15 min hábiles$/);
  });

  it('counts a createdAt in the future as no wait, and rejects a broken one', () => {
    expect(rank({ createdAt: new Date(NOW.getTime() + 3_600_000) }).waitingMinutes).toBe(0);
    expect(() => rank({ createdAt: 'yesterday' })).toThrow(RangeError);
  });

  it('formats waits as hours and minutes', () => {
    expect([0, 45, 60, 200, 1505.9].map(formatWait)).toEqual(['0 min', '45 min', '1 h', '3 h 20 min', '25 h 5 min']);
  });
});

describe('compareRank', () => {
  it('puts a new critical Premium case before a low Básico one until that one has waited 5 hours', () => {
    const fresh = rank({ id: 'fresh', createdAt: minutesAgo(0), urgency: 'critical', tier: 'premium' });
    const waitedLess = rank({ id: 'old', createdAt: minutesAgo(299), urgency: 'low', tier: 'basic' });
    const waitedMore = rank({ id: 'older', createdAt: minutesAgo(301), urgency: 'low', tier: 'basic' });
    expect(compareRank(fresh, waitedLess)).toBeLessThan(0);
    expect(compareRank(fresh, waitedMore)).toBeGreaterThan(0);
  });

  it('serves cases waiting on our team before those waiting on others, and finished ones last', () => {
    const statuses = [...TICKET_STATUSES];
    const sorted = statuses.map((status, i) => rank({ id: `t${i}`, status, urgency: status === 'resolved' ? 'critical' : 'low' })).sort(compareRank);
    expect(sorted.map((r) => r.band)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
  });

  const input = fc.record({
    id: fc.uuid(),
    createdAt: fc.integer({ min: 0, max: 30 * 24 * 60 }).map(minutesAgo),
    urgency: fc.constantFrom(...URGENCIES),
    tier: fc.constantFrom<Tier | null>(...TIERS, null),
    channel: fc.constantFrom(...CHANNELS),
    status: fc.constantFrom(...TICKET_STATUSES),
  });

  it('never ranks a more urgent ticket lower, all else equal', () => {
    fc.assert(
      fc.property(input, fc.uuid(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (t, otherId, i, j) => {
        fc.pre(i > j);
        const more = rankTicket({ ...t, urgency: URGENCY_ORDER[i] ?? 'low' }, NOW);
        const less = rankTicket({ ...t, id: otherId, urgency: URGENCY_ORDER[j] ?? 'low' }, NOW);
        expect(compareRank(more, less)).toBeLessThan(0);
      }),
    );
  });

  it('never ranks a better tier lower, all else equal', () => {
    fc.assert(
      fc.property(input, fc.uuid(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (t, otherId, i, j) => {
        fc.pre(i > j);
        const better = rankTicket({ ...t, tier: TIER_ORDER[i] ?? 'basic' }, NOW);
        const worse = rankTicket({ ...t, id: otherId, tier: TIER_ORDER[j] ?? 'basic' }, NOW);
        expect(compareRank(better, worse)).toBeLessThan(0);
      }),
    );
  });

  it('never ranks an older ticket lower, all else equal (also in business minutes)', () => {
    // A stand-in calendar that is closed half of every hour, so equal business waits happen often.
    const calendar = { businessMinutesBetween: (from: Date | number, to: Date | number) => Math.floor((Number(to) - Number(from)) / 7_200_000) * 30 };
    fc.assert(
      fc.property(input, fc.uuid(), fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (t, otherId, olderBy, business) => {
        const options = business ? { calendar } : {};
        const newer = rankTicket(t, NOW, options);
        const older = rankTicket({ ...t, id: otherId, createdAt: new Date(Date.parse(t.createdAt) - olderBy * 60_000) }, NOW, options);
        expect(compareRank(older, newer)).toBeLessThan(0);
      }),
    );
  });

  it('is a total, deterministic order: createdAt then id break ties', () => {
    const same = { createdAt: minutesAgo(10), urgency: 'high', tier: 'basic', channel: 'email', status: 'new' } as const;
    const b = rankTicket({ ...same, id: 'b' }, NOW);
    const a = rankTicket({ ...same, id: 'a' }, NOW);
    const earlier = rankTicket({ ...same, id: 'z', createdAt: minutesAgo(10.5) }, NOW);
    expect([b, a].sort(compareRank).map((r) => r.id)).toEqual(['a', 'b']);
    expect(compareRank(a, a)).toBe(0);
    // Same score is impossible here (longer wait scores more), so build the tie explicitly through business minutes.
    const closed = { businessMinutesBetween: () => 0 };
    const x = rankTicket({ ...same, id: 'x', createdAt: minutesAgo(50) }, NOW, { calendar: closed });
    const y = rankTicket({ ...same, id: 'y', createdAt: minutesAgo(20) }, NOW, { calendar: closed });
    expect(x.score).toBe(y.score);
    expect([y, x].sort(compareRank).map((r) => r.id)).toEqual(['x', 'y']);
    expect(compareRank(earlier, a)).toBeLessThan(0);

    fc.assert(
      fc.property(fc.uniqueArray(input, { selector: (t) => t.id, minLength: 2, maxLength: 25 }), (tickets) => {
        const ranks = tickets.map((t) => rankTicket(t, NOW));
        const sorted = [...ranks].sort(compareRank).map((r) => r.id);
        const sortedReversed = [...ranks].reverse().sort(compareRank).map((r) => r.id);
        expect(sortedReversed).toEqual(sorted);
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
  const critical = rank({ id: 'a', label: '#12', urgency: 'critical', tier: 'premium', createdAt: minutesAgo(200) });
  const low = rank({ id: 'b', label: '#15', urgency: 'low', tier: 'basic', createdAt: minutesAgo(360) });

  it('says why, starting with the ticket that goes first, whatever the argument order', () => {
    const expected = {
      es: '#12 va antes que #15 porque tiene más prioridad (1560 frente a 420): urgencia crítica ×4 frente a baja ×1; cliente Premium ×1.5 frente a Básico ×1. A favor de #15: espera 6 h frente a 3 h 20 min, pero no alcanza.',
      en: '#12 goes before #15 because it has higher priority (1560 vs 420): critical urgency ×4 vs low ×1; customer Premium ×1.5 vs Basic ×1. In favour of #15: waiting 6 h vs 3 h 20 min, but not enough.',
    };
    expect(explainOrder(critical, low)).toEqual(expected);
    expect(explainOrder(low, critical)).toEqual(expected);
  });

  it('names the status when the band decides', () => {
    const waiting = rank({ id: 'c', label: '#20', status: 'waiting_customer', urgency: 'critical', createdAt: minutesAgo(900) });
    expect(explainOrder(waiting, low).es).toBe('#15 va antes que #20 porque #20 está en «Esperando al cliente» y primero van los casos que esperan a nuestro equipo.');
    const done = rank({ id: 'd', label: '#21', status: 'resolved' });
    expect(explainOrder(done, waiting).en).toBe('#20 goes before #21 because #21 is already "Resolved".');
  });

  it('falls back to arrival order, then to the id', () => {
    const closed = { businessMinutesBetween: () => 0 };
    const first = rank({ id: 'p', label: '#30', createdAt: minutesAgo(50) }, { calendar: closed });
    const second = rank({ id: 'q', label: '#31', createdAt: minutesAgo(20) }, { calendar: closed });
    expect(explainOrder(second, first).es).toBe('#30 va antes que #31 porque ambos tienen la misma prioridad y #30 llegó primero.');
    const twin = rank({ id: 'r', label: '#32', createdAt: minutesAgo(50) }, { calendar: closed });
    expect(explainOrder(twin, first).es).toMatch(/^#30 va antes que #32 porque ambos tienen la misma prioridad y llegaron a la vez/);
  });

  it('names a ticket by the start of its id when it has no number yet', () => {
    const unnamed = rankTicket({ ...base, id: '0f1e2d3c-aaaa-bbbb-cccc-000000000000' }, NOW);
    expect(explainOrder(unnamed, rank({ id: 'x', label: '#1', status: 'closed' })).es).toMatch(/^ticket 0f1e2d3c va antes que #1/);
  });
});
