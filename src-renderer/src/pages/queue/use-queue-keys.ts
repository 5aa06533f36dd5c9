/** Wires queue-keys.ts to the document while the Cola is on screen. */
import { useEffect, useRef, type MutableRefObject } from 'react';
import { hasModifier, isTypingTarget } from '../../shell/use-shortcuts.ts';
import { queueActions, queueState } from '../../state/queue-store.ts';
import { openTicket } from '../../state/route-store.ts';
import type { QueueItem } from './queue-pager.ts';
import { moveCursor, queueKeyAction } from './queue-keys.ts';

export interface QueueKeysTargets {
  readonly items: readonly QueueItem[];
  readonly gridRef: MutableRefObject<HTMLDivElement | null>;
  readonly searchRef: MutableRefObject<HTMLInputElement | null>;
  readonly scrollToRef: MutableRefObject<((index: number) => void) | null>;
  readonly onNewTicket: () => void;
  readonly onNearEnd: () => void;
}

export function useQueueKeys(targets: QueueKeysTargets): void {
  const latest = useRef(targets);
  useEffect(() => {
    latest.current = targets;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || hasModifier(event) || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const { items, gridRef, searchRef, scrollToRef, onNewTicket, onNearEnd } = latest.current;
      const grid = gridRef.current;
      const focused = document.activeElement;
      const inGrid = grid !== null && focused === grid;
      const onPage = focused === null || focused === document.body || focused?.id === 'main';
      const action = queueKeyAction({ key: event.key, inGrid, onPage });
      if (action === null) return;
      event.preventDefault();
      const activeId = queueState().activeId;
      const current = activeId === null ? -1 : items.findIndex((item) => item.id === activeId);
      switch (action.kind) {
        case 'move':
        case 'edge': {
          const next = moveCursor(current, action, items.length);
          const item = items[next];
          if (!item) return;
          queueActions.setActive(item.id);
          scrollToRef.current?.(next);
          if (next >= items.length - 10) onNearEnd();
          // Keep keyboard focus on the grid so the screen reader follows the cursor.
          if (!inGrid) grid?.focus({ preventScroll: true });
          return;
        }
        case 'open': {
          const item = items[current];
          if (item) openTicket(item.id);
          return;
        }
        case 'toggleSelect': {
          const item = items[current];
          if (item) queueActions.toggleSelected(item.id);
          return;
        }
        case 'search':
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
        case 'newTicket':
          onNewTicket();
          return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
