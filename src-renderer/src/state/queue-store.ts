/**
 * What the technician has set up in the Cola: the view, filters, order,
 * search, the selected tickets, the keyboard cursor and the scroll position.
 * UI state only (STYLE.md habit 5): the rows themselves come from the desk.
 * Kept while moving to a ticket and back, so Escape returns to the same place.
 */
import { create } from 'zustand';
import type { QueueFilters, SavedView } from '../../../src-shared/ipc/work-calls.ts';
import type { QUEUE_SORT_KEYS, QUEUE_VIEWS } from '../../../src-shared/ipc/work-calls.ts';

export type QueueView = (typeof QUEUE_VIEWS)[number];
export interface QueueSort {
  readonly key: (typeof QUEUE_SORT_KEYS)[number];
  readonly dir: 'asc' | 'desc';
}
export type FilterKey = keyof QueueFilters;

export interface QueueQuery {
  readonly view: QueueView;
  readonly filters: QueueFilters;
  readonly sort: QueueSort;
  /** The search as applied (after the debounce). */
  readonly search: string;
}

interface QueueUiState extends QueueQuery {
  /** Ids of selected tickets (TanStack's RowSelectionState shape). */
  readonly selection: Readonly<Record<string, boolean>>;
  /** The row the keyboard cursor is on. */
  readonly activeId: string | null;
  readonly scrollTop: number;
  /** The saved view the query came from, while it is unchanged. */
  readonly savedViewId: string | null;
}

export const DEFAULT_SORT: QueueSort = { key: 'priority', dir: 'asc' };

const initial: QueueUiState = {
  view: 'mine',
  filters: {},
  sort: DEFAULT_SORT,
  search: '',
  selection: {},
  activeId: null,
  scrollTop: 0,
  savedViewId: null,
};

const useQueueStore = create<QueueUiState>()(() => initial);

export const useQueueQuery = (): QueueQuery => {
  const view = useQueueStore((s) => s.view);
  const filters = useQueueStore((s) => s.filters);
  const sort = useQueueStore((s) => s.sort);
  const search = useQueueStore((s) => s.search);
  return { view, filters, sort, search };
};
export const useQueueView = (): QueueView => useQueueStore((s) => s.view);
export const useQueueFilters = (): QueueFilters => useQueueStore((s) => s.filters);
export const useQueueSort = (): QueueSort => useQueueStore((s) => s.sort);
export const useQueueSearch = (): string => useQueueStore((s) => s.search);
export const useSelection = (): Readonly<Record<string, boolean>> => useQueueStore((s) => s.selection);
export const useActiveId = (): string | null => useQueueStore((s) => s.activeId);
export const useSavedViewId = (): string | null => useQueueStore((s) => s.savedViewId);
export const queueScrollTop = (): number => useQueueStore.getState().scrollTop;
export const queueState = (): QueueUiState => useQueueStore.getState();

/**
 * Calls `listener` as soon as the query changes (view, filters, order or
 * search), inside the action that changed it, before React renders: the
 * desk read can leave while the page is still being drawn.
 */
export function subscribeQueueQuery(listener: (query: QueueQuery) => void): () => void {
  return useQueueStore.subscribe((state, previous) => {
    if (state.view === previous.view && state.filters === previous.filters && state.sort === previous.sort && state.search === previous.search) return;
    listener(queryOf(state));
  });
}

/** The query as stored now (outside React). */
export const currentQueueQuery = (): QueueQuery => queryOf(useQueueStore.getState());

function queryOf(state: QueueQuery): QueueQuery {
  return { view: state.view, filters: state.filters, sort: state.sort, search: state.search };
}

/** A changed query starts at the top, with nothing selected: the old selection may not be in the new list. */
const restart = { selection: {}, activeId: null, scrollTop: 0, savedViewId: null } as const;

export const queueActions = {
  setView: (view: QueueView): void => useQueueStore.setState({ view, ...restart }),
  setSort: (sort: QueueSort): void => useQueueStore.setState({ sort, ...restart }),
  setSearch: (search: string): void => {
    if (useQueueStore.getState().search !== search) useQueueStore.setState({ search, ...restart });
  },
  setFilter: <K extends FilterKey>(key: K, values: NonNullable<QueueFilters[K]>): void =>
    useQueueStore.setState((s) => {
      const filters: QueueFilters = { ...s.filters };
      if (values.length === 0) delete filters[key];
      else filters[key] = values;
      return { filters, ...restart };
    }),
  clearFilters: (): void => useQueueStore.setState({ filters: {}, ...restart }),
  applySavedView: (saved: SavedView): void =>
    useQueueStore.setState({
      view: saved.query.view,
      filters: saved.query.filters ?? {},
      sort: saved.query.sort ?? DEFAULT_SORT,
      search: saved.query.search ?? '',
      ...restart,
      savedViewId: saved.id,
    }),
  setSelection: (selection: Readonly<Record<string, boolean>>): void => useQueueStore.setState({ selection }),
  clearSelection: (): void => useQueueStore.setState({ selection: {} }),
  toggleSelected: (id: string): void =>
    useQueueStore.setState((s) => {
      const selection = { ...s.selection };
      if (selection[id]) delete selection[id];
      else selection[id] = true;
      return { selection };
    }),
  setActive: (activeId: string | null): void => useQueueStore.setState({ activeId }),
  rememberScroll: (scrollTop: number): void => {
    useQueueStore.setState({ scrollTop });
  },
};
