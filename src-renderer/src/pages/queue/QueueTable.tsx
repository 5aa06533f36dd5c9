/**
 * The ticket grid: TanStack Table v9 for the row model and selection,
 * TanStack Virtual so only the rows in view are in the DOM (the queue can
 * hold 100k tickets), pages fetched from the desk as the end comes near.
 *
 * Keyboard: the grid is one tab stop; `aria-activedescendant` names the row
 * the cursor is on (j/k or the arrows move it, Enter opens, x selects; see
 * use-queue-keys.ts). Clicking a row opens its ticket.
 */
import { FlexRender, useTable, type Row, type RowSelectionState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MutableRefObject, type ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { openTicket, readTicketAhead } from '../../state/route-store.ts';
import { queueActions, queueScrollTop, queueState, useActiveId, useSelection } from '../../state/queue-store.ts';
import { hideTip } from '../../ui/Tooltip.tsx';
import { AllRowsSelectionContext, QUEUE_GRID_TEMPLATE, queueColumns, queueFeatures, type AllRowsSelection } from './columns.tsx';
import type { QueueItem } from './queue-pager.ts';

/** Row height in px: two lines of text (subject, customer and plan) in a dense row. */
export const ROW_HEIGHT = 50;
const rowHeight = (): number => ROW_HEIGHT;
/** The sticky column header above the rows, inside the same scroll box (keep in step with .qgrid__row--head). */
const HEADER_HEIGHT = 32;
/** Rows handed to TanStack at a time (see `data` below), how close to its edge the view may come, and its step. */
const WINDOW_ROWS = 1_500;
const WINDOW_MARGIN = 300;
const WINDOW_STEP = 250;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;

export function rowDomId(id: string): string {
  return `queue-row-${id}`;
}

export interface QueueTableProps {
  readonly items: readonly QueueItem[];
  /** Changes when the rows answer another query: the list goes back to its top. */
  readonly answer: number;
  readonly total: number;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly onNeedMore: () => void;
  readonly label: string;
  /** Lets the keyboard handler scroll the cursor into view. */
  readonly scrollToRef: MutableRefObject<((index: number) => void) | null>;
  readonly gridRef: MutableRefObject<HTMLDivElement | null>;
}

/**
 * Memoized: while another query loads, the page re-renders (tabs, filters)
 * but the grid keeps its props (the last rows, stable callbacks) and is left
 * alone until the new rows arrive.
 */
export const QueueTable = memo(function QueueTable(props: QueueTableProps): ReactNode {
  const { items, answer, total, hasMore, loadingMore, onNeedMore, label, scrollToRef, gridRef } = props;
  const { t } = useT();
  const selection = useSelection();
  const activeId = useActiveId();
  const scrollRef = useRef<HTMLDivElement>(null);

  const onRowSelectionChange = useCallback((updater: Updater<RowSelectionState>) => {
    // Functional updaters need the selection as stored now, not as of the last render.
    queueActions.setSelection(typeof updater === 'function' ? updater(queueState().selection as RowSelectionState) : updater);
  }, []);

  // Stable while the items are: the virtualizer recomputes every row's offset (O(rows loaded)) whenever
  // getItemKey changes, and it renders on every scroll frame.
  const getItemKey = useCallback((index: number) => items[index]?.id ?? index, [items]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    getItemKey,
    overscan: 3,
    initialOffset: queueScrollTop,
    // The rows start below the sticky header, which also covers the top of the box when scrolling to a row.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const firstIndex = virtualItems[0]?.index ?? 0;
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  // TanStack builds a row object for every row it is given, again whenever the data changes: given all
  // the rows loaded, each page appended deep in a 100k list cost a rebuild of all of them. It gets a
  // window of the loaded rows around the ones in view instead, moved only when the view nears its edge.
  const windowStart = useRef(0);
  let start = windowStart.current;
  if (start > items.length || firstIndex < start + (start === 0 ? 0 : WINDOW_MARGIN) || lastIndex >= start + WINDOW_ROWS - WINDOW_MARGIN) {
    start = Math.max(0, Math.floor((firstIndex - WINDOW_ROWS / 2) / WINDOW_STEP) * WINDOW_STEP);
  }
  windowStart.current = start;
  const data = useMemo(() => (start === 0 && items.length <= WINDOW_ROWS ? items : items.slice(start, start + WINDOW_ROWS)), [items, start]);

  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    // A new array only when the rows or the window change, which is what TanStack needs to stay stable.
    data: data as QueueItem[],
    getRowId: (row) => row.id,
    state: { rowSelection: selection as RowSelectionState },
    onRowSelectionChange,
    enableSubRowSelection: false,
  });
  const rows = table.getRowModel().rows;
  const allRows = useMemo((): AllRowsSelection => {
    const chosen = items.reduce((n, item) => (selection[item.id] ? n + 1 : n), 0);
    const all = items.length > 0 && chosen === items.length;
    return { all, some: chosen > 0 && !all, toggle: () => queueActions.setSelection(all ? {} : Object.fromEntries(items.map((item) => [item.id, true]))) };
  }, [items, selection]);

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - PREFETCH_ROWS) onNeedMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onNeedMore]);

  // Another query's rows replace these in place (the grid is not built again): back to the top.
  // (Only when it is not there already: moving the scroll makes the browser lay the page out at once.)
  const shownAnswer = useRef(answer);
  const scrolledTo = useRef(queueScrollTop());
  useLayoutEffect(() => {
    if (shownAnswer.current === answer) return;
    shownAnswer.current = answer;
    if (scrolledTo.current !== 0 && scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [answer]);

  useLayoutEffect(() => {
    scrollToRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });
    return () => {
      scrollToRef.current = null;
    };
  }, [virtualizer, scrollToRef]);

  const activeIndex = useMemo(() => (activeId === null ? -1 : items.findIndex((item) => item.id === activeId)), [items, activeId]);
  const activeRendered = activeIndex >= firstIndex && activeIndex <= lastIndex;
  const headerGroup = table.getHeaderGroups()[0];

  return (
    <AllRowsSelectionContext value={allRows}>
      <div className="qgrid" style={{ ['--qgrid-columns' as string]: QUEUE_GRID_TEMPLATE }}>
        <div
          ref={(element) => {
            scrollRef.current = element;
            gridRef.current = element;
          }}
          className="qgrid__scroll"
          role="grid"
          aria-label={label}
          aria-rowcount={total + 1}
          aria-colcount={queueColumns.length}
          aria-multiselectable="true"
          aria-activedescendant={activeRendered && activeId !== null ? rowDomId(activeId) : undefined}
          tabIndex={0}
          data-testid="queue-grid"
          onScroll={(event) => {
            hideTip();
            // Remember where the list is, for the way back from a ticket.
            scrolledTo.current = event.currentTarget.scrollTop;
            queueActions.rememberScroll(scrolledTo.current);
          }}
          onFocus={(event) => {
            if (event.target === event.currentTarget && activeId === null && items[0]) queueActions.setActive(items[0].id);
          }}
        >
          <div className="qgrid__head" role="rowgroup">
            <div className="qgrid__row qgrid__row--head" role="row" aria-rowindex={1}>
              {headerGroup?.headers.map((header) => (
                <div key={header.id} className={`qgrid__cell qgrid__cell--${header.column.id}`} role="columnheader">
                  <table.FlexRender header={header} />
                </div>
              ))}
            </div>
          </div>
          <div className="qgrid__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((virtualRow) => {
              const row = rows[virtualRow.index - start];
              if (!row) return null;
              // Keyed by position: another query's rows (or a re-read) update the rows already in the DOM
              // instead of building new ones; the row's own id is on the element.
              return <QueueRowView key={virtualRow.index} row={row} index={virtualRow.index} top={virtualRow.start - HEADER_HEIGHT} selected={row.getIsSelected()} active={row.id === activeId} />;
            })}
          </div>
        </div>
        {loadingMore ? (
          <p className="qgrid__more" role="status">
            {t('queue.loadingMore')}
          </p>
        ) : null}
      </div>
    </AllRowsSelectionContext>
  );
});

interface QueueRowViewProps {
  readonly row: Row<typeof queueFeatures, QueueItem>;
  readonly index: number;
  /** Offset from the top of the rows, in px. */
  readonly top: number;
  readonly selected: boolean;
  readonly active: boolean;
}

/**
 * One rendered row. Memoized: while scrolling, the grid re-renders on every
 * frame, and rows already on screen keep their props (the same Row object
 * while the loaded rows do not change, the same offset), so only the rows
 * coming into view render. Everything a cell shows comes from `row` (a new
 * object whenever the rows are re-read), the props here, or the cells' own
 * hooks (language, clock).
 */
const QueueRowView = memo(function QueueRowView({ row, index, top, selected, active }: QueueRowViewProps): ReactNode {
  return (
    <div
      id={rowDomId(row.id)}
      className={`qgrid__row${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-ticket-id={row.id}
      data-number={row.original.number ?? ''}
      data-status={row.original.status}
      data-pending-sync={row.original.pendingSync ? 'true' : 'false'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      // The cursor moves to the ticket with the workspace (TicketPage), not before: marking the row here
      // would cost a frame of the Cola that the workspace replaces a moment later.
      onPointerDown={(event) => {
        if (event.button === 0) readTicketAhead(row.id);
      }}
      onClick={() => openTicket(row.id)}
    >
      {/* Keyed by column, like the rows by position: another ticket in this row updates its cells in place. */}
      {row.getAllCells().map((cell) => (
        <div key={cell.column.id} className={`qgrid__cell qgrid__cell--${cell.column.id}`} role="gridcell">
          <FlexRender cell={cell} />
        </div>
      ))}
    </div>
  );
});
