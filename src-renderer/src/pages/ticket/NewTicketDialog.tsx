/**
 * A ticket for a registered customer who called or wrote: find the customer,
 * say how the request came in, and record what a good ticket needs (exact
 * error message, affected site/account/equipment, how often). By email, the
 * requester must be one of the customer's registered addresses (DESIGN.md
 * §1), so the address is picked from that list, not typed.
 */
import { memo, useEffect, useState, type ReactNode } from 'react';
import { FREQUENCIES, TICKET_TYPES, URGENCIES, type Frequency, type TicketType, type Urgency } from '../../../../src-shared/protocol/entities.ts';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { useCustomerSearch, type CustomerHit } from '../../desk/use-customer-search.ts';
import { useEdit } from '../../desk/use-edit.ts';
import { useT } from '../../i18n/index.ts';
import { CustomerHitText } from '../../ui/CustomerHitText.tsx';
import { openTicket } from '../../state/route-store.ts';
import { useMyUserId } from '../../state/session-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { missingFields } from './new-ticket-rules.ts';

type IntakeChannel = 'phone' | 'email';

interface Draft {
  readonly channel: IntakeChannel;
  readonly customer: CustomerHit | null;
  readonly requesterName: string;
  readonly requesterEmail: string;
  readonly type: TicketType;
  readonly urgency: Urgency;
  readonly subject: string;
  readonly description: string;
  readonly errorMessage: string;
  readonly affectedSite: string;
  readonly affectedAccount: string;
  readonly affectedEquipment: string;
  readonly frequency: Frequency | '';
  readonly assignMe: boolean;
}

const EMPTY: Draft = {
  channel: 'phone',
  customer: null,
  requesterName: '',
  requesterEmail: '',
  type: 'incidencia',
  urgency: 'medium',
  subject: '',
  description: '',
  errorMessage: '',
  affectedSite: '',
  affectedAccount: '',
  affectedEquipment: '',
  frequency: '',
  assignMe: true,
};

function CustomerSearch({ onPick }: { readonly onPick: (customer: CustomerHit) => void }): ReactNode {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const hits = useCustomerSearch(query, 'new ticket') ?? [];
  return (
    <div className="field">
      <label className="field__label" htmlFor="nt-customer">
        {t('newTicket.customer')}
      </label>
      <input id="nt-customer" className="input" type="search" placeholder={t('newTicket.customerSearch')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} autoFocus data-testid="nt-customer-search" />
      <ul className="pick-list" aria-label={t('newTicket.customer')}>
        {hits.length === 0 ? <li className="muted pick-list__empty">{t('newTicket.noCustomers')}</li> : null}
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="pick-list__item" onClick={() => onPick(hit)} data-testid="nt-customer-hit">
              <CustomerHitText hit={hit} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const NewTicketDialog = memo(function NewTicketDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }): ReactNode {
  const { t, locale } = useT();
  const me = useMyUserId();
  const edit = useEdit();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [showMissing, setShowMissing] = useState(false);
  useEffect(() => {
    if (open) {
      setDraft(EMPTY);
      setShowMissing(false);
      edit.reset();
    }
  }, [open, edit.reset]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));
  const missing = missingFields(draft);
  const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

  const create = async (): Promise<void> => {
    if (missing.length > 0 || draft.customer === null) {
      setShowMissing(true);
      return;
    }
    const id = await edit.apply('ticket.create', {
      customerId: draft.customer.id,
      type: draft.type,
      channel: draft.channel,
      urgency: draft.urgency,
      subject: draft.subject.trim(),
      description: draft.description,
      requesterName: text(draft.requesterName),
      requesterEmail: draft.channel === 'email' ? draft.requesterEmail : null,
      errorMessage: text(draft.errorMessage),
      affectedSite: text(draft.affectedSite),
      affectedAccount: text(draft.affectedAccount),
      affectedEquipment: text(draft.affectedEquipment),
      frequency: draft.frequency === '' ? null : draft.frequency,
      assigneeId: draft.assignMe ? me : null,
    });
    if (id !== null) {
      onClose();
      openTicket(id);
    }
  };

  const customer = draft.customer;
  return (
    <Dialog
      open={open}
      title={t('newTicket.title')}
      intro={t('newTicket.intro')}
      onClose={onClose}
      className="dialog--form"
      testId="new-ticket-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="new-ticket-form" className="button button--primary" disabled={edit.state.status === 'saving'} data-testid="nt-create">
            {t('newTicket.create')}
          </button>
        </>
      }
    >
      <form
        id="new-ticket-form"
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <fieldset className="fieldset segmented form-grid__wide">
          <legend className="field__label">{t('ticket.field.channel')}</legend>
          {(['phone', 'email'] as const).map((channel) => (
            <label key={channel} className={`segmented__option${draft.channel === channel ? ' is-on' : ''}`}>
              <input type="radio" name="nt-channel" value={channel} checked={draft.channel === channel} onChange={() => set({ channel, requesterEmail: '' })} />
              {labelOf('channel', channel, locale)}
            </label>
          ))}
        </fieldset>
        {draft.channel === 'phone' ? <p className="field__help form-grid__wide">{t('newTicket.phoneHint')}</p> : null}

        <div className="form-grid__wide">
          {customer === null ? (
            <CustomerSearch onPick={(hit) => set({ customer: hit, requesterEmail: hit.emails[0] ?? '' })} />
          ) : (
            <div className="picked" data-testid="nt-customer">
              <span className="field__label">{t('newTicket.customer')}</span>
              <p>
                <strong>{customer.name}</strong> <span className="muted">· {customer.code}</span>
              </p>
              <button type="button" className="button button--ghost button--small" onClick={() => set({ customer: null, requesterEmail: '' })}>
                {t('newTicket.customerChange')}
              </button>
            </div>
          )}
        </div>

        <div className="field">
          <label className="field__label" htmlFor="nt-requester">
            {t('newTicket.requesterName')}
          </label>
          <input id="nt-requester" className="input" maxLength={120} value={draft.requesterName} onChange={(event) => set({ requesterName: event.currentTarget.value })} />
        </div>
        {draft.channel === 'email' ? (
          <div className="field">
            <label className="field__label" htmlFor="nt-email">
              {t('newTicket.requesterEmail')}
            </label>
            {customer && customer.emails.length === 0 ? (
              <p className="error-text" id="nt-email">
                {t('newTicket.noEmails')}
              </p>
            ) : (
              <select id="nt-email" className="input" value={draft.requesterEmail} aria-describedby="nt-email-help" onChange={(event) => set({ requesterEmail: event.currentTarget.value })} data-testid="nt-email">
                {(customer?.emails ?? []).map((email) => (
                  <option key={email} value={email}>
                    {email}
                  </option>
                ))}
              </select>
            )}
            <p id="nt-email-help" className="field__help">
              {t('newTicket.emailMustBeRegistered')}
            </p>
          </div>
        ) : (
          <div />
        )}

        <div className="field">
          <label className="field__label" htmlFor="nt-type">
            {t('ticket.field.type')}
          </label>
          <select id="nt-type" className="input" value={draft.type} onChange={(event) => set({ type: event.currentTarget.value as TicketType })}>
            {TICKET_TYPES.map((v) => (
              <option key={v} value={v}>
                {labelOf('ticketType', v, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nt-urgency">
            {t('ticket.field.urgency')}
          </label>
          <select id="nt-urgency" className="input" value={draft.urgency} onChange={(event) => set({ urgency: event.currentTarget.value as Urgency })}>
            {URGENCIES.map((v) => (
              <option key={v} value={v}>
                {labelOf('urgency', v, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field form-grid__wide">
          <label className="field__label" htmlFor="nt-subject">
            {t('ticket.field.subject')}
          </label>
          <input id="nt-subject" className="input" maxLength={200} value={draft.subject} onChange={(event) => set({ subject: event.currentTarget.value })} data-testid="nt-subject" />
        </div>
        <div className="field form-grid__wide">
          <label className="field__label" htmlFor="nt-error">
            {t('ticket.field.errorMessage')}
          </label>
          <textarea id="nt-error" className="input input--mono" rows={2} maxLength={2000} value={draft.errorMessage} aria-describedby="nt-error-help" onChange={(event) => set({ errorMessage: event.currentTarget.value })} />
          <p id="nt-error-help" className="field__help">
            {t('ticket.field.errorMessageHelp')}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nt-site">
            {t('ticket.field.site')}
          </label>
          <input id="nt-site" className="input" maxLength={200} value={draft.affectedSite} onChange={(event) => set({ affectedSite: event.currentTarget.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nt-equipment">
            {t('ticket.field.equipment')}
          </label>
          <input id="nt-equipment" className="input" maxLength={200} value={draft.affectedEquipment} onChange={(event) => set({ affectedEquipment: event.currentTarget.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nt-account">
            {t('ticket.field.account')}
          </label>
          <input id="nt-account" className="input" maxLength={200} value={draft.affectedAccount} onChange={(event) => set({ affectedAccount: event.currentTarget.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nt-frequency">
            {t('ticket.field.frequency')}
          </label>
          <select id="nt-frequency" className="input" value={draft.frequency} onChange={(event) => set({ frequency: event.currentTarget.value as Frequency | '' })}>
            <option value="">{t('ticket.field.none')}</option>
            {FREQUENCIES.map((v) => (
              <option key={v} value={v}>
                {labelOf('frequency', v, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field form-grid__wide">
          <label className="field__label" htmlFor="nt-description">
            {t('ticket.field.description')}
          </label>
          <textarea id="nt-description" className="input" rows={3} maxLength={20000} value={draft.description} onChange={(event) => set({ description: event.currentTarget.value })} />
        </div>
        <label className="check form-grid__wide">
          <input type="checkbox" checked={draft.assignMe} onChange={(event) => set({ assignMe: event.currentTarget.checked })} />
          {t('newTicket.assignMe')}
        </label>
        {showMissing && missing.length > 0 ? (
          <p className="error-text form-grid__wide" role="alert" data-testid="nt-missing">
            {t('newTicket.required', { fields: missing.map((key) => t(key)).join(', ') })}
          </p>
        ) : null}
        {edit.state.status === 'error' ? (
          <div className="form-grid__wide">
            <ErrorNotice title={t('newTicket.error')} error={edit.state.error} />
          </div>
        ) : null}
      </form>
    </Dialog>
  );
});
