/**
 * The queue's keys, as pure functions so the mapping is unit-tested:
 * j/k (and ↓/↑ inside the grid) move the cursor, Enter opens, x selects,
 * / searches, n creates a ticket. Shortcuts never fire while typing, with a
 * modifier held, or under a dialog (use-queue-keys.ts checks those).
 */
export type QueueKeyAction =
  | { readonly kind: 'move'; readonly delta: number }
  | { readonly kind: 'edge'; readonly to: 'first' | 'last' }
  | { readonly kind: 'open' }
  | { readonly kind: 'toggleSelect' }
  | { readonly kind: 'search' }
  | { readonly kind: 'newTicket' };

export interface KeyInput {
  readonly key: string;
  /** Focus is on the grid itself (arrows, Home/End and Enter belong to it then). */
  readonly inGrid: boolean;
  /** Focus is on nothing in particular (the page body or the main area). */
  readonly onPage: boolean;
}

export function queueKeyAction({ key, inGrid, onPage }: KeyInput): QueueKeyAction | null {
  switch (key) {
    case 'j':
      return { kind: 'move', delta: 1 };
    case 'k':
      return { kind: 'move', delta: -1 };
    case 'ArrowDown':
      return inGrid ? { kind: 'move', delta: 1 } : null;
    case 'ArrowUp':
      return inGrid ? { kind: 'move', delta: -1 } : null;
    case 'PageDown':
      return inGrid ? { kind: 'move', delta: 10 } : null;
    case 'PageUp':
      return inGrid ? { kind: 'move', delta: -10 } : null;
    case 'Home':
      return inGrid ? { kind: 'edge', to: 'first' } : null;
    case 'End':
      return inGrid ? { kind: 'edge', to: 'last' } : null;
    case 'Enter':
      // On a button or link, Enter is that control's; on the grid or the bare page it opens the ticket.
      return inGrid || onPage ? { kind: 'open' } : null;
    case 'x':
    case ' ':
      return key === 'x' || inGrid ? { kind: 'toggleSelect' } : null;
    case '/':
      return { kind: 'search' };
    case 'n':
      return { kind: 'newTicket' };
    default:
      return null;
  }
}

/** The cursor index after an action: clamped to the list; from nothing, down starts at the top. */
export function moveCursor(current: number, action: Extract<QueueKeyAction, { kind: 'move' | 'edge' }>, length: number): number {
  if (length === 0) return -1;
  if (action.kind === 'edge') return action.to === 'first' ? 0 : length - 1;
  if (current < 0) return action.delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + action.delta));
}
