/**
 * The bottom bar: sync state from the desk (`sync.status`, then every
 * `sync.status` event), pending edits, last sync, the bridge connection (in
 * browser mode), version and mode, and the Lima clock.
 */
import type { ReactNode } from 'react';
import type { DeskOutput, SyncStatus } from '../../../src-shared/ipc/desk-api.ts';
import { assertNever } from '../../../src-shared/result.ts';
import { useDeskConnection } from '../desk/desk-context.tsx';
import { useSyncStatus } from '../state/sync-store.ts';
import { describeInstant, formatLimaTime } from '../i18n/format.ts';
import { useT, type Translator } from '../i18n/index.ts';
import { useNow } from './use-now.ts';

function syncStateText(status: SyncStatus | null, t: Translator['t']): string {
  if (!status) return t('status.sync.unknown');
  switch (status.state) {
    case 'idle':
      return t('status.sync.idle');
    case 'syncing':
      return status.progress && status.progress.total > 0
        ? t('status.sync.syncingProgress', { done: status.progress.done, total: status.progress.total })
        : t('status.sync.syncing');
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

export function StatusBar({ appInfo }: { readonly appInfo: DeskOutput<'app.info'> | null }): ReactNode {
  const { t, tn, locale } = useT();
  const sync = useSyncStatus();
  const connection = useDeskConnection();
  const now = useNow();
  const syncState = sync?.state ?? 'unknown';
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <div className="statusbar__group">
        <span className="statusbar__item" data-testid="sync-state" data-state={syncState} role="status">
          <span className={`dot dot--${syncState}`} aria-hidden="true" />
          {syncStateText(sync, t)}
          {sync?.state === 'error' && sync.message ? <span className="statusbar__detail">: {sync.message}</span> : null}
        </span>
        {sync ? (
          <span className="statusbar__item" data-testid="pending-edits">
            {sync.pendingEdits > 0 ? tn('status.pending', sync.pendingEdits) : t('status.noPending')}
          </span>
        ) : null}
        {sync ? (
          <span className="statusbar__item" data-testid="last-sync">
            <LastSync at={sync.lastSyncAt} now={now} />
          </span>
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
}
