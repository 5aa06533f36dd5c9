/**
 * The fix form's pickers for arguments that are ids of other records: a
 * person (a select of technicians by name) and a customer (the current one
 * by name and code, and a search box to pick another, as in "Nuevo
 * ticket"). Both store the id; an id this computer does not know is kept
 * and shown as "(no encontrado en este equipo)".
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useDesk, useDeskQuery } from '../../desk/desk-context.tsx';
import { useCustomerSearch, type CustomerHit } from '../../desk/use-customer-search.ts';
import { useT } from '../../i18n/index.ts';
import { CustomerHitText } from '../../ui/CustomerHitText.tsx';
import { personChoices } from './id-fields.ts';

export function PersonPicker({
  id,
  label,
  value,
  nullable,
  onChange,
}: {
  readonly id: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly nullable: boolean;
  readonly onChange: (value: string) => void;
}): ReactNode {
  const { t } = useT();
  // Everyone, not only technicians: the current person may be a dispatcher or inactive and is still named.
  const { state } = useDeskQuery('users.list', {}, ['user']);
  const choices = personChoices(state.value, value, nullable, {
    none: t('ticket.assign.nobody'),
    notFound: t('attention.notFound'),
    loading: '…',
    inactive: (name) => t('attention.personInactive', { name }),
  });
  return (
    // A row of its own, the select as wide as its longest name: "(no encontrado en este equipo)" is read whole.
    <div className="field fix-form__wide fix-form__person">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type Lookup = { readonly status: 'loading' } | { readonly status: 'found'; readonly hit: CustomerHit } | { readonly status: 'missing' };

/**
 * The customer with this id, as the search box shows customers. The desk has
 * no read by id, so: the first customers by name, then (for the rest) the
 * name on one of the customer's tickets, searched for.
 */
function useCustomer(customerId: string, picked: CustomerHit | null): Lookup {
  const desk = useDesk();
  const [lookup, setLookup] = useState<{ readonly id: string; readonly result: Lookup }>({ id: '', result: { status: 'loading' } });
  const known = picked !== null && picked.id === customerId;
  useEffect(() => {
    if (known || customerId === '') return;
    let current = true;
    const find = async (): Promise<Lookup> => {
      const first = await desk.call('customers.search', { query: '', limit: 100 });
      const hit = first.ok ? first.value.find((c) => c.id === customerId) : undefined;
      if (hit) return { status: 'found', hit };
      const tickets = await desk.call('queue.page', { view: 'all', filters: { customerId: [customerId] }, limit: 1 });
      const name = tickets.ok ? tickets.value.rows[0]?.customerName : undefined;
      if (name !== undefined) {
        const byName = await desk.call('customers.search', { query: name, limit: 100 });
        const named = byName.ok ? byName.value.find((c) => c.id === customerId) : undefined;
        if (named) return { status: 'found', hit: named };
      }
      return { status: 'missing' };
    };
    void find().then((result) => {
      if (current) setLookup({ id: customerId, result });
    });
    return () => {
      current = false;
    };
  }, [desk, customerId, known]);
  if (known) return { status: 'found', hit: picked };
  if (customerId === '') return { status: 'missing' };
  return lookup.id === customerId ? lookup.result : { status: 'loading' };
}

export function CustomerPicker({
  id,
  label,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
}): ReactNode {
  const { t } = useT();
  const [picked, setPicked] = useState<CustomerHit | null>(null);
  const [query, setQuery] = useState('');
  const customer = useCustomer(value, picked);
  const searching = query.trim() !== '';
  const hits = useCustomerSearch(query, 'attention', searching);
  const currentId = `${id}-current`;
  return (
    <div className="field fix-form__wide" data-testid="fix-customer">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="fix-form__current" id={currentId} data-testid="fix-customer-current">
        {customer.status === 'found' ? (
          <>
            <strong>{customer.hit.name}</strong> <span className="muted">· {customer.hit.code}</span>
          </>
        ) : (
          <span className="muted">{customer.status === 'missing' ? t('attention.notFound') : '…'}</span>
        )}
      </p>
      <input
        id={id}
        className="input"
        type="search"
        placeholder={t('attention.customerSearch')}
        aria-describedby={currentId}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {searching && hits !== null ? (
        <ul className="pick-list" aria-label={t('attention.customerHits')}>
          {hits.length === 0 ? <li className="muted pick-list__empty">{t('newTicket.noCustomers')}</li> : null}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="pick-list__item"
                data-testid="fix-customer-hit"
                onClick={() => {
                  setPicked(hit);
                  setQuery('');
                  onChange(hit.id);
                }}
              >
                <CustomerHitText hit={hit} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
