/**
 * The top of the ticket workspace: number, subject, status, urgency, SLA and
 * sync marker; then the moves a technician makes most: change the status
 * (only to the statuses the state machine allows from here) and assign.
 */
import { useState, type ReactNode } from 'react';
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import { TicketStatus } from '../../../../src-shared/protocol/entities.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { useDeskQuery } from '../../desk/desk-context.tsx';
import { useEdit } from '../../desk/use-edit.ts';
import { expectedRevOf } from './expected-rev.ts';
import { useT } from '../../i18n/index.ts';
import { navigate } from '../../state/route-store.ts';
import { useCanAssign, useMyUserId } from '../../state/session-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { SlaCell, StatusText, UrgencyText } from '../queue/cells.tsx';

function StatusChanger({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t, locale } = useT();
  const edit = useEdit();
  const [next, setNext] = useState('');
  const allowed = detail.allowedStatuses;
  if (allowed.length === 0) return <p className="muted action-note">{t('ticket.status.none')}</p>;
  return (
    <form
      className="inline-action"
      data-testid="status-changer"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = TicketStatus.safeParse(next);
        if (!parsed.success) return;
        void edit.apply('ticket.setStatus', { id: detail.ticket.id, status: parsed.data, ...expectedRevOf(detail) }).then((id) => {
          if (id !== null) setNext('');
        });
      }}
    >
      <label htmlFor="ticket-status">{t('ticket.status.label')}</label>
      <select id="ticket-status" className="input input--small" value={next} onChange={(event) => setNext(event.currentTarget.value)}>
        <option value="">{t('ticket.status.choose')}</option>
        {allowed.map((status) => (
          <option key={status} value={status}>
            {labelOf('status', status, locale)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={next === '' || edit.state.status === 'saving'}>
        {t('ticket.status.apply')}
      </button>
      {edit.state.status === 'error' ? <ErrorNotice title={t('ticket.saveError')} error={edit.state.error} /> : null}
    </form>
  );
}

const NOBODY = '';

function Assigner({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t } = useT();
  const me = useMyUserId();
  const canAssign = useCanAssign();
  const edit = useEdit();
  const { state: users } = useDeskQuery('users.list', { role: 'technician' }, ['user'], { afterPaint: true });
  const current = detail.ticket.assigneeId ?? NOBODY;
  const assign = (assigneeId: string | null): void => {
    void edit.apply('ticket.assign', { id: detail.ticket.id, assigneeId });
  };
  const technicians = users.value?.filter((u) => u.active) ?? [];
  const assigneeName = detail.assignee?.name;
  if (!canAssign) {
    return (
      <div className="inline-action" data-testid="assigner" data-readonly="true">
        <span className="inline-action__label">{t('ticket.assign.label')}</span>
        <span>{assigneeName ?? t('ticket.assign.nobody')}</span>
        <span className="muted">· {t('ticket.assign.onlyDispatch')}</span>
      </div>
    );
  }
  return (
    <div className="inline-action" data-testid="assigner">
      <label htmlFor="ticket-assignee">{t('ticket.assign.label')}</label>
      <select id="ticket-assignee" className="input input--small" value={current} onChange={(event) => assign(event.currentTarget.value === NOBODY ? null : event.currentTarget.value)}>
        <option value={NOBODY}>{t('ticket.assign.nobody')}</option>
        {/* The current assignee stays listed even when not a technician (e.g. a dispatcher took it). */}
        {detail.assignee && !technicians.some((u) => u.id === detail.assignee?.id) ? <option value={detail.assignee.id}>{assigneeName}</option> : null}
        {technicians.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {me !== null && current !== me ? (
        <button type="button" className="button button--small" onClick={() => assign(me)} data-testid="assign-me">
          <Icon name="user" />
          {t('ticket.assign.me')}
        </button>
      ) : null}
      {edit.state.status === 'error' ? <ErrorNotice title={t('ticket.saveError')} error={edit.state.error} /> : null}
    </div>
  );
}

export function TicketHeader({ detail, readAt }: { readonly detail: TicketDetail; readonly readAt: number }): ReactNode {
  const { t } = useT();
  const { ticket } = detail;
  return (
    <header className="ticket-head">
      <div className="ticket-head__top">
        <button type="button" className="button button--ghost button--small" onClick={() => navigate('queue')} aria-keyshortcuts="Escape" data-testid="back-to-queue">
          <Icon name="arrowLeft" />
          {t('ticket.back')}
          <kbd aria-hidden="true">Esc</kbd>
        </button>
        <div className="ticket-head__chips">
          <StatusText status={ticket.status} />
          <UrgencyText urgency={ticket.urgency} />
          <SlaCell sla={detail.sla} readAt={readAt} status={ticket.status} />
          {detail.pendingSync ? (
            <span className="pending-chip" data-testid="ticket-pending">
              <Icon name="upload" />
              {t('ticket.pendingSync')}
            </span>
          ) : null}
        </div>
      </div>
      <h2 id="ticket-title" className="ticket-head__title" data-testid="ticket-title">
        <span className="ticket-head__number">{ticket.number === null ? t('page.ticket.titleNew') : `#${ticket.number}`}</span>
        <span>{ticket.subject}</span>
      </h2>
      <div className="ticket-head__actions" role="group" aria-label={t('ticket.actions')}>
        <StatusChanger detail={detail} />
        <Assigner detail={detail} />
      </div>
    </header>
  );
}
