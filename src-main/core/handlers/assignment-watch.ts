/**
 * Notices tickets that became assigned to the signed-in user through pulled
 * changes (someone else assigned them), for the ticket.assigned event and
 * its desktop notification.
 *
 * It keeps the set of tickets assigned to the user and compares after every
 * change to tickets. Not announced:
 * - the user's own edits: edit.apply tells the watch first (expect());
 * - what the first download brings: until the cache holds one complete sync
 *   (arm()), everything is taken as already known, so an initial sync does
 *   not ring once per ticket in "Mis tickets".
 */
import type { CacheStore } from '../cache/store.ts';
import type { Statement } from '../cache/sqlite.ts';

export interface AssignedTicket {
  readonly ticketId: string;
  readonly number: number | null;
  readonly subject: string;
}

export class AssignmentWatch {
  readonly #cache: CacheStore;
  #userId: string | null = null;
  #known = new Set<string>();
  #armed = false;
  #statement: Statement | null = null;

  constructor(cache: CacheStore) {
    this.#cache = cache;
  }

  /** Starts watching for `userId`; `synced` says whether the cache already holds a complete sync (then it arms at once). */
  reset(userId: string, synced: boolean): void {
    this.#userId = userId;
    this.#known = new Set(this.#assigned().map((t) => t.ticketId));
    this.#armed = synced;
  }

  /** The cache now holds a complete sync: from here on, new assignments are news. */
  arm(): void {
    if (this.#armed || this.#userId === null) return;
    this.#known = new Set(this.#assigned().map((t) => t.ticketId));
    this.#armed = true;
  }

  /** The user is about to assign this ticket to themself: not news. */
  expect(ticketId: string): void {
    this.#known.add(ticketId);
  }

  /** Tickets newly assigned to the user since the last check (empty until armed). */
  check(): AssignedTicket[] {
    if (this.#userId === null) return [];
    const now = this.#assigned();
    const fresh = this.#armed ? now.filter((t) => !this.#known.has(t.ticketId)) : [];
    this.#known = new Set(now.map((t) => t.ticketId));
    return fresh;
  }

  #assigned(): AssignedTicket[] {
    if (this.#userId === null) return [];
    this.#statement ??= this.#cache.db.prepare('SELECT id AS ticketId, number, subject FROM tickets WHERE assignee_id = ?');
    return this.#statement.all(this.#userId) as AssignedTicket[];
  }
}
