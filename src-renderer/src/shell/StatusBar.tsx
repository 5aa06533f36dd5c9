/**
 * The bottom bar: sync state from the desk (`sync.status`, then every
 * `sync.status` event) with a progress bar during the initial sync, pending
 * edits, last sync, edits that need attention, a "sync now" button, the
 * bridge connection (in browser mode), version and mode, and the Lima clock
 * (ticking on the minute, and never behind the last sync it shows).
 */
import { memo, type ReactNode } from 'react';
import type { DeskOutput, SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import { assertNever } from '../../../src-shared/result.ts';
import { useDeskConnection } from '../desk/desk-context.tsx';
import { useDesk } from '../desk/desk-context.tsx';
import { hashOf } from '../state/route-store.ts';
import { useAttentionCount, useSyncStatus } from '../state/sync-store.ts';
import { Icon } from '../ui/icons.tsx';
import { describeInstant, formatCount, formatLimaTime } from '../i18n/format.ts';
import { useT, type Translator } from '../i18n/index.ts';
import { clockNotBefore } from './clock-ticks.ts';
import { useNow } from './use-now.ts';

function syncStateText(status: SyncStatus | null, { t, locale }: Translator): string {
  if (!status) return t('status.sync.unknown');
  switch (status.state) {
    case 'idle':
      return t('status.sync.idle');
    case 'syncing':
      if (!status.progress || status.progress.total <= 0) return t('status.sync.syncing');
      // Once the history stage starts the queues are complete: say so, so nobody waits for the bar.
      return t(status.progress.stage === 'history' ? 'status.sync.historyProgress' : 'status.sync.syncingProgress', {
        done: formatCount(status.progress.done, locale),
        total: formatCount(status.progress.total, locale),
      });
    case 'online':
      return t('status.sync.online');
    case 'offline':
      return t('status.sync.offline');
    case 'error':
      return t('status.sync.error');
    case 'signedOut':
      return t('status.sync.signedOut');
    default:
      return assertNever(status.state, 'sync state');
  }
}

function LastSync({ at, now }: { readonly at: string | null; readonly now: Date }): ReactNode {
  const { t, locale } = useT();
  if (!at) return <span>{t('status.neverSynced')}</span>;
  const when = describeInstant(new Date(at), now, locale);
  const text = when.kind === 'other' ? when.text : t(when.kind === 'today' ? 'when.today' : 'when.yesterday', { time: when.time });
  return <span>{t('status.lastSync', { when: text })}</span>;
}

function SyncProgress({ status }: { readonly status: SyncStatus }): ReactNode {
  const { t } = useT();
  const progress = status.progress;
  if (status.state !== 'syncing' || !progress || progress.total <= 0) return null;
  return (
    <progress className="sync-progress" max={progress.total} value={Math.min(progress.done, progress.total)} aria-label={t('status.progress')} data-testid="sync-progress" />
  );
}

export const StatusBar = memo(function StatusBar({ appInfo }: { readonly appInfo: DeskOutput<'app.info'> | null }): ReactNode {
  const translator = useT();
  const { t, tn, locale } = translator;
  const desk = useDesk();
  const sync = useSyncStatus();
  const attention = useAttentionCount();
  const connection = useDeskConnection();
  // One time for the whole bar: the clock and "last sync" read the same minute, and the clock is never before the last sync.
  const now = clockNotBefore(useNow(60_000), [sync?.lastSyncAt]);
  const syncState = sync?.state ?? 'unknown';
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <div className="statusbar__group">
        <span className="statusbar__item" data-testid="sync-state" data-state={syncState} role="status" title={sync?.message}>
          <span className={`dot dot--${syncState}`} aria-hidden="true" />
          {syncStateText(sync, translator)}
          {sync?.state === 'error' && sync.message ? (
            <span className="statusbar__detail" title={sync.message}>
              : {sync.message}
            </span>
          ) : null}
        </span>
        {sync ? <SyncProgress status={sync} /> : null}
        {sync ? (
          <span className="statusbar__item" data-testid="pending-edits">
            {sync.pendingEdits > 0 ? tn('status.pending', sync.pendingEdits) : t('status.noPending')}
          </span>
        ) : null}
        {/* While the bar shows a long sync in progress, "last sync" says nothing useful and takes the bar's room. */}
        {sync && !(sync.state === 'syncing' && sync.progress !== undefined && sync.progress.total > 0) ? (
          <span className="statusbar__item" data-testid="last-sync">
            <LastSync at={sync.lastSyncAt} now={now} />
          </span>
        ) : null}
        {attention > 0 ? (
          <a className="statusbar__item statusbar__attention" href={hashOf('attention')} data-testid="attention-badge">
            <Icon name="alert" />
            {tn('status.attention', attention)}
          </a>
        ) : null}
        {sync && sync.state !== 'signedOut' ? (
          <button
            type="button"
            className="statusbar__button"
            onClick={() => void desk.call('sync.now', {})}
            disabled={sync.state === 'syncing'}
            aria-label={t('status.syncNow')}
            title={t('status.syncNow')}
            data-testid="sync-now"
          >
            <Icon name="refresh" />
          </button>
        ) : null}
      </div>
      <div className="statusbar__group">
        {appInfo?.mode === 'web' ? (
          <span className="statusbar__item" data-testid="desk-connection" data-state={connection}>
            <span className={`dot dot--desk-${connection}`} aria-hidden="true" />
            {t(connection === 'open' ? 'status.desk.open' : connection === 'connecting' ? 'status.desk.connecting' : 'status.desk.closed')}
          </span>
        ) : null}
        {appInfo ? (
          <span className="statusbar__item" data-testid="app-version">
            {t('status.version', { version: appInfo.version })} · {t(appInfo.mode === 'electron' ? 'mode.electron' : 'mode.web')}
          </span>
        ) : null}
        <span className="statusbar__item statusbar__clock">
          <time dateTime={now.toISOString()}>{formatLimaTime(now, locale)}</time> Lima
        </span>
      </div>
    </footer>
  );
});
