/**
 * The queue table's columns (TanStack Table v9: explicit features, a column
 * helper bound to them). Column meta carries the CSS grid track of each
 * column and its header text key; cells are the components in cells.tsx.
 */
import { createColumnHelper, metaHelper, rowSelectionFeature, tableFeatures, type CellContext, type HeaderContext } from '@tanstack/react-table';
import { createContext, useContext, type ReactNode } from 'react';
import { labelOf } from '../../../../src-shared/tickets/labels.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { Checkbox, RankBadge, SlaCell, StatusText, SyncMarker, UrgencyText, ticketLabel } from './cells.tsx';
import type { QueueItem } from './queue-pager.ts';

export interface QueueColumnMeta {
  /** The column's CSS grid track. */
  readonly track: string;
  /** Header text, also the accessible name of the column. */
  readonly title: MessageKey;
  /** Header shown only to assistive technology (icon-only columns). */
  readonly hiddenTitle?: boolean;
}

export const queueFeatures = tableFeatures({ rowSelectionFeature, columnMeta: metaHelper<QueueColumnMeta>() });
type Features = typeof queueFeatures;

const helper = createColumnHelper<Features, QueueItem>();

/**
 * "Select all" is about every row loaded, while the table itself only holds
 * a window of them (QueueTable): the grid says what all of them are.
 */
export interface AllRowsSelection {
  readonly all: boolean;
  readonly some: boolean;
  readonly toggle: () => void;
}
export const AllRowsSelectionContext = createContext<AllRowsSelection>({ all: false, some: false, toggle: () => {} });

function SelectAllHeader(): ReactNode {
  const { t } = useT();
  const selection = useContext(AllRowsSelectionContext);
  return <Checkbox checked={selection.all} indeterminate={selection.some} label={t('queue.selectAll')} onChange={selection.toggle} focusable={false} />;
}

function SelectCell({ row }: CellContext<Features, QueueItem, unknown>): ReactNode {
  const { t } = useT();
  return <Checkbox checked={row.getIsSelected()} label={t('queue.selectRow', { ticket: ticketLabel(row.original, t) })} onChange={row.getToggleSelectedHandler()} focusable={false} />;
}

function NumberCell({ row }: CellContext<Features, QueueItem, unknown>): ReactNode {
  const { t } = useT();
  const number = row.original.number;
  return number === null ? <span className="muted">{t('queue.numberPending')}</span> : <span className="ticket-number">#{number}</span>;
}

function SubjectCell({ row }: CellContext<Features, QueueItem, unknown>): ReactNode {
  return (
    <a className="subject" href={`#/ticket/${row.original.id}`} tabIndex={-1} title={row.original.subject}>
      {row.original.subject}
    </a>
  );
}

function CustomerCell({ row }: CellContext<Features, QueueItem, unknown>): ReactNode {
  const { t, locale } = useT();
  const tier = row.original.tier;
  return (
    <span className="two-line">
      <span className="two-line__main" title={row.original.customerName}>
        {row.original.customerName}
      </span>
      <span className={`two-line__sub tier tier--${tier ?? 'none'}`}>{tier === null ? t('queue.noPlan') : labelOf('tier', tier, locale)}</span>
    </span>
  );
}

function TypeCell({ row }: CellContext<Features, QueueItem, unknown>): ReactNode {
  const { locale } = useT();
  return (
    <span className="two-line">
      <span className="two-line__main">{labelOf('ticketType', row.original.type, locale)}</span>
      <span className="two-line__sub">{labelOf('channel', row.original.channel, locale)}</span>
    </span>
  );
}

function AssigneeCell({ row }: CellContext<Features, QueueItem, unknown>): ReactNode {
  const { t } = useT();
  return row.original.assigneeName === null ? <span className="muted">{t('queue.unassigned')}</span> : <span className="clamp-2" title={row.original.assigneeName}>{row.original.assigneeName}</span>;
}

/** Module scope: stable between renders, as TanStack needs. */
export const queueColumns = helper.columns([
  helper.display({ id: 'select', header: SelectAllHeader, cell: SelectCell, meta: { track: '36px', title: 'queue.col.select', hiddenTitle: true } }),
  helper.display({ id: 'rank', header: HeaderText, cell: ({ row }) => <RankBadge item={row.original} />, meta: { track: '92px', title: 'queue.col.rank' } }),
  helper.display({ id: 'number', header: HeaderText, cell: NumberCell, meta: { track: '56px', title: 'queue.col.number' } }),
  helper.display({ id: 'subject', header: HeaderText, cell: SubjectCell, meta: { track: 'minmax(160px, 1.2fr)', title: 'queue.col.subject' } }),
  helper.display({ id: 'customer', header: HeaderText, cell: CustomerCell, meta: { track: 'minmax(130px, 1fr)', title: 'queue.col.customer' } }),
  helper.display({ id: 'type', header: HeaderText, cell: TypeCell, meta: { track: '116px', title: 'queue.col.type' } }),
  helper.display({ id: 'urgency', header: HeaderText, cell: ({ row }) => <UrgencyText urgency={row.original.urgency} />, meta: { track: '80px', title: 'queue.col.urgency' } }),
  helper.display({ id: 'status', header: HeaderText, cell: ({ row }) => <StatusText status={row.original.status} />, meta: { track: '116px', title: 'queue.col.status' } }),
  helper.display({ id: 'assignee', header: HeaderText, cell: AssigneeCell, meta: { track: '120px', title: 'queue.col.assignee' } }),
  helper.display({ id: 'sla', header: HeaderText, cell: ({ row }) => <SlaCell sla={row.original.sla} readAt={row.original.readAt} status={row.original.status} />, meta: { track: '140px', title: 'queue.col.sla' } }),
  helper.display({ id: 'sync', header: HeaderText, cell: ({ row }) => <SyncMarker pending={row.original.pendingSync} />, meta: { track: '26px', title: 'queue.col.sync', hiddenTitle: true } }),
]);

function HeaderText({ column }: HeaderContext<Features, QueueItem, unknown>): ReactNode {
  const { t } = useT();
  const meta = column.columnDef.meta;
  if (!meta) return null;
  return meta.hiddenTitle ? <span className="sr-only">{t(meta.title)}</span> : t(meta.title);
}

export const QUEUE_GRID_TEMPLATE = queueColumns.map((column) => column.meta?.track ?? '1fr').join(' ');
