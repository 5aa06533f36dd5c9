/**
 * The demo's agenda and ticket histories obey the same rules the server
 * enforces on live bookings and status changes: business hours, holidays
 * and closures, the service area, no double booking, travel time between
 * on-site visits (src-shared/visits checkBooking), and the ticket state
 * machine (src-shared/tickets).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isInServiceArea } from '../../src-shared/geo/districts.ts';
import { createTravelEstimator } from '../../src-shared/travel/index.ts';
import { checkBooking, type BookingVisit } from '../../src-shared/visits/index.ts';
import { canTransition } from '../../src-shared/tickets/index.ts';
import type { Visit } from '../../src-shared/protocol/entities.ts';
import { limaDateOf } from '../../src-shared/calendar/index.ts';
import { DEMO_TODAY, groupBy, makeDemo, type DemoFixture } from './demo-fixture.ts';

const NOW = DEMO_TODAY.getTime();
const asBooking = (v: Visit): BookingVisit => ({ id: v.id, technicianId: v.technicianId, kind: v.kind, startsAt: new Date(v.startsAt), endsAt: new Date(v.endsAt), districtUbigeo: v.districtUbigeo });

/** What the server would answer to booking each live visit, given all the others on file. */
function bookingRefusals(demo: DemoFixture): string[] {
  const { company, calendar } = demo;
  const homes = new Map(company.users.map((u) => [u.id, u.homeDistrictUbigeo]));
  const travel = createTravelEstimator();
  const refusals: string[] = [];
  const live = company.visits.filter((v) => v.status !== 'cancelled');
  for (const [, days] of groupBy(live, (v) => `${v.technicianId}|${limaDateOf(Date.parse(v.startsAt))}`)) {
    const others = days.map(asBooking);
    for (const visit of others) {
      const check = checkBooking(visit, { calendar, otherVisits: others, travel, technicianHomeUbigeo: homes.get(visit.technicianId) ?? null });
      if (!check.ok) refusals.push(`${visit.id} ${visit.kind} ${visit.startsAt.toISOString()}: ${check.code} ${check.message}`);
    }
  }
  return refusals;
}

describe.each([
  ['normal demo', 1],
  ['scaled demo', 4],
])('%s', (_name, scale) => {
  let demo: DemoFixture;
  beforeAll(() => {
    demo = makeDemo(scale === 1 ? undefined : 77, scale);
  });

  it('places every visit so the server would accept booking it: hours, holidays, area, no overlap, travel time', () => {
    expect(demo.company.visits.length).toBeGreaterThan(0);
    expect(bookingRefusals(demo)).toEqual([]);
    expect(demo.stats.unplacedVisits).toBe(0);
  });

  it('leaves a handful of new, recent tickets for the dispatcher to assign ("Sin asignar")', () => {
    const waiting = demo.company.tickets.filter((t) => t.assigneeId === null && !['resolved', 'closed', 'cancelled'].includes(t.status));
    expect(waiting.length).toBeGreaterThanOrEqual(4);
    expect(waiting.length).toBeLessThanOrEqual(20);
    const events = groupBy(demo.company.ticketEvents, (e) => e.ticketId);
    for (const t of waiting) {
      expect(t.status, t.id).toBe('new');
      // Came in today, and nothing has happened to it since.
      expect(NOW - Date.parse(t.createdAt)).toBeLessThan(86_400_000);
      expect(Date.parse(t.createdAt)).toBeLessThanOrEqual(NOW);
      expect(events.get(t.id)?.map((e) => e.kind)).toEqual(['status']);
      expect(demo.company.visits.some((v) => v.ticketId === t.id)).toBe(false);
    }
  });

  it('keeps every visit, cancelled ones included, inside one business day', () => {
    for (const v of demo.company.visits) {
      const check = demo.calendar.checkInterval(new Date(v.startsAt), new Date(v.endsAt));
      expect(check.ok, `${v.startsAt}–${v.endsAt}`).toBe(true);
    }
  });

  it('sends technicians on site only inside the service area, at the ticket address', () => {
    const customers = new Map(demo.company.customers.map((c) => [c.id, c]));
    const tickets = new Map(demo.company.tickets.map((t) => [t.id, t]));
    for (const v of demo.company.visits) {
      if (v.kind === 'remote') {
        expect(v.districtUbigeo).toBeNull();
        continue;
      }
      expect(isInServiceArea(v.districtUbigeo ?? '')).toBe(true);
      const ticket = tickets.get(v.ticketId);
      const customer = customers.get(ticket?.customerId ?? '');
      expect(v.districtUbigeo).toBe(ticket?.onsiteDistrictUbigeo ?? customer?.districtUbigeo);
      expect(v.address).toBe(ticket?.onsiteAddress ?? customer?.address);
    }
  });

  it('never has a technician in two places at once, whatever the visit status', () => {
    for (const [, visits] of groupBy(demo.company.visits, (v) => v.technicianId)) {
      const sorted = [...visits].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1] as Visit;
        const next = sorted[i] as Visit;
        // A cancelled visit frees its slot; everything else must not overlap.
        if (prev.status === 'cancelled' || next.status === 'cancelled') continue;
        expect(Date.parse(next.startsAt), `${prev.id} / ${next.id}`).toBeGreaterThanOrEqual(Date.parse(prev.endsAt));
      }
    }
  });

  it('gives visits a status that matches the clock', () => {
    for (const v of demo.company.visits) {
      expect(Date.parse(v.createdAt)).toBeLessThanOrEqual(Math.min(NOW, Date.parse(v.startsAt)));
      if (v.status === 'done') expect(Date.parse(v.checkOutAt ?? '')).toBeLessThanOrEqual(NOW);
      if (v.status === 'in_progress') {
        expect(Date.parse(v.checkInAt ?? '')).toBeLessThanOrEqual(NOW);
        expect(v.checkOutAt).toBeNull();
      }
      if (v.status === 'scheduled') {
        expect(v.checkInAt).toBeNull();
        expect(Date.parse(v.startsAt) + 12 * 60_000).toBeGreaterThan(NOW);
      }
    }
    expect(demo.company.visits.some((v) => v.status === 'scheduled')).toBe(true);
    expect(demo.company.visits.some((v) => v.status === 'cancelled')).toBe(true);
  });
});

describe('ticket histories', () => {
  let demo: DemoFixture;
  beforeAll(() => {
    demo = makeDemo();
  });

  it('move only along the state machine, and the ticket shows where its history ends', () => {
    const events = groupBy(demo.company.ticketEvents, (e) => e.ticketId);
    for (const t of demo.company.tickets) {
      const history = (events.get(t.id) ?? []).filter((e) => e.kind === 'status');
      expect(history[0]?.toStatus, t.id).toBe('new');
      expect(history[0]?.fromStatus).toBeNull();
      expect(history[0]?.createdAt).toBe(t.createdAt);
      for (let i = 1; i < history.length; i++) {
        const from = history[i]?.fromStatus ?? 'new';
        const to = history[i]?.toStatus ?? 'new';
        expect(from).toBe(history[i - 1]?.toStatus);
        expect(canTransition(from, to), `${t.id}: ${from} → ${to}`).toBe(true);
      }
      expect(t.status).toBe(history[history.length - 1]?.toStatus);
    }
  });

  it('stamp events in order, never after now, and keep the ticket fields in step', () => {
    const events = groupBy(demo.company.ticketEvents, (e) => e.ticketId);
    for (const t of demo.company.tickets) {
      const list = events.get(t.id) ?? [];
      for (let i = 1; i < list.length; i++) expect(Date.parse(list[i]?.createdAt ?? '')).toBeGreaterThan(Date.parse(list[i - 1]?.createdAt ?? ''));
      const last = list[list.length - 1];
      expect(Date.parse(last?.createdAt ?? '')).toBeLessThanOrEqual(NOW);
      expect(t.updatedAt).toBe(last?.createdAt);
      expect(t.resolvedAt !== null).toBe(t.status === 'resolved' || t.status === 'closed');
      expect(t.waitingSince !== null).toBe(t.status === 'waiting_customer');
      if (t.status !== 'new' && t.status !== 'cancelled') expect(t.assigneeId).not.toBeNull();
    }
  });

  it('keep visit statuses consistent with the ticket, as the server moves it on booking and check-in', () => {
    const tickets = new Map(demo.company.tickets.map((t) => [t.id, t]));
    const onsite = demo.company.visits.filter((x) => x.kind === 'onsite');
    for (const v of onsite.filter((x) => x.status === 'scheduled')) expect(tickets.get(v.ticketId)?.status).toBe('onsite_scheduled');
    // A technician on site has the ticket in progress ("Trabajo iniciado").
    for (const v of demo.company.visits.filter((x) => x.status === 'in_progress')) expect(tickets.get(v.ticketId)?.status).toBe('in_progress');
    const events = groupBy(demo.company.ticketEvents, (e) => e.ticketId);
    for (const v of demo.company.visits.filter((x) => x.checkInAt !== null)) {
      expect((events.get(v.ticketId) ?? []).some((e) => e.kind === 'visit' && e.body === 'Llegada registrada' && e.createdAt === v.checkInAt)).toBe(true);
    }
  });

  it('leave old tickets closed and young ones open, including some waiting on the customer or an on-site booking', () => {
    const week = 7 * 86_400_000;
    const old = demo.company.tickets.filter((t) => Date.parse(t.createdAt) < NOW - 6 * week);
    const closedShare = old.filter((t) => t.status === 'closed' || t.status === 'cancelled').length / old.length;
    expect(closedShare).toBeGreaterThan(0.95);
    const statuses = new Set(demo.company.tickets.map((t) => t.status));
    for (const s of ['new', 'in_progress', 'waiting_customer', 'onsite_pending', 'onsite_scheduled', 'resolved', 'closed', 'cancelled'] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
  });

  it('never sends anyone on site for customers outside the service area', () => {
    const outside = new Set(demo.company.customers.filter((c) => !isInServiceArea(c.districtUbigeo)).map((c) => c.id));
    const outsideTickets = new Set(demo.company.tickets.filter((t) => outside.has(t.customerId)).map((t) => t.id));
    expect(outsideTickets.size).toBeGreaterThan(0);
    expect(demo.company.visits.filter((v) => outsideTickets.has(v.ticketId) && v.kind === 'onsite')).toEqual([]);
  });
});
