/**
 * Actions on the selected tickets: assign them (to me, to a technician, to
 * nobody) or move them to a status, in one `edit.bulk`. The desk saves what
 * it can and lists what the rules refuse (e.g. a move the state machine does
 * not allow), which is shown here ticket by ticket.
 */
import { useState, type ReactNode } from 'react';
import { TICKET_STATUSES, TicketStatus } from '../../../../src-shared/protocol/entities.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import type { AppError } from '../../../../src-shared/result.ts';
import { useDesk, useDeskQuery } from '../../desk/desk-context.tsx';
import { useT } from '../../i18n/index.ts';
import { queueActions, useSelection } from '../../state/queue-store.ts';
import { useCanAssign, useMyUserId } from '../../state/session-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import type { QueueItem } from './queue-pager.ts';

type Outcome = { readonly saved: number; readonly refused: ReadonlyArray<{ readonly id: string; readonly message: string }> };

const ME = 'me';
const NOBODY = 'nobody';

export function BulkBar({ items }: { readonly items: readonly QueueItem[] }): ReactNode {
  const { t, tn, locale } = useT();
  const desk = useDesk();
  const selection = useSelection();
  const me = useMyUserId();
  const canAssign = useCanAssign();
  const ids = Object.keys(selection).filter((id) => selection[id]);
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { state: users } = useDeskQuery('users.list', { role: 'technician' }, ['user']);

  if (ids.length === 0 && outcome === null && error === null) return null;

  const run = async (action: { kind: 'assign'; assigneeId: string | null } | { kind: 'setStatus'; status: TicketStatus }): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await desk.call('edit.bulk', { ids: ids.slice(0, 500), action });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOutcome(result.value);
    // Keep the refused ones selected: they are the ones still to deal with.
    const refused = new Set(result.value.refused.map((r) => r.id));
    queueActions.setSelection(Object.fromEntries([...refused].map((id) => [id, true])));
  };

  const numberOf = (id: string): string => {
    const item = items.find((i) => i.id === id);
    return item?.number != null ? `#${item.number}` : id.slice(0, 8);
  };

  return (
    <section className="bulk" aria-label={t('bulk.label')} data-testid="bulk-bar">
      {ids.length > 0 ? (
        <div className="bulk__row">
          <strong className="bulk__count" data-testid="bulk-count">
            {tn('bulk.selected', ids.length)}
          </strong>
          {canAssign ? (
          <form
            className="bulk__action"
            onSubmit={(event) => {
              event.preventDefault();
              if (assignee === '') return;
              void run({ kind: 'assign', assigneeId: assignee === NOBODY ? null : assignee === ME ? me : assignee });
            }}
          >
            <label htmlFor="bulk-assignee">{t('bulk.assign')}</label>
            <select id="bulk-assignee" className="input input--small" value={assignee} onChange={(event) => setAssignee(event.currentTarget.value)}>
              <option value="">{t('bulk.assignPlaceholder')}</option>
              {me ? <option value={ME}>{t('bulk.assignMe')}</option> : null}
              {users.value
                ?.filter((u) => u.active && u.id !== me)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              <option value={NOBODY}>{t('bulk.unassign')}</option>
            </select>
            <button type="submit" className="button button--small" disabled={busy || assignee === ''} data-testid="bulk-assign-apply">
              {t('bulk.apply')}
            </button>
          </form>
          ) : null}
          <form
            className="bulk__action"
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = TicketStatus.safeParse(status);
              if (parsed.success) void run({ kind: 'setStatus', status: parsed.data });
            }}
          >
            <label htmlFor="bulk-status">{t('bulk.status')}</label>
            <select id="bulk-status" className="input input--small" value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
              <option value="">{t('bulk.statusPlaceholder')}</option>
              {TICKET_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labelOf('status', s, locale)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small" disabled={busy || status === ''} data-testid="bulk-status-apply">
              {t('bulk.apply')}
            </button>
          </form>
          <button type="button" className="button button--ghost button--small" onClick={queueActions.clearSelection}>
            {t('bulk.clear')}
          </button>
        </div>
      ) : null}
      {outcome ? (
        <div className="bulk__outcome" role="status" data-testid="bulk-outcome">
          {outcome.saved > 0 ? <p>{tn('bulk.saved', outcome.saved)}</p> : null}
          {outcome.refused.length > 0 ? (
            <>
              <p>{tn('bulk.refused', outcome.refused.length)}</p>
              <ul className="bulk__refused">
                {outcome.refused.map((r) => (
                  <li key={r.id}>
                    <strong>{numberOf(r.id)}</strong>: {r.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="button button--ghost button--small" onClick={() => setOutcome(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorNotice title={t('bulk.errorTitle')} error={error} /> : null}
    </section>
  );
}
