/** The ticket's thread as one timeline: events (replies, notes, status history) and time entries. Pure, for the unit tests. */
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import type { TicketEvent, TimeEntry } from '../../../../src-shared/protocol/entities.ts';

export type TimelineEntry = { readonly at: string; readonly key: string } & ({ readonly kind: 'event'; readonly event: TicketEvent } | { readonly kind: 'time'; readonly entry: TimeEntry });

/** Events and time entries in one timeline; ties keep events first (a status change before the time logged with it). */
export function timelineOf(detail: Pick<TicketDetail, 'events' | 'timeEntries'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...detail.events.filter((e) => e.kind !== 'time').map((event) => ({ kind: 'event' as const, at: event.createdAt, key: `e-${event.id}`, event })),
    ...detail.timeEntries.map((entry) => ({ kind: 'time' as const, at: entry.createdAt, key: `t-${entry.id}`, entry })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
}
