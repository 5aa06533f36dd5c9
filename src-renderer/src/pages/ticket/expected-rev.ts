/**
 * Optimistic concurrency for ticket edits. The server refuses an edit whose
 * `expectedRev` is not the ticket's current revision (CONFLICT), which
 * catches a colleague's change made since the technician read the ticket.
 * The cached revision is the server's, though, so once one of our own edits
 * is queued the next one would conflict with it: then no revision is sent
 * and the state machine and field rules decide.
 */
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';

export function expectedRevOf(detail: Pick<TicketDetail, 'rev' | 'pendingSync'>): { expectedRev?: string } {
  return detail.rev !== null && !detail.pendingSync ? { expectedRev: detail.rev } : {};
}
