/**
 * The deterministic edit script of the fault test, shared by the desk child
 * (which performs it) and the checker (which looks for its effects).
 *
 * Edit `index` of a run is fully determined by (runTag, index): which ticket,
 * which mutation, and a marker text the server copies into the row it
 * writes. Counting rows that carry a marker counts how many times the server
 * applied that edit — including side rows the server numbers itself (the
 * status event of ticket.setStatus, the time event of time.log), which is
 * what exposes a mutation applied twice.
 */
import { createHash } from 'node:crypto';

export type SoakEditKind = 'note' | 'time' | 'status';

export interface SoakEditPlan {
  readonly index: number;
  readonly kind: SoakEditKind;
  readonly ticketId: string;
  readonly marker: string;
  /** The id the client gives the row it creates (note / time entry); null for status changes. */
  readonly rowId: string | null;
}

/**
 * Statuses the script toggles between: each is a valid transition from the
 * other (src-shared/tickets/state-machine.ts). Not waiting_customer: leaving
 * it makes the server add a fractional number of business minutes to the
 * integer slaPausedMinutes, which its store refuses with a 500 that blocks
 * the desk's queue (reported to the server's owner; the soak tests faults,
 * not that rule).
 */
export const TOGGLE_STATUSES = ['in_progress', 'onsite_pending'] as const;

export function nextToggleStatus(current: string): (typeof TOGGLE_STATUSES)[number] {
  return current === 'in_progress' ? 'onsite_pending' : 'in_progress';
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A stable RFC 4122 (version 4 layout) UUID derived from a name. */
export function uuidFrom(name: string): string {
  const b = digest(name);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Bracketed so that no marker is a prefix or suffix of another (edit 12 vs 112 vs 123). */
export function markerOf(runTag: string, index: number): string {
  return `[soak ${runTag} #${index}]`;
}

/** Edit numbers of a trial: trial t owns [t * EDITS_PER_TRIAL_MAX, (t + 1) * EDITS_PER_TRIAL_MAX). */
export const EDITS_PER_TRIAL_MAX = 1_000;

export function planEdit(runTag: string, index: number, tickets: readonly string[]): SoakEditPlan {
  const h = digest(`${runTag}/${index}`);
  const kinds: readonly SoakEditKind[] = ['note', 'time', 'status'];
  const kind = kinds[(h[0] ?? 0) % kinds.length] as SoakEditKind;
  const ticketId = tickets[h.readUInt16BE(1) % tickets.length];
  if (ticketId === undefined) throw new Error('soak script: no tickets to edit');
  const marker = markerOf(runTag, index);
  return { index, kind, ticketId, marker, rowId: kind === 'status' ? null : uuidFrom(`${runTag}/${index}/row`) };
}

/** Minutes of a time.log edit (1–30, from the index). */
export function minutesOf(index: number): number {
  return (index % 30) + 1;
}
