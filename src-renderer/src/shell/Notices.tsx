/**
 * "A ticket was assigned to you": an in-console notice (always) and a
 * desktop notification (when allowed). Permission is asked politely, once,
 * from the first notice itself, by a button the technician may ignore: the
 * console never blocks on it. In Electron the browser Notification API maps
 * to the operating system's notifications.
 */
import { create } from 'zustand';
import { memo, type ReactNode } from 'react';
import { useDeskEvent } from '../desk/desk-context.tsx';
import { useT, type Translator } from '../i18n/index.ts';
import { openTicket } from '../state/route-store.ts';
import { Icon } from '../ui/icons.tsx';

interface Notice {
  readonly key: number;
  readonly ticketId: string;
  readonly number: number | null;
  readonly subject: string;
}

const ASKED_KEY = 'ayni.notificationsAsked';
const MAX_NOTICES = 3;

const useNoticeStore = create<{ readonly notices: readonly Notice[]; readonly askPermission: boolean }>()(() => ({ notices: [], askPermission: false }));
let nextKey = 1;

function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function alreadyAsked(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === 'yes';
  } catch (error) {
    console.warn('[notices] cannot read whether permission was asked', error);
    return true;
  }
}

function rememberAsked(): void {
  try {
    localStorage.setItem(ASKED_KEY, 'yes');
  } catch (error) {
    console.warn('[notices] cannot remember that permission was asked', error);
  }
}

function titleOf(notice: Pick<Notice, 'number'>, t: Translator['t']): string {
  return notice.number === null ? t('notify.assignedNew') : t('notify.assigned', { number: notice.number });
}

function showDesktop(notice: Notice, t: Translator['t']): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  try {
    const desktop = new Notification(titleOf(notice, t), { body: notice.subject, tag: `ticket-${notice.ticketId}` });
    desktop.onclick = () => {
      window.focus();
      openTicket(notice.ticketId);
      desktop.close();
    };
  } catch (error) {
    // Some platforms refuse notifications from a page even when granted; the in-console notice is still there.
    console.warn('[notices] the desktop notification could not be shown', error);
  }
}

function dismiss(key: number): void {
  useNoticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.key !== key) }));
}

export const NoticeCenter = memo(function NoticeCenter(): ReactNode {
  const { t } = useT();
  const { notices, askPermission } = useNoticeStore();

  useDeskEvent('ticket.assigned', (payload) => {
    const notice: Notice = { key: nextKey++, ticketId: payload.ticketId, number: payload.number, subject: payload.subject };
    const ask = notificationsSupported() && Notification.permission === 'default' && !alreadyAsked();
    useNoticeStore.setState((s) => ({ notices: [...s.notices, notice].slice(-MAX_NOTICES), askPermission: s.askPermission || ask }));
    showDesktop(notice, t);
  });

  const answer = (allow: boolean): void => {
    rememberAsked();
    useNoticeStore.setState({ askPermission: false });
    if (allow && notificationsSupported()) {
      void Notification.requestPermission().catch((error: unknown) => console.warn('[notices] permission request failed', error));
    }
  };

  return (
    <section className="notices" aria-label={t('notify.region')} aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <div key={notice.key} className="toast" data-testid="assigned-notice" data-ticket-id={notice.ticketId}>
          <Icon name="bell" className="toast__icon" />
          <div className="toast__body">
            <p className="toast__title">{titleOf(notice, t)}</p>
            <p className="toast__text">{notice.subject}</p>
            <div className="toast__actions">
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => {
                  dismiss(notice.key);
                  openTicket(notice.ticketId);
                }}
              >
                {t('notify.open')}
              </button>
            </div>
          </div>
          <button type="button" className="button button--ghost button--icon button--tiny" aria-label={t('notify.dismiss')} onClick={() => dismiss(notice.key)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
      {askPermission ? (
        <div className="toast toast--ask" data-testid="notify-permission">
          <Icon name="info" className="toast__icon" />
          <div className="toast__body">
            <p className="toast__text">{t('notify.permission')}</p>
            <div className="toast__actions">
              <button type="button" className="button button--small button--primary" onClick={() => answer(true)}>
                {t('notify.allow')}
              </button>
              <button type="button" className="button button--small" onClick={() => answer(false)}>
                {t('notify.later')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
});
