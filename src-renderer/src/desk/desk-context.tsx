/**
 * React access to the desk: the DeskApi, its connection state, and a small
 * hook for "call this and show the result" that keeps errors as data.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { DeskApi } from '../../../src-shared/ipc/desk-api.ts';
import type { AppError, Result } from '../../../src-shared/result.ts';
import type { ConnectionState } from './bridge-client.ts';
import type { DeskConnection } from './client.ts';
import type { CallInput, CallName, CallOutput, Desk, EventName, EventPayload } from './work-api.ts';

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

/** How long an early call's answer waits for the screen that asked for it. */
export const EARLY_CALL_TTL_MS = 3_000;
const earlyCalls = new WeakMap<Desk, Map<string, { readonly promise: Promise<unknown>; readonly at: number }>>();

function callKey(name: string, inputKey: string): string {
  return `${name} ${inputKey}`;
}

/**
 * Starts a read the next screen will make, from the action that opens it
 * (e.g. a click on a ticket), so the answer is on its way while React draws
 * the screen; that screen's `useDeskQuery` with the same name and input
 * takes the call instead of sending its own. An answer nobody takes within a
 * few seconds is dropped.
 */
export function callEarly<N extends CallName>(desk: Desk, name: N, input: CallInput<N>): void {
  let calls = earlyCalls.get(desk);
  if (!calls) {
    calls = new Map();
    earlyCalls.set(desk, calls);
  }
  const now = Date.now();
  for (const [key, call] of calls) if (now - call.at > EARLY_CALL_TTL_MS) calls.delete(key);
  calls.set(callKey(name, JSON.stringify(input)), { promise: desk.call(name, input), at: now });
}

export function takeEarlyCall(desk: Desk, name: string, inputKey: string): Promise<unknown> | null {
  const calls = earlyCalls.get(desk);
  const key = callKey(name, inputKey);
  const call = calls?.get(key);
  if (!calls || !call) return null;
  calls.delete(key);
  return Date.now() - call.at <= EARLY_CALL_TTL_MS ? call.promise : null;
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
 * previous value stays available so the screen does not flash empty.
 */
export function useDeskQuery<N extends CallName>(
  name: N,
  input: CallInput<N>,
  invalidatedBy: readonly string[] = [],
): { readonly state: QueryState<CallOutput<N>>; readonly reload: () => void } {
  const desk = useDesk();
  const connection = useDeskConnection();
  const inputKey = JSON.stringify(input);
  const [state, setState] = useState<QueryState<CallOutput<N>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const lostConnection = useRef(false);

  // After the bridge comes back, read again: what was on screen may be stale or an error.
  useEffect(() => {
    if (connection === 'closed') lostConnection.current = true;
    if (connection === 'open' && lostConnection.current) {
      lostConnection.current = false;
      setAttempt((n) => n + 1);
    }
  }, [connection]);

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
    setState((previous) => ({ status: 'loading', ...(previous.value === undefined ? {} : { value: previous.value }) }));
    // The first read of a screen may already be on its way (callEarly); later ones are sent here.
    const early = attempt === 0 ? (takeEarlyCall(desk, name, inputKey) as Promise<Result<CallOutput<N>>> | null) : null;
    void (early ?? desk.call(name, JSON.parse(inputKey) as CallInput<N>)).then((result) => {
      if (requestId !== latest.current) return;
      setState((previous) =>
        result.ok
          ? { status: 'ready', value: result.value }
          : { status: 'error', error: result.error, ...(previous.value === undefined ? {} : { value: previous.value }) },
      );
    });
  }, [desk, name, inputKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
