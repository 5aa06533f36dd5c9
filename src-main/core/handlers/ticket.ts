/**
 * ticket.get: everything the ticket workspace shows — the cached ticket with
 * its thread, customer, plan, balance, visits and time — plus the names of
 * the people in it, the statuses it may move to (the same state machine the
 * server enforces), its rank and SLA clock, and which of its parts (notes,
 * visits, time) still wait for the server.
 */
import { allowedTransitions } from '../../../src-shared/tickets/state-machine.ts';
import { ok } from '../../../src-shared/result.ts';
import { jsonList, withCache, type CacheAccess } from './cache-access.ts';
import type { CalendarSource } from './calendar-source.ts';
import { ticketClock } from './ticket-clock.ts';
import type { DomainModule } from './types.ts';

export function createTicketModule(deps: { readonly cache: CacheAccess; readonly calendar: CalendarSource; readonly now: () => Date }): DomainModule<'ticket.get'> {
  return {
    handlers: {
      'ticket.get': ({ id }) =>
        withCache(deps.cache, async (store) => {
          const detail = store.queries.ticketDetail(id);
          if (detail === null) return ok(null);
          const people = new Set<string>();
          for (const event of detail.events) if (event.authorId !== null) people.add(event.authorId);
          for (const entry of detail.timeEntries) people.add(entry.technicianId);
          for (const visit of detail.visits) people.add(visit.technicianId);
          const names = store.statement('SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))').all(jsonList([...people])) as { id: string; name: string }[];
          const parts = [...detail.events.map((e) => e.id), ...detail.visits.map((v) => v.id), ...detail.timeEntries.map((t) => t.id)];
          const pending = store
            .statement("SELECT DISTINCT id FROM overlay_touches WHERE entity IN ('ticketEvent', 'visit', 'timeEntry') AND id IN (SELECT value FROM json_each(?))")
            .all(jsonList(parts)) as { id: string }[];
          const calendar = await deps.calendar.forRules();
          const clock = ticketClock({ ...detail.ticket, tier: detail.tier }, deps.now(), calendar);
          return ok({
            ...detail,
            events: [...detail.events],
            visits: [...detail.visits],
            timeEntries: [...detail.timeEntries],
            authors: Object.fromEntries(names.map((n) => [n.id, n.name])),
            allowedStatuses: [...allowedTransitions(detail.ticket.status)],
            ...clock,
            pendingIds: pending.map((p) => p.id),
          });
        }),
    },
  };
}
