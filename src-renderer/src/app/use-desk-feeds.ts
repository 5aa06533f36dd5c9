/**
 * One subscription per desk feed for the whole console: the session, the
 * sync status and the Needs attention count. Each is read once at start-up
 * (and again after the bridge reconnects, through useDeskQuery) and then
 * follows its push event, whichever came last.
 */
import { useEffect } from 'react';
import type { AppError } from '../../../src-shared/result.ts';
import { useDeskEvent, useDeskQuery } from '../desk/desk-context.tsx';
import { setSession } from '../state/session-store.ts';
import { setAttentionCount, setSyncStatus } from '../state/sync-store.ts';

/** Returns why the session could not be read, when it could not: the console cannot start without it. */
export function useDeskFeeds(): { readonly sessionError: AppError | null } {
  const session = useDeskQuery('session.get', {});
  const sync = useDeskQuery('sync.status', {});
  const attention = useDeskQuery('attention.list', {}, ['*']);

  useEffect(() => {
    if (session.state.status === 'ready') setSession(session.state.value);
  }, [session.state]);
  useEffect(() => {
    if (sync.state.status === 'ready') setSyncStatus(sync.state.value);
  }, [sync.state]);
  useEffect(() => {
    if (attention.state.status === 'ready') setAttentionCount(attention.state.value.length);
  }, [attention.state]);

  useDeskEvent('session.changed', setSession);
  useDeskEvent('sync.status', setSyncStatus);
  useDeskEvent('attention.changed', ({ count }) => setAttentionCount(count));

  return { sessionError: session.state.status === 'error' ? session.state.error : null };
}
