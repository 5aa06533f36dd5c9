/**
 * React access to the desk: the DeskApi, its connection state, and a small
 * hook for "call this and show the result" that keeps errors as data.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { DeskApi } from '../../../src-shared/ipc/desk-api.ts';
import type { AppError, Result } from '../../../src-shared/result.ts';
import type { ConnectionState } from './bridge-client.ts';
import type { DeskConnection } from './client.ts';
import { settledEarlyCall, takeEarlyCall } from './early-calls.ts';
import type { CallInput, CallName, CallOutput, Desk, EventName, EventPayload } from './work-api.ts';
import { afterNextPaint } from '../ui/after-paint.ts';

export { callEarly } from './early-calls.ts';

interface DeskContextValue {
  readonly desk: Desk;
  readonly connection: DeskConnection;
  readonly mode: 'electron' | 'web';
}

const DeskContext = createContext<DeskContextValue | null>(null);

export function DeskProvider(props: { readonly desk: DeskApi; readonly connection: DeskConnection; readonly mode: 'electron' | 'web'; readonly children: ReactNode }): ReactNode {
  const { desk, connection, mode, children } = props;
  const [value] = useState<DeskContextValue>(() => ({ desk, connection, mode }));
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

function useDeskContext(): DeskContextValue {
  const value = useContext(DeskContext);
  if (!value) throw new Error('useDesk() outside <DeskProvider>');
  return value;
}

export function useDesk(): Desk {
  return useDeskContext().desk;
}

export function useDeskMode(): 'electron' | 'web' {
  return useDeskContext().mode;
}

/** Subscribes to a desk event for the life of the component; the latest listener is always the one called. */
export function useDeskEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const desk = useDesk();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => desk.on(event, (payload) => latest.current(payload)), [desk, event]);
}

export function useDeskConnection(): ConnectionState {
  const { connection } = useDeskContext();
  return useSyncExternalStore(connection.subscribe, connection.get);
}

export interface DeskQueryOptions {
  /**
   * Send the first read after the screen's first frame is painted: for a
   * side panel whose data can follow a frame later, so the part of the
   * screen that was asked for paints without waiting for it.
   */
  readonly afterPaint?: boolean;
}

export type QueryState<T> =
  | { readonly status: 'loading'; readonly value?: T }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: AppError; readonly value?: T };

/**
 * Calls a DeskApi read and tracks its result. Re-runs when the input changes
 * (compared by value), when the bridge reconnects, and when the desk says
 * rows of one of `invalidatedBy` changed (`rows.changed`, e.g. after a sync);
 * a late answer to an older input is dropped. While a new input loads, the
 * previous value stays available so the screen does not flash empty. When
 * the screen's first read was sent early (callEarly) and its answer is
 * already in, the first render has it: no "loading" state at all.
 */
export function useDeskQuery<N extends CallName>(
  name: N,
  input: CallInput<N>,
  invalidatedBy: readonly string[] = [],
  options: DeskQueryOptions = {},
): { readonly state: QueryState<CallOutput<N>>; readonly reload: () => void } {
  const desk = useDesk();
  const connection = useDeskConnection();
  const inputKey = JSON.stringify(input);
  const [seed] = useState(() => {
    const settled = settledEarlyCall(desk, name, inputKey);
    return settled === null ? null : { inputKey, result: settled.result as Result<CallOutput<N>> };
  });
  const [state, setState] = useState<QueryState<CallOutput<N>>>(() =>
    seed === null ? { status: 'loading' } : seed.result.ok ? { status: 'ready', value: seed.result.value } : { status: 'error', error: seed.result.error },
  );
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  /** The early answer the first render showed, until the first read effect has taken its call. */
  const seeded = useRef(seed);
  const lostConnection = useRef(false);

  // After the bridge comes back, read again: what was on screen may be stale or an error.
  useEffect(() => {
    if (connection === 'closed') lostConnection.current = true;
    if (connection === 'open' && lostConnection.current) {
      lostConnection.current = false;
      setAttempt((n) => n + 1);
    }
  }, [connection]);

  const afterPaint = options.afterPaint === true;
  const entitiesKey = invalidatedBy.join(',');
  useEffect(() => {
    if (entitiesKey === '') return;
    const watched = new Set(entitiesKey.split(','));
    return desk.on('rows.changed', ({ entities }) => {
      // '*' means the whole cache changed (e.g. a new session cleared it).
      if (entities.some((entity) => entity === '*' || watched.has(entity))) setAttempt((n) => n + 1);
    });
  }, [desk, entitiesKey]);

  useEffect(() => {
    const requestId = ++latest.current;
    const shown = seeded.current;
    seeded.current = null;
    if (attempt === 0 && shown !== null && shown.inputKey === inputKey) {
      // Already on screen since the first render: take the call so nobody else is handed it.
      takeEarlyCall(desk, name, inputKey);
      return;
    }
    // (Already loading with nothing to keep, as on mount: the same state, no render.)
    setState((previous) => (previous.status === 'loading' && previous.value === undefined ? previous : { status: 'loading', ...(previous.value === undefined ? {} : { value: previous.value }) }));
    // The first read of a screen may already be on its way (callEarly); later ones are sent here.
    const early = attempt === 0 ? (takeEarlyCall(desk, name, inputKey) as Promise<Result<CallOutput<N>>> | null) : null;
    const read = (): void => {
      void (early ?? desk.call(name, JSON.parse(inputKey) as CallInput<N>)).then((result) => {
        if (requestId !== latest.current) return;
        setState((previous) =>
          result.ok
            ? { status: 'ready', value: result.value }
            : { status: 'error', error: result.error, ...(previous.value === undefined ? {} : { value: previous.value }) },
        );
      });
    };
    if (early === null && attempt === 0 && afterPaint) return afterNextPaint(read);
    read();
  }, [desk, name, inputKey, attempt, afterPaint]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
