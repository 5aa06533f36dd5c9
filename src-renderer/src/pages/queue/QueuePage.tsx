/**
 * La Cola: the technician's list of tickets. Views with counts, search,
 * order, filters, saved views, the virtualized grid, bulk actions, and the
 * reason the ticket under the cursor sits where it does.
 * `data-state` on the page says whether the first page has arrived.
 */
import { memo, useCallback, useEffect, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import { INTL_LOCALE } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/index.ts';
import { queueActions, useActiveId, useQueueQuery, useQueueSearch, useQueueSort, type QueueSort } from '../../state/queue-store.ts';
import { useSyncStatus } from '../../state/sync-store.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Icon } from '../../ui/icons.tsx';
import { FloatingTip } from '../../ui/Tooltip.tsx';
import { BulkBar } from './BulkBar.tsx';
import { FilterBar } from './FilterBar.tsx';
import type { QueueItem } from './queue-pager.ts';
import { QueueTable } from './QueueTable.tsx';
import { useQueueKeys } from './use-queue-keys.ts';
import { useQueueRows } from './use-queue-rows.ts';
import { SaveViewDialog, VIEW_LABELS, ViewTabs } from './ViewTabs.tsx';

/** Waiting after the last keystroke before searching: the cache answers fast, but not on every letter. */
const SEARCH_DEBOUNCE_MS = 250;

const SORTS: ReadonlyArray<{ readonly id: string; readonly sort: QueueSort; readonly label: 'queue.sort.priority' | 'queue.sort.newest' | 'queue.sort.oldest' | 'queue.sort.number' | 'queue.sort.updated' }> = [
  { id: 'priority', sort: { key: 'priority', dir: 'asc' }, label: 'queue.sort.priority' },
  { id: 'newest', sort: { key: 'createdAt', dir: 'desc' }, label: 'queue.sort.newest' },
  { id: 'oldest', sort: { key: 'createdAt', dir: 'asc' }, label: 'queue.sort.oldest' },
  { id: 'number', sort: { key: 'number', dir: 'desc' }, label: 'queue.sort.number' },
  { id: 'updated', sort: { key: 'updatedAt', dir: 'desc' }, label: 'queue.sort.updated' },
];

function SearchBox({ inputRef }: { readonly inputRef: MutableRefObject<HTMLInputElement | null> }): ReactNode {
  const { t } = useT();
  const applied = useQueueSearch();
  const [text, setText] = useState(applied);
  // A saved view or the palette can set the search from outside.
  useEffect(() => setText(applied), [applied]);
  useEffect(() => {
    const timer = setTimeout(() => queueActions.setSearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="search-field queue-search" role="search">
      <Icon name="search" className="search-field__icon" />
      <label className="sr-only" htmlFor="queue-search">
        {t('queue.search.label')}
      </label>
      <input
        ref={inputRef}
        id="queue-search"
        className="input search-field__input"
        type="search"
        placeholder={t('queue.search.placeholder')}
        value={text}
        aria-keyshortcuts="/"
        data-testid="queue-search"
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') queueActions.setSearch(text);
          if (event.key === 'Escape' && text !== '') {
            event.preventDefault();
            setText('');
          }
        }}
      />
      <kbd className="queue-search__kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}

function SortSelect(): ReactNode {
  const { t } = useT();
  const sort = useQueueSort();
  const current = SORTS.find((s) => s.sort.key === sort.key && s.sort.dir === sort.dir)?.id ?? 'priority';
  return (
    <div className="sort-select">
      <label htmlFor="queue-sort" className="sort-select__label">
        {t('queue.sort.label')}
      </label>
      <select
        id="queue-sort"
        className="input input--small"
        value={current}
        data-testid="queue-sort"
        onChange={(event) => {
          const next = SORTS.find((s) => s.id === event.currentTarget.value);
          if (next) queueActions.setSort(next.sort);
        }}
      >
        {SORTS.map((s) => (
          <option key={s.id} value={s.id}>
            {t(s.label)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ExplainBar({ items, total, hasMore }: { readonly items: readonly QueueItem[]; readonly total: number; readonly hasMore: boolean }): ReactNode {
  const { t, tn, locale } = useT();
  const activeId = useActiveId();
  const active = activeId === null ? undefined : items.find((item) => item.id === activeId);
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const lead = active ? `${active.number === null ? '' : `#${active.number} · `}${t('queue.rank.why')}:` : '';
  const explanation = active ? (locale === 'en' ? active.rank.explanation.en : active.rank.explanation.es) : '';
  // Two lines are always reserved and the text is cut after two (queue.css), so the grid above keeps its height
  // as the cursor moves; the title holds the whole explanation when it is cut.
  return (
    <div className="queue-foot">
      <p className="queue-foot__explain" data-testid="rank-explanation" title={active ? `${lead} ${explanation}` : undefined}>
        {active ? (
          <>
            <strong>{lead}</strong> {explanation}
          </>
        ) : (
          <span className="muted">{t('queue.keysHint')}</span>
        )}
      </p>
      <p className="queue-foot__count" data-testid="queue-total">
        {hasMore ? t('queue.loaded', { loaded: numbers.format(items.length), total: numbers.format(total) }) : tn('queue.total', total)}
      </p>
    </div>
  );
}

/**
 * Views, actions, search, order and filters. Memoized on stable props: each
 * part follows the queue store itself, so the rows arriving (a new snapshot
 * for the page) do not render any of it again.
 */
const QueueControls = memo(function QueueControls(props: {
  readonly onSave: () => void;
  readonly onNewTicket: () => void;
  readonly searchRef: MutableRefObject<HTMLInputElement | null>;
}): ReactNode {
  const { onSave, onNewTicket, searchRef } = props;
  const { t } = useT();
  return (
    <>
      <div className="queue-top">
        <ViewTabs />
        <div className="queue-top__actions">
          <button type="button" className="button button--small" onClick={onSave} data-testid="save-view">
            <Icon name="bookmark" />
            {t('queue.saveView')}
          </button>
          <button type="button" className="button button--primary button--small" onClick={onNewTicket} aria-keyshortcuts="n" data-testid="new-ticket">
            <Icon name="plus" />
            {t('queue.newTicket')}
          </button>
        </div>
      </div>
      <div className="queue-toolbar">
        <SearchBox inputRef={searchRef} />
        <SortSelect />
        <FilterBar />
      </div>
    </>
  );
});

export function QueuePage({ onNewTicket }: { readonly onNewTicket: () => void }): ReactNode {
  const { t } = useT();
  const query = useQueueQuery();
  const { snapshot, loadMore } = useQueueRows();
  const [saving, setSaving] = useState(false);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const scrollToRef = useRef<((index: number) => void) | null>(null);
  const onNeedMore = useCallback(() => loadMore(), [loadMore]);
  const onSave = useCallback(() => setSaving(true), []);

  useQueueKeys({ items: snapshot.items, gridRef, searchRef, scrollToRef, onNewTicket, onNearEnd: onNeedMore });

  const filtered = query.search.trim() !== '' || Object.keys(query.filters).length > 0;
  const sync = useSyncStatus();
  const firstLoad = sync?.state === 'syncing' && sync.progress?.stage === 'core';
  const state = snapshot.status === 'loading' ? 'loading' : snapshot.status === 'error' && snapshot.items.length === 0 ? 'error' : 'ready';
  // Another query's first page is on its way: the last rows stay, untouched, until it lands.
  const stale = snapshot.rowsKey !== snapshot.queryKey;
  // The grid is named after the view its rows belong to.
  const rowsView = snapshot.rowsQuery?.view ?? query.view;

  return (
    <section
      className="queue"
      data-page="queue"
      data-state={state}
      data-view={query.view}
      data-total={snapshot.total}
      data-answer={snapshot.answer}
      aria-busy={stale}
      aria-label={t('page.queue.title')}
    >
      <QueueControls onSave={onSave} onNewTicket={onNewTicket} searchRef={searchRef} />
      <BulkBar items={snapshot.items} />
      {snapshot.error ? <ErrorNotice title={t('queue.errorTitle')} error={snapshot.error} /> : null}
      {snapshot.items.length === 0 && (state === 'loading' || stale) ? (
        <p className="queue-empty" role="status">
          {t('queue.loading')}
        </p>
      ) : snapshot.items.length === 0 && state === 'ready' ? (
        firstLoad ? (
          // The first sync has not brought the tickets yet: "empty" would be wrong.
          <div className="queue-empty" data-testid="queue-empty" data-reason="first-sync" role="status">
            <p className="queue-empty__title">{t('queue.empty.downloadingTitle')}</p>
            <p className="muted">{t('queue.empty.downloading')}</p>
          </div>
        ) : (
          <div className="queue-empty" data-testid="queue-empty">
            <p className="queue-empty__title">{t('queue.empty.title')}</p>
            <p className="muted">{filtered ? t('queue.empty.filtered') : t('queue.empty.view')}</p>
          </div>
        )
      ) : (
        <QueueTable
          items={snapshot.items}
          answer={snapshot.answer}
          total={snapshot.total}
          hasMore={snapshot.hasMore}
          loadingMore={snapshot.loadingMore}
          onNeedMore={onNeedMore}
          label={t('queue.table.label', { view: t(VIEW_LABELS[rowsView]) })}
          scrollToRef={scrollToRef}
          gridRef={gridRef}
        />
      )}
      <ExplainBar items={snapshot.items} total={snapshot.total} hasMore={snapshot.hasMore} />
      <SaveViewDialog open={saving} onClose={() => setSaving(false)} />
      <FloatingTip />
    </section>
  );
}
