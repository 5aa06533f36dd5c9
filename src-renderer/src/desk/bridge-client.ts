/**
 * DeskApi over the loopback WebSocket bridge (browser mode). Pure: the socket
 * comes from a factory, so the unit tests drive it with a fake.
 *
 * Promises kept to callers:
 * - `call` never throws and never hangs forever. A call made while the socket
 *   is down waits up to `offlineWaitMs` for a reconnect, then resolves
 *   DESK_UNAVAILABLE. A call in flight when the socket drops resolves
 *   DESK_UNAVAILABLE at once: it may or may not have run, and resending it
 *   blindly could apply a mutation twice.
 * - Every message from the host is validated (BridgeMessageSchema, then the
 *   call's own output schema or the event's payload schema); anything
 *   malformed is reported and dropped, never handed to the UI.
 */
import type { z } from 'zod';
import { BridgeMessageSchema, type BridgeRequest } from '../../../src-shared/ipc/bridge-protocol.ts';
import {
  deskCalls,
  deskEvents,
  type DeskApi,
  type DeskCallName,
  type DeskEventName,
  type DeskEventPayload,
  type DeskInput,
  type DeskOutput,
} from '../../../src-shared/ipc/desk-api.ts';
import type { Result } from '../../../src-shared/result.ts';

/** The part of the WebSocket API the client uses (matches the DOM WebSocket). */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface BridgeClientOptions {
  readonly url: string;
  readonly createSocket: (url: string) => BridgeSocket;
  /** How long a call made while disconnected waits for the socket before giving up. */
  readonly offlineWaitMs?: number;
  /** Reconnect backoff: first delay, doubled per failure up to the maximum. */
  readonly reconnectBaseMs?: number;
  readonly reconnectMaxMs?: number;
  /** Where protocol problems are reported (default console.error): never swallowed. */
  readonly report?: (message: string, detail?: unknown) => void;
}

export interface BridgeClient extends DeskApi {
  connectionState(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Closes the socket for good: pending and later calls resolve DESK_UNAVAILABLE. */
  dispose(): void;
}

export const DESK_UNAVAILABLE = 'DESK_UNAVAILABLE';
export const DESK_UNAVAILABLE_MESSAGE = 'Se perdió la conexión con el motor local. Vuelva a intentarlo en unos segundos.';
export const BAD_RESPONSE = 'BAD_RESPONSE';

const OPEN = 1;

interface Pending {
  readonly name: DeskCallName;
  readonly resolve: (result: Result<unknown>) => void;
}

interface Queued {
  readonly request: BridgeRequest;
  readonly resolve: (result: Result<unknown>) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

function unavailable(): Result<never> {
  return { ok: false, error: { code: DESK_UNAVAILABLE, message: DESK_UNAVAILABLE_MESSAGE } };
}

export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const offlineWaitMs = options.offlineWaitMs ?? 8_000;
  const reconnectBaseMs = options.reconnectBaseMs ?? 250;
  const reconnectMaxMs = options.reconnectMaxMs ?? 5_000;
  const report = options.report ?? ((message: string, detail?: unknown) => console.error(`[desk bridge] ${message}`, detail));

  let socket: BridgeSocket | null = null;
  let state: ConnectionState = 'connecting';
  let failures = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const queue: Queued[] = [];
  const eventListeners = new Map<DeskEventName, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    for (const listener of [...connectionListeners]) {
      try {
        listener(next);
      } catch (error) {
        report('A connection listener failed', error);
      }
    }
  }

  function connect(): void {
    if (disposed) return;
    setState('connecting');
    let current: BridgeSocket;
    try {
      current = options.createSocket(options.url);
    } catch (error) {
      report('Could not open the bridge socket', error);
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      failures = 0;
      setState('open');
      flushQueue();
    };
    current.onmessage = (event) => {
      if (socket === current) handleMessage(event.data);
    };
    // Browsers fire `error` then `close` and the error event carries no detail; `close` does the reconnecting, once.
    current.onerror = null;
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failInFlight();
      setState('closed');
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (disposed || reconnectTimer !== null) return;
    const delay = Math.min(reconnectMaxMs, reconnectBaseMs * 2 ** failures);
    failures += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  function failInFlight(): void {
    const inFlight = [...pending.values()];
    pending.clear();
    for (const call of inFlight) call.resolve(unavailable());
  }

  function send(request: BridgeRequest, resolve: (result: Result<unknown>) => void): void {
    const current = socket;
    if (!current || current.readyState !== OPEN) {
      enqueue(request, resolve);
      return;
    }
    pending.set(request.id, { name: request.name, resolve });
    try {
      current.send(JSON.stringify(request));
    } catch (error) {
      pending.delete(request.id);
      report(`Could not send ${request.name}`, error);
      resolve(unavailable());
    }
  }

  function enqueue(request: BridgeRequest, resolve: (result: Result<unknown>) => void): void {
    const timer = setTimeout(() => {
      const index = queue.findIndex((q) => q.request.id === request.id);
      if (index >= 0) queue.splice(index, 1);
      resolve(unavailable());
    }, offlineWaitMs);
    queue.push({ request, resolve, timer });
  }

  function flushQueue(): void {
    const waiting = queue.splice(0);
    for (const q of waiting) {
      clearTimeout(q.timer);
      send(q.request, q.resolve);
    }
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') {
      report('Ignored a non-text message from the desk');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch (error) {
      report('Ignored a message that is not JSON', error);
      return;
    }
    const parsed = BridgeMessageSchema.safeParse(json);
    if (!parsed.success) {
      report('Ignored a malformed message from the desk', parsed.error.issues);
      return;
    }
    const message = parsed.data;
    if (message.type === 'result') {
      const call = pending.get(message.id);
      if (!call) {
        report(`Ignored a result for unknown call id ${message.id}`);
        return;
      }
      pending.delete(message.id);
      if (!message.result.ok) {
        call.resolve({ ok: false, error: message.result.error });
        return;
      }
      const output = (deskCalls[call.name].output as z.ZodType).safeParse(message.result.value);
      if (output.success) {
        call.resolve({ ok: true, value: output.data });
      } else {
        report(`The desk answered ${call.name} with data of the wrong shape`, output.error.issues);
        call.resolve({ ok: false, error: { code: BAD_RESPONSE, message: `El escritorio respondió a ${call.name} con datos no válidos.` } });
      }
      return;
    }
    const payload = (deskEvents[message.event] as z.ZodType).safeParse(message.payload);
    if (!payload.success) {
      report(`Ignored a malformed ${message.event} event`, payload.error.issues);
      return;
    }
    for (const listener of [...(eventListeners.get(message.event) ?? [])]) {
      try {
        listener(payload.data as never);
      } catch (error) {
        report(`A listener for ${message.event} failed`, error);
      }
    }
  }

  connect();

  return {
    call<N extends DeskCallName>(name: N, input: DeskInput<N>): Promise<Result<DeskOutput<N>>> {
      if (disposed) return Promise.resolve(unavailable());
      const request: BridgeRequest = { type: 'call', id: nextId++, name, input };
      return new Promise((resolve) => send(request, resolve as (result: Result<unknown>) => void));
    },
    on<E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void {
      let set = eventListeners.get(event);
      if (!set) {
        set = new Set();
        eventListeners.set(event, set);
      }
      const stored = listener as (payload: never) => void;
      set.add(stored);
      return () => {
        eventListeners.get(event)?.delete(stored);
      };
    },
    connectionState: () => state,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      for (const q of queue.splice(0)) {
        clearTimeout(q.timer);
        q.resolve(unavailable());
      }
      failInFlight();
      const current = socket;
      socket = null;
      current?.close(1000, 'disposed');
      setState('closed');
    },
  };
}
