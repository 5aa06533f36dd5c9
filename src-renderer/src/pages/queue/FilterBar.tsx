/**
 * Filters of the Cola: tipo, estado, canal, cliente, técnico, urgencia, plan.
 * Each is a menu of checkboxes; a filter in use shows how many values it
 * holds. Customers are found by typing (there can be thousands); technicians
 * come from the synced users.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { CHANNELS, TICKET_STATUSES, TICKET_TYPES, TIERS, URGENCIES } from '../../../../src-shared/protocol/entities.ts';
import type { QueueFilters } from '../../../../src-shared/ipc/work-calls.ts';
import { labelOf, type LabelKind } from '../../../../src-shared/tickets/labels.ts';
import { useDesk, useDeskQuery } from '../../desk/desk-context.tsx';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { queueActions, useQueueFilters, type FilterKey } from '../../state/queue-store.ts';
import { Popover } from '../../ui/Popover.tsx';

interface Option {
  readonly value: string;
  readonly label: string;
}

function CheckList({ options, selected, onChange, name }: { readonly options: readonly Option[]; readonly selected: readonly string[]; readonly onChange: (values: string[]) => void; readonly name: string }): ReactNode {
  const { t } = useT();
  if (options.length === 0) return <p className="popover__empty">{t('queue.filter.noMatches')}</p>;
  return (
    <ul className="checklist-menu">
      {options.map((option) => {
        const checked = selected.includes(option.value);
        return (
          <li key={option.value}>
            <label className="checklist-menu__item">
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(checked ? selected.filter((v) => v !== option.value) : [...selected, option.value])}
              />
              <span>{option.label}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** "Urgencia", "Urgencia: Crítica" with one value, "Urgencia: 2" with more. */
function FilterButtonLabel({ title, count, single }: { readonly title: MessageKey; readonly count: number; readonly single?: string }): ReactNode {
  const { t } = useT();
  if (count === 0) return <span>{t(title)}</span>;
  return <span>{t('queue.filter.selectedCount', { label: t(title), count: count === 1 && single !== undefined ? single : count })}</span>;
}

function EnumFilter<K extends FilterKey>(props: { readonly filter: K; readonly title: MessageKey; readonly kind: LabelKind; readonly values: readonly string[] }): ReactNode {
  const { t, locale } = useT();
  const filters = useQueueFilters();
  const selected = (filters[props.filter] ?? []) as readonly string[];
  const options = props.values.map((value) => ({ value, label: labelOf(props.kind, value as never, locale) }));
  return (
    <Popover
      label={<FilterButtonLabel title={props.title} count={selected.length} single={selected[0] === undefined ? undefined : labelOf(props.kind, selected[0] as never, locale)} />}
      panelLabel={t(props.title)}
      active={selected.length > 0}
      testId={`filter-${props.filter}`}
    >
      {() => <CheckList name={props.filter} options={options} selected={selected} onChange={(values) => queueActions.setFilter(props.filter, values as NonNullable<QueueFilters[K]>)} />}
    </Popover>
  );
}

function TechnicianFilter(): ReactNode {
  const { t } = useT();
  const filters = useQueueFilters();
  const selected = filters.technicianId ?? [];
  const { state } = useDeskQuery('users.list', { role: 'technician' }, ['user']);
  const options = state.status === 'ready' ? state.value.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })) : [];
  const single = selected.length === 1 ? options.find((o) => o.value === selected[0])?.label : undefined;
  return (
    <Popover label={<FilterButtonLabel title="queue.filter.technician" count={selected.length} single={single} />} panelLabel={t('queue.filter.technician')} active={selected.length > 0} testId="filter-technicianId">
      {() => <CheckList name="technicianId" options={options} selected={selected} onChange={(values) => queueActions.setFilter('technicianId', values)} />}
    </Popover>
  );
}

/** Remembered names of customers picked in this session, so the picked ones stay listed while searching for others. */
const customerNames = new Map<string, string>();

function CustomerPicker(): ReactNode {
  const { t } = useT();
  const desk = useDesk();
  const filters = useQueueFilters();
  const selected = filters.customerId ?? [];
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly Option[]>([]);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void desk.call('customers.search', { query: query.trim(), limit: 12 }).then((result) => {
        if (!current) return;
        if (result.ok) {
          for (const c of result.value) customerNames.set(c.id, c.name);
          setHits(result.value.map((c) => ({ value: c.id, label: `${c.name} · ${c.code}` })));
        } else {
          console.warn('[queue] customer search failed', result.error);
          setHits([]);
        }
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk, query]);
  const picked = selected.filter((id) => !hits.some((h) => h.value === id)).map((id) => ({ value: id, label: customerNames.get(id) ?? id.slice(0, 8) }));
  return (
    <div className="customer-picker">
      <label className="sr-only" htmlFor="filter-customer-search">
        {t('queue.filter.customerSearch')}
      </label>
      <input id="filter-customer-search" className="input input--small" type="search" placeholder={t('queue.filter.customerSearch')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} />
      <CheckList name="customerId" options={[...picked, ...hits]} selected={selected} onChange={(values) => queueActions.setFilter('customerId', values)} />
    </div>
  );
}

function CustomerFilter(): ReactNode {
  const { t } = useT();
  const filters = useQueueFilters();
  const count = filters.customerId?.length ?? 0;
  return (
    <Popover label={<FilterButtonLabel title="queue.filter.customer" count={count} single={count === 1 ? customerNames.get(filters.customerId?.[0] ?? '') : undefined} />} panelLabel={t('queue.filter.customer')} active={count > 0} testId="filter-customerId">
      {() => <CustomerPicker />}
    </Popover>
  );
}

export function FilterBar(): ReactNode {
  const { t } = useT();
  const filters = useQueueFilters();
  const inUse = Object.values(filters).some((values) => values !== undefined && values.length > 0);
  return (
    <div className="filter-bar" role="group" aria-label={t('queue.filters.label')}>
      <EnumFilter filter="type" title="queue.filter.type" kind="ticketType" values={TICKET_TYPES} />
      <EnumFilter filter="status" title="queue.filter.status" kind="status" values={TICKET_STATUSES} />
      <EnumFilter filter="channel" title="queue.filter.channel" kind="channel" values={CHANNELS} />
      <CustomerFilter />
      <TechnicianFilter />
      <EnumFilter filter="urgency" title="queue.filter.urgency" kind="urgency" values={URGENCIES} />
      <EnumFilter filter="tier" title="queue.filter.tier" kind="tier" values={TIERS} />
      {inUse ? (
        <button type="button" className="button button--ghost button--small" onClick={queueActions.clearFilters} data-testid="clear-filters">
          {t('queue.filter.clearAll')}
        </button>
      ) : null}
    </div>
  );
}
