/**
 * The sandboxed preload: exposes `window.desk` (DeskApi) and nothing else.
 *
 * It never hands out ipcRenderer or the IpcRendererEvent (which carries
 * `sender`, i.e. ipcRenderer itself): the page gets two functions that can
 * only reach the two DeskApi channels with known names. Full validation
 * happens in the main process (ipc.ts); the name checks here just answer
 * early without a round trip. Imports only electron and src-shared names,
 * so the build is one small CommonJS file that a sandbox can load.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../../src-shared/ipc/desk-api.ts';
import { DESK_CALL_CHANNEL, DESK_EVENT_CHANNEL, isDeskCallName, isDeskEventName, type DeskEventName } from '../../src-shared/ipc/names.ts';
import { fail, type Result } from '../../src-shared/result.ts';

type Listener = (payload: unknown) => void;

/** One ipcRenderer listener for all subscriptions, so many components subscribing never hits the max-listeners limit. */
const listeners = new Map<DeskEventName, Set<Listener>>();
let channelAttached = false;

function dispatch(_event: IpcRendererEvent, name: unknown, payload: unknown): void {
  if (!isDeskEventName(name)) return;
  const subscribers = listeners.get(name);
  if (subscribers === undefined) return;
  // Copy first: a listener may unsubscribe itself while we iterate.
  for (const listener of [...subscribers]) {
    try {
      listener(payload);
    } catch (error) {
      // One broken subscriber must not starve the others; the page's console shows why.
      console.error(`[ayni] Un suscriptor de "${name}" falló:`, error);
    }
  }
}

function subscribe(event: unknown, listener: unknown): () => void {
  if (!isDeskEventName(event) || typeof listener !== 'function') {
    console.warn(`[ayni] Evento desconocido o suscriptor no válido: ${String(event)}`);
    return () => undefined;
  }
  if (!channelAttached) {
    ipcRenderer.on(DESK_EVENT_CHANNEL, dispatch);
    channelAttached = true;
  }
  let subscribers = listeners.get(event);
  if (subscribers === undefined) {
    subscribers = new Set();
    listeners.set(event, subscribers);
  }
  // Wrap so that subscribing the same function twice yields two independent subscriptions.
  const wrapped: Listener = (payload) => (listener as Listener)(payload);
  subscribers.add(wrapped);
  return () => {
    subscribers.delete(wrapped);
  };
}

async function call(name: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isDeskCallName(name)) {
    return fail('UNKNOWN_CALL', `Llamada desconocida: ${typeof name === 'string' ? name.slice(0, 80) : typeof name}.`);
  }
  try {
    return (await ipcRenderer.invoke(DESK_CALL_CHANNEL, name, input)) as Result<unknown>;
  } catch (error) {
    // invoke rejects when the input cannot be cloned or the main process has no handler yet; errors stay data.
    return fail('IPC_FAILED', `No se pudo comunicar con la consola: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The object behind `window.desk`; typed against the shared contract so a drift fails the typecheck. */
const desk: DeskApi = {
  call: call as DeskApi['call'],
  on: subscribe as DeskApi['on'],
};

contextBridge.exposeInMainWorld('desk', desk);
