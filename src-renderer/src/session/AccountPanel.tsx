/**
 * Who is signed in, at the foot of the navigation, and the way out. Signing
 * out never drops queued edits: the desk keeps the outbox, and the confirm
 * dialog says so when there are edits the server has not received yet.
 */
import { useState, type ReactNode } from 'react';
import { labelOf } from '../../../src-shared/tickets/labels.ts';
import type { AppError } from '../../../src-shared/result.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { useT } from '../i18n/index.ts';
import { setSession, useSession } from '../state/session-store.ts';
import { useSyncStatus } from '../state/sync-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toLocaleUpperCase('es-PE'))
    .join('');
}

export function AccountPanel(): ReactNode {
  const { t, tn, locale } = useT();
  const desk = useDesk();
  const session = useSession();
  const sync = useSyncStatus();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const user = session?.user;
  if (!user) return null;
  const pending = sync?.pendingEdits ?? 0;

  const logout = async (): Promise<void> => {
    const result = await desk.call('session.logout', {});
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setConfirming(false);
    // The desk also pushes session.changed; reading it here makes the switch immediate.
    const next = await desk.call('session.get', {});
    if (next.ok) setSession(next.value);
  };

  return (
    <section className="account sidebar__foot" aria-label={t('account.label')} data-testid="account">
      <span className="account__avatar" aria-hidden="true">
        {initialsOf(user.name)}
      </span>
      <span className="account__who">
        <span className="account__name">{user.name}</span>
        <span className="account__role">{labelOf('role', user.role, locale)}</span>
      </span>
      <button type="button" className="button button--ghost button--small account__logout" onClick={() => setConfirming(true)}>
        {t('account.logout')}
      </button>
      <Dialog
        open={confirming}
        title={t('logout.title')}
        onClose={() => {
          setConfirming(false);
          setError(null);
        }}
        testId="logout-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
              {t('logout.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void logout()}>
              {t('logout.confirm')}
            </button>
          </>
        }
      >
        <p>{t('logout.body')}</p>
        {pending > 0 ? (
          <p className="notice notice--warn" data-testid="logout-pending">
            {tn('logout.pending', pending)}
          </p>
        ) : null}
        {error ? <ErrorNotice title={t('logout.error')} error={error} /> : null}
      </Dialog>
    </section>
  );
}
