/**
 * The ticket workspace (#/ticket/<id>): header and moves, the case details,
 * the thread and the composer on the left; customer and balance, time and
 * on-site work on the right. Escape goes back to the queue, which kept its
 * scroll position and selection. Re-read whenever synced rows of the ticket,
 * its events, time, visits or the customer's balance change.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { callEarly, useDesk, useDeskQuery } from '../../desk/desk-context.tsx';
import { useT } from '../../i18n/index.ts';
import { hasModifier, isTypingTarget } from '../../shell/use-shortcuts.ts';
import { queueActions } from '../../state/queue-store.ts';
import { navigate, setTicketReader, subscribeRoute } from '../../state/route-store.ts';
import { setPageTitle } from '../../state/title-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Composer, type ComposerMode } from './Composer.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { OnsitePanel } from './OnsitePanel.tsx';
import { Thread } from './Thread.tsx';
import { TicketFields } from './TicketFields.tsx';
import { TicketHeader } from './TicketHeader.tsx';
import { TimePanel } from './TimePanel.tsx';

const TICKET_ENTITIES = ['ticket', 'ticketEvent', 'timeEntry', 'visit', 'balance', 'customer', 'user', 'plan', 'planAssignment', '*'];

function useTicketKeys(onCompose: (mode: ComposerMode) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || hasModifier(event)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'Escape') {
        // Escape in a field only leaves the field; a second Escape leaves the ticket.
        if (isTypingTarget(event.target)) {
          (event.target as HTMLElement).blur();
          return;
        }
        event.preventDefault();
        navigate('queue');
        return;
      }
      if (isTypingTarget(event.target)) return;
      if (event.key === 'r' || event.key === 'i') {
        event.preventDefault();
        onCompose(event.key === 'r' ? 'reply' : 'note');
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onCompose]);
}

/**
 * Asks the desk for a ticket as soon as anything opens it. openTicket (a
 * click or Enter in the Cola, the palette, a notice, Needs attention) sends
 * the read and waits for its answer before changing the screen, so the
 * workspace's first render already has the ticket; back/forward and a typed
 * fragment change the screen at once, and the read leaves inside that
 * navigation. Either way the workspace takes the call (callEarly) instead of
 * asking again.
 */
export function useEarlyTicketReads(): void {
  const desk = useDesk();
  useEffect(() => {
    const stopReads = setTicketReader((id) => callEarly(desk, 'ticket.get', { id }));
    const stopRoutes = subscribeRoute((location) => {
      if (location.route === 'ticket' && location.ticketId !== null) void callEarly(desk, 'ticket.get', { id: location.ticketId });
    });
    return () => {
      stopReads();
      stopRoutes();
    };
  }, [desk]);
}

export function TicketPage({ ticketId }: { readonly ticketId: string }): ReactNode {
  const { t } = useT();
  const { state, reload } = useDeskQuery('ticket.get', { id: ticketId }, TICKET_ENTITIES);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [focusKey, setFocusKey] = useState(0);
  const detail = state.value ?? null;
  // The SLA timer runs on from the moment the desk answered.
  const readAt = useMemo(() => (detail ? Date.now() : 0), [detail]);

  const compose = useMemo(
    () => (next: ComposerMode) => {
      setMode(next);
      setFocusKey((k) => k + 1);
    },
    [],
  );
  useTicketKeys(compose);

  useEffect(() => {
    // The queue's cursor follows the ticket, so Escape lands on it.
    queueActions.setActive(ticketId);
  }, [ticketId]);

  useEffect(() => {
    setPageTitle(detail ? (detail.ticket.number === null ? t('page.ticket.titleNew') : t('page.ticket.titleNumber', { number: detail.ticket.number })) : null);
    return () => setPageTitle(null);
  }, [detail, t]);

  if (state.status === 'error' && !detail) {
    return (
      <section className="page" data-page="ticket" data-state="error">
        <ErrorNotice title={t('ticket.errorTitle')} error={state.error} onRetry={reload} />
      </section>
    );
  }
  if (!detail) {
    const missing = state.status === 'ready';
    return (
      <section className="page" data-page="ticket" data-state={missing ? 'missing' : 'loading'}>
        <p className="muted" role="status">
          {missing ? t('ticket.notFound') : t('ticket.loading')}
        </p>
      </section>
    );
  }
  return (
    <article
      className="ticket"
      data-page="ticket"
      data-state="ready"
      data-ticket-id={detail.ticket.id}
      data-status={detail.ticket.status}
      data-pending-sync={detail.pendingSync ? 'true' : 'false'}
      aria-labelledby="ticket-title"
    >
      <TicketHeader detail={detail} readAt={readAt} />
      <div className="ticket__body">
        <div className="ticket__main">
          <TicketFields key={detail.ticket.id} detail={detail} />
          <Thread detail={detail} />
          <Composer ticketId={detail.ticket.id} mode={mode} onModeChange={setMode} focusKey={focusKey} />
        </div>
        <aside className="ticket__side" aria-label={t('customer.title')}>
          <CustomerCard detail={detail} />
          <TimePanel detail={detail} />
          <OnsitePanel detail={detail} />
        </aside>
      </div>
    </article>
  );
}
