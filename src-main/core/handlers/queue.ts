/**
 * queue.*: pages of a ticket queue from the cache, each row with its rank
 * and SLA clock, and the size of every queue for the navigation badges.
 *
 * The cache's queue rows carry what the SLA clock needs (waitingSince,
 * paused minutes, resolvedAt); the DeskApi row shows the clock instead.
 */
import { QUEUE_VIEWS, type QueueRow } from '../../../src-shared/ipc/work-calls.ts';
import type { Channel, Urgency } from '../../../src-shared/protocol/entities.ts';
import { ok } from '../../../src-shared/result.ts';
import type { QueueRow as CacheQueueRow } from '../cache/queries/index.ts';
import { withCache, type CacheAccess } from './cache-access.ts';
import type { CalendarSource } from './calendar-source.ts';
import { ticketClock } from './ticket-clock.ts';
import type { DomainModule } from './types.ts';

export function createQueueModule(deps: { readonly cache: CacheAccess; readonly calendar: CalendarSource; readonly now: () => Date }): DomainModule<'queue.page' | 'queue.counts'> {
  return {
    handlers: {
      'queue.page': (input) =>
        withCache(deps.cache, async (store) => {
          const page = store.queries.queuePage(input);
          if (!page.ok) return page;
          const calendar = await deps.calendar.forRules();
          const now = deps.now();
          const rows = page.value.rows.map((row: CacheQueueRow): QueueRow => {
            const { waitingSince, slaPausedMinutes, resolvedAt, ...shown } = row;
            const channel = row.channel as Channel;
            const urgency = row.urgency as Urgency;
            const clock = ticketClock({ ...row, channel, urgency, waitingSince, slaPausedMinutes, resolvedAt }, now, calendar);
            return { ...shown, type: row.type as QueueRow['type'], channel, urgency, ...clock };
          });
          return ok({ rows, total: page.value.total, nextCursor: page.value.nextCursor });
        }),
      'queue.counts': async () =>
        withCache(deps.cache, (store) => {
          const counts: Record<(typeof QUEUE_VIEWS)[number], number> = { mine: 0, unassigned: 0, onsite_pending: 0, waiting_customer: 0, all: 0 };
          for (const view of QUEUE_VIEWS) {
            const page = store.queries.queuePage({ view, limit: 1 });
            if (!page.ok) return page;
            counts[view] = page.value.total;
          }
          return ok(counts);
        }),
    },
  };
}
