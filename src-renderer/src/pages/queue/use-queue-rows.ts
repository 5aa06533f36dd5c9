/**
 * React side of the queue pager: one pager per desk connection for the life
 * of the page, so going into a ticket and back shows the same rows at once
 * (then re-reads them quietly). Synced changes to tickets, customers, users
 * or plans re-read what is loaded.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useDesk, useDeskConnection, useDeskEvent } from '../../desk/desk-context.tsx';
import type { Desk } from '../../desk/work-api.ts';
import { currentQueueQuery, subscribeQueueQuery, type QueueQuery } from '../../state/queue-store.ts';
import { QueuePager, type PagerSnapshot } from './queue-pager.ts';

/** The pager keeps its own copy: the store's objects are shared with React. */
const copyOf = (query: QueueQuery): QueueQuery => JSON.parse(JSON.stringify(query)) as QueueQuery;

/** Synced entities that change what a queue row shows. */
export const QUEUE_ENTITIES: ReadonlySet<string> = new Set(['ticket', 'customer', 'user', 'plan', 'planAssignment', '*']);

const pagers = new WeakMap<Desk, QueuePager>();

function pagerFor(desk: Desk): QueuePager {
  let pager = pagers.get(desk);
  if (!pager) {
    pager = new QueuePager({ fetchPage: (input) => desk.call('queue.page', input) });
    pagers.set(desk, pager);
  }
  return pager;
}

export interface QueueRows {
  readonly snapshot: PagerSnapshot;
  readonly loadMore: () => void;
  readonly refresh: () => void;
}

export function useQueueRows(): QueueRows {
  const desk = useDesk();
  const pager = pagerFor(desk);
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const connection = useDeskConnection();

  // On arrival (the same query as before re-reads its rows quietly), then on every change of the
  // query, straight from the action that changed it: the read leaves before React renders.
  useEffect(() => {
    pager.setQuery(copyOf(currentQueueQuery()));
    return subscribeQueueQuery((next) => pager.setQuery(copyOf(next)));
  }, [pager]);

  // After the bridge comes back the rows on screen may be stale.
  const lostConnection = useRef(false);
  useEffect(() => {
    if (connection === 'closed') lostConnection.current = true;
    if (connection === 'open' && lostConnection.current) {
      lostConnection.current = false;
      pager.refresh();
    }
  }, [pager, connection]);

  useDeskEvent('rows.changed', ({ entities }) => {
    if (entities.some((entity) => QUEUE_ENTITIES.has(entity))) pager.refresh();
  });

  // Stable functions: the grid is memoized on its props.
  return { snapshot, loadMore: pager.loadMore, refresh: pager.refresh };
}
