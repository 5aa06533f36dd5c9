/**
 * Requiere atención: the edits the server refused, each with the server's
 * reason (in Spanish, as the server wrote it). Nothing is lost: the
 * technician fixes the values in a small form and retries, or discards the
 * edit, which puts the server's version back on screen.
 */
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { AttentionItemSchema } from '../../../../src-shared/ipc/work-calls.ts';
import type { AppError } from '../../../../src-shared/result.ts';
import { useDesk, useDeskEvent, useDeskQuery } from '../../desk/desk-context.tsx';
import { formatLimaDateTime, limaDateOf } from '../../i18n/format.ts';
import { useT, type MessageKey, type Translator } from '../../i18n/index.ts';
import { openTicket } from '../../state/route-store.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { CHANNELS, FREQUENCIES, TICKET_STATUSES, TICKET_TYPES, URGENCIES, WORK_KINDS } from '../../../../src-shared/protocol/entities.ts';
import { labelOf, type LabelKind } from '../../../../src-shared/tickets/labels.ts';
import { esPE } from '../../i18n/es-PE.ts';
import { argsOf, fieldsOf, type ArgField } from './args-form.ts';
import { idRefOf, pickedId } from './id-fields.ts';
import { CustomerPicker, PersonPicker } from './IdPickers.tsx';

/** Fields whose values are one of a list: shown as a select with the words people use. */
const ENUM_FIELDS: Readonly<Record<string, { readonly kind: LabelKind; readonly values: readonly string[] }>> = {
  status: { kind: 'status', values: TICKET_STATUSES },
  kind: { kind: 'workKind', values: WORK_KINDS },
  urgency: { kind: 'urgency', values: URGENCIES },
  type: { kind: 'ticketType', values: TICKET_TYPES },
  channel: { kind: 'channel', values: CHANNELS },
  frequency: { kind: 'frequency', values: FREQUENCIES },
};

/** "attention.field.minutes" when the catalog names the field, else null (the raw name is shown). */
function fieldLabelKey(path: string): MessageKey | null {
  const name = path.split('.').at(-1) ?? path;
  const key = `attention.field.${name}`;
  return key in esPE ? (key as MessageKey) : null;
}

type AttentionItem = z.infer<typeof AttentionItemSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar dates in edit arguments (the day of a time entry): edited with a DateField, not as raw ISO text. */
function isDateField(field: ArgField): boolean {
  return field.kind === 'text' && !field.readOnly && field.path.split('.').at(-1) === 'workDate';
}

function fieldLabelText(field: ArgField, t: Translator['t']): string {
  const key = fieldLabelKey(field.path);
  return key ? t(key) : field.path;
}

const MUTATION_LABELS: Readonly<Record<string, MessageKey>> = {
  'ticket.create': 'mutation.ticket.create',
  'ticket.update': 'mutation.ticket.update',
  'ticket.setStatus': 'mutation.ticket.setStatus',
  'ticket.assign': 'mutation.ticket.assign',
  'ticket.addNote': 'mutation.ticket.addNote',
  'time.log': 'mutation.time.log',
  'visit.book': 'mutation.visit.book',
  'visit.reschedule': 'mutation.visit.reschedule',
  'visit.cancel': 'mutation.visit.cancel',
  'visit.checkIn': 'mutation.visit.checkIn',
  'visit.checkOut': 'mutation.visit.checkOut',
};

function FieldLabel({ field }: { readonly field: ArgField }): ReactNode {
  const { t } = useT();
  const key = fieldLabelKey(field.path);
  return key ? t(key) : <code>{field.path}</code>;
}

/** Rows whose change can alter the ticket's number or subject. */
const TICKET_NAME_ENTITIES = ['ticket', '*'];

/**
 * The ticket an edit is about, as people know it: "#1027 · Cableado del
 * segundo piso", read from the local copy. A ticket the server has not
 * numbered yet says so; one this computer no longer has is "not available".
 */
function TicketName({ ticketId }: { readonly ticketId: string }): ReactNode {
  const { t } = useT();
  const { state } = useDeskQuery('ticket.get', { id: ticketId }, TICKET_NAME_ENTITIES);
  const ticket = state.value?.ticket;
  return (
    <p className="attention-item__ticket" data-testid="attention-ticket">
      <span className="attention-item__ticket-label">{t('attention.ticket')}</span>{' '}
      {ticket ? (
        <>
          <span className="attention-item__ticket-number">{ticket.number === null ? t('attention.ticketNoNumber') : `#${ticket.number}`}</span>
          {' · '}
          <span className="attention-item__ticket-subject">{ticket.subject}</span>
        </>
      ) : (
        <span className="muted">{state.status === 'loading' ? '…' : t('attention.ticketUnavailable')}</span>
      )}
    </p>
  );
}

function FixForm({ item, onDone }: { readonly item: AttentionItem; readonly onDone: (error: AppError | null) => void }): ReactNode {
  const { t, locale } = useT();
  const desk = useDesk();
  const [fields, setFields] = useState<ArgField[]>(() => fieldsOf(item.args));
  const [invalid, setInvalid] = useState<string | null>(null);
  const update = (index: number, patch: Partial<ArgField>): void => setFields((all) => all.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  return (
    <form
      className="fix-form"
      data-testid="fix-form"
      onSubmit={(event) => {
        event.preventDefault();
        const badDate = fields.find((f) => isDateField(f) && !ISO_DATE.test(f.text));
        if (badDate) {
          setInvalid(badDate.path);
          return;
        }
        const built = argsOf(fields);
        if (!built.ok) {
          setInvalid(built.path);
          return;
        }
        setInvalid(null);
        void desk.call('attention.retry', { id: item.id, args: built.args }).then((result) => onDone(result.ok ? null : result.error));
      }}
    >
      <fieldset className="fieldset">
        <legend className="field__label">{t('attention.fields')}</legend>
        <div className="fix-form__grid">
          {fields.map((field, index) => {
            // The edit's own ids (the ticket, the visit, the time entry) travel with the retry untouched; a
            // person cannot use a UUID, so they are not shown: the card names the ticket as people know it.
            if (field.readOnly) return null;
            const id = `fix-${item.id}-${field.path}`;
            if (field.kind === 'boolean') {
              return (
                <label key={field.path} className="check">
                  <input type="checkbox" checked={field.checked} onChange={(event) => update(index, { checked: event.currentTarget.checked })} />
                  <FieldLabel field={field} />
                </label>
              );
            }
            // Ids of other records (the customer, the assignee, the technician): picked by name, stored as the id.
            const ref = idRefOf(field);
            if (ref?.kind === 'customer') {
              return <CustomerPicker key={field.path} id={id} label={<FieldLabel field={field} />} value={field.text} onChange={(value) => update(index, pickedId(value))} />;
            }
            if (ref?.kind === 'technician') {
              return (
                <PersonPicker
                  key={field.path}
                  id={id}
                  label={<FieldLabel field={field} />}
                  value={field.text}
                  nullable={ref.nullable}
                  onChange={(value) => update(index, pickedId(value))}
                />
              );
            }
            const options = ENUM_FIELDS[field.path.split('.').at(-1) ?? ''];
            if (options && field.kind === 'text' && !field.readOnly && (field.text === '' || options.values.includes(field.text))) {
              return (
                <div key={field.path} className="field">
                  <label className="field__label" htmlFor={id}>
                    <FieldLabel field={field} />
                  </label>
                  <select id={id} className="input" value={field.text} onChange={(event) => update(index, { text: event.currentTarget.value })}>
                    {field.wasNull ? <option value="">{t('ticket.field.none')}</option> : null}
                    {options.values.map((value) => (
                      <option key={value} value={value}>
                        {labelOf(options.kind, value as never, locale)}
                      </option>
                    ))}
                  </select>
                </div>
              );
            }
            if (isDateField(field)) {
              // The date a person reads and types dd/mm/aaaa; the retried edit carries ISO as before. Work is never in the future.
              return (
                <DateField
                  key={field.path}
                  id={id}
                  label={fieldLabelText(field, t)}
                  value={ISO_DATE.test(field.text) ? field.text : null}
                  max={field.path === 'workDate' ? limaDateOf(new Date()) : undefined}
                  onChange={(iso) => update(index, { text: iso ?? '' })}
                />
              );
            }
            return (
              <div key={field.path} className="field">
                <label className="field__label" htmlFor={id}>
                  <FieldLabel field={field} />
                </label>
                <input
                  id={id}
                  className={field.kind === 'json' ? 'input input--mono' : 'input'}
                  value={field.text}
                  inputMode={field.kind === 'number' ? 'decimal' : undefined}
                  aria-invalid={invalid === field.path}
                  onChange={(event) => update(index, { text: event.currentTarget.value })}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
      {invalid ? <p className="error-text">{t('attention.invalidJson', { field: invalid })}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="retry">
          <Icon name="refresh" />
          {t('attention.retry')}
        </button>
      </div>
    </form>
  );
}

/** The server's rejection code in words; an unknown code is shown as it came. */
function codeLabel(code: string, t: Translator['t']): string {
  const key = `attention.code.${code}`;
  return key in esPE ? t(key as MessageKey) : code;
}

function AttentionCard({ item, onChanged }: { readonly item: AttentionItem; readonly onChanged: () => void }): ReactNode {
  const { t, locale } = useT();
  const desk = useDesk();
  const [fixing, setFixing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const label = MUTATION_LABELS[item.mutationName] ?? 'mutation.unknown';
  return (
    <li className="card attention-item" data-testid="attention-item" data-code={item.code} data-mutation={item.mutationName}>
      <div className="attention-item__head">
        <Icon name="alert" className="attention-item__icon" />
        <h2 className="attention-item__title">{t(label)}</h2>
        <span className="pill pill--danger" title={item.code}>
          {codeLabel(item.code, t)}
        </span>
        <span className="muted attention-item__when">{t('attention.when', { when: formatLimaDateTime(new Date(item.createdAt), locale) })}</span>
      </div>
      {/* A refused creation is about a ticket that does not exist yet: its form shows the subject. */}
      {item.ticketId && item.mutationName !== 'ticket.create' ? <TicketName ticketId={item.ticketId} /> : null}
      <p className="attention-item__reason">
        {/* The server writes its reasons in Spanish: in English the label says so, and the text is marked as Spanish. */}
        <span className={locale === 'en' ? 'attention-item__reason-label' : 'sr-only'}>{t(locale === 'en' ? 'attention.reasonInSpanish' : 'attention.reason')}: </span>
        <span lang="es">{item.message}</span>
      </p>
      <div className="attention-item__actions">
        {item.ticketId ? (
          <button type="button" className="button button--small" onClick={() => item.ticketId && openTicket(item.ticketId)}>
            {t('attention.openTicket')}
          </button>
        ) : null}
        <button type="button" className="button button--small" aria-expanded={fixing} onClick={() => setFixing((v) => !v)} data-testid="fix">
          {t('attention.fix')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="discard"
          onClick={() =>
            void desk.call('attention.discard', { id: item.id }).then((result) => {
              if (result.ok) onChanged();
              else setError(result.error);
            })
          }
        >
          <Icon name="trash" />
          {t('attention.discard')}
        </button>
      </div>
      {fixing ? (
        <FixForm
          item={item}
          onDone={(failure) => {
            if (failure) setError(failure);
            else onChanged();
          }}
        />
      ) : null}
      {error ? <ErrorNotice title={t('attention.actionError')} error={error} /> : null}
    </li>
  );
}

export function AttentionPage(): ReactNode {
  const { t } = useT();
  const { state, reload } = useDeskQuery('attention.list', {}, ['*']);
  useDeskEvent('attention.changed', reload);
  const items = state.value ?? [];
  const ready = state.status !== 'loading' || state.value !== undefined;
  return (
    <section className="page page--narrow attention" data-page="attention" data-state={ready ? 'ready' : 'loading'} data-count={items.length}>
      <p className="page__intro">{t('attention.intro')}</p>
      {state.status === 'error' ? <ErrorNotice title={t('attention.errorTitle')} error={state.error} onRetry={reload} /> : null}
      {!ready ? (
        <p className="muted" role="status">
          {t('attention.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="attention-empty" data-testid="attention-empty">
          <Icon name="check" />
          {t('attention.empty')}
        </p>
      ) : (
        <ul className="attention-list">
          {items.map((item) => (
            <AttentionCard key={item.id} item={item} onChanged={reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
