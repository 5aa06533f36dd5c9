/**
 * What a good ticket records (DESIGN.md §1): type, channel, urgency, the
 * exact error message (monospace, as typed), the affected site, account and
 * equipment, and how often it happens. Read by default; "Editar datos" turns
 * it into a form that saves one `ticket.update` with the fields changed.
 */
import { useState, type ReactNode } from 'react';
import type { TicketDetail } from '../../../../src-shared/ipc/work-calls.ts';
import { CHANNELS, FREQUENCIES, TICKET_TYPES, URGENCIES } from '../../../../src-shared/protocol/entities.ts';
import { labelOf, type LabelKind } from '../../../../src-shared/tickets/labels.ts';
import { useEdit } from '../../desk/use-edit.ts';
import { expectedRevOf } from './expected-rev.ts';
import { editableOf, patchOf, TEXT_FIELDS, type Editable } from './ticket-patch.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

const TEXT_LABELS: Readonly<Record<(typeof TEXT_FIELDS)[number], MessageKey>> = {
  affectedSite: 'ticket.field.site',
  affectedAccount: 'ticket.field.account',
  affectedEquipment: 'ticket.field.equipment',
};


function Select<K extends LabelKind>(props: { readonly id: string; readonly label: MessageKey; readonly kind: K; readonly values: readonly string[]; readonly value: string | null; readonly onChange: (value: string | null) => void; readonly allowNone?: boolean }): ReactNode {
  const { t, locale } = useT();
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {t(props.label)}
      </label>
      <select id={props.id} className="input" value={props.value ?? ''} onChange={(event) => props.onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}>
        {props.allowNone ? <option value="">{t('ticket.field.none')}</option> : null}
        {props.values.map((value) => (
          <option key={value} value={value}>
            {labelOf(props.kind, value as never, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Fact({ label, children, wide }: { readonly label: string; readonly children: ReactNode; readonly wide?: boolean }): ReactNode {
  return (
    <div className={wide ? 'facts-grid__item facts-grid__item--wide' : 'facts-grid__item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function TicketFields({ detail }: { readonly detail: TicketDetail }): ReactNode {
  const { t, locale } = useT();
  const { ticket } = detail;
  const [draft, setDraft] = useState<Editable | null>(null);
  const edit = useEdit();
  const none = <span className="muted">{t('ticket.field.none')}</span>;

  if (draft !== null) {
    const set = (patch: Partial<Editable>): void => setDraft({ ...draft, ...patch });
    return (
      <section className="card ticket-card" aria-labelledby="fields-title" data-testid="ticket-fields">
        <h3 id="fields-title" className="ticket-card__title">
          {t('ticket.fields.title')}
        </h3>
        <form
          className="form-grid"
          onSubmit={(event) => {
            event.preventDefault();
            const patch = patchOf(editableOf(ticket), draft);
            if (Object.keys(patch).length === 0) {
              setDraft(null);
              return;
            }
            void edit.apply('ticket.update', { id: ticket.id, patch, ...expectedRevOf(detail) }).then((id) => {
              if (id !== null) setDraft(null);
            });
          }}
        >
          <Select id="f-type" label="ticket.field.type" kind="ticketType" values={TICKET_TYPES} value={draft.type} onChange={(v) => v && set({ type: v as Editable['type'] })} />
          <Select id="f-channel" label="ticket.field.channel" kind="channel" values={CHANNELS} value={draft.channel} onChange={(v) => v && set({ channel: v as Editable['channel'] })} />
          <Select id="f-urgency" label="ticket.field.urgency" kind="urgency" values={URGENCIES} value={draft.urgency} onChange={(v) => v && set({ urgency: v as Editable['urgency'] })} />
          <Select id="f-frequency" label="ticket.field.frequency" kind="frequency" values={FREQUENCIES} value={draft.frequency} allowNone onChange={(v) => set({ frequency: v as Editable['frequency'] })} />
          <div className="field form-grid__wide">
            <label className="field__label" htmlFor="f-error">
              {t('ticket.field.errorMessage')}
            </label>
            <textarea id="f-error" className="input input--mono" rows={3} maxLength={2000} value={draft.errorMessage ?? ''} aria-describedby="f-error-help" onChange={(event) => set({ errorMessage: event.currentTarget.value })} />
            <p id="f-error-help" className="field__help">
              {t('ticket.field.errorMessageHelp')}
            </p>
          </div>
          {TEXT_FIELDS.map((key) => (
            <div className="field" key={key}>
              <label className="field__label" htmlFor={`f-${key}`}>
                {t(TEXT_LABELS[key])}
              </label>
              <input id={`f-${key}`} className="input" maxLength={200} value={draft[key] ?? ''} onChange={(event) => set({ [key]: event.currentTarget.value })} />
            </div>
          ))}
          <div className="field form-grid__wide">
            <label className="field__label" htmlFor="f-description">
              {t('ticket.field.description')}
            </label>
            <textarea id="f-description" className="input" rows={4} maxLength={20000} value={draft.description} onChange={(event) => set({ description: event.currentTarget.value })} />
          </div>
          <div className="form-grid__wide form-actions">
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={edit.state.status === 'saving'}>
              {t('ticket.fields.save')}
            </button>
          </div>
          {edit.state.status === 'error' ? <ErrorNotice title={t('ticket.saveError')} error={edit.state.error} /> : null}
        </form>
      </section>
    );
  }

  return (
    <section className="card ticket-card" aria-labelledby="fields-title" data-testid="ticket-fields">
      <div className="ticket-card__head">
        <h3 id="fields-title" className="ticket-card__title">
          {t('ticket.fields.title')}
        </h3>
        <button type="button" className="button button--ghost button--small" onClick={() => setDraft(editableOf(ticket))}>
          {t('ticket.fields.edit')}
        </button>
      </div>
      {ticket.description.trim() !== '' ? <p className="ticket-description">{ticket.description}</p> : null}
      <dl className="facts-grid">
        <Fact label={t('ticket.field.type')}>{labelOf('ticketType', ticket.type, locale)}</Fact>
        <Fact label={t('ticket.field.channel')}>{labelOf('channel', ticket.channel, locale)}</Fact>
        <Fact label={t('ticket.field.urgency')}>{labelOf('urgency', ticket.urgency, locale)}</Fact>
        <Fact label={t('ticket.field.frequency')}>{ticket.frequency ? labelOf('frequency', ticket.frequency, locale) : none}</Fact>
        <Fact label={t('ticket.field.errorMessage')} wide>
          {ticket.errorMessage ? (
            <pre className="error-message" data-testid="error-message">
              <code>{ticket.errorMessage}</code>
            </pre>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('ticket.field.site')}>{ticket.affectedSite ?? none}</Fact>
        <Fact label={t('ticket.field.account')}>{ticket.affectedAccount ?? none}</Fact>
        <Fact label={t('ticket.field.equipment')}>{ticket.affectedEquipment ?? none}</Fact>
        {ticket.requesterName ? <Fact label={t('newTicket.requesterName')}>{ticket.requesterName}{ticket.requesterEmail ? ` · ${ticket.requesterEmail}` : ''}</Fact> : null}
      </dl>
    </section>
  );
}
