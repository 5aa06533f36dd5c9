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

/**
 * A long story opens folded: its first entry (how the case began) and the
 * latest ones, with the entries in between behind a button — what a
 * technician reads first, without drawing (and scrolling past) a hundred
 * entries. `hidden` is how many are folded away (0: all shown).
 */
export const FOLD_ABOVE = 15;
export const FOLD_FIRST = 1;
export const FOLD_LAST = 10;

export function foldTimeline<T>(entries: readonly T[], unfolded: boolean): { readonly shown: readonly T[]; readonly hidden: number } {
  if (unfolded || entries.length <= FOLD_ABOVE) return { shown: entries, hidden: 0 };
  return { shown: [...entries.slice(0, FOLD_FIRST), ...entries.slice(-FOLD_LAST)], hidden: entries.length - FOLD_FIRST - FOLD_LAST };
}
