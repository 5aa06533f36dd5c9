/**
 * The main-process side of DeskApi, and the only main-process file that
 * touches ipcMain (eslint.config.js enforces it). Every call is checked in
 * three steps before it reaches the desk core — who sent it, what it is
 * called, what it carries — and every outcome, including a crash of the
 * core, goes back to the page as a Result: nothing is thrown across IPC.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { parseDeskInput } from '../../src-shared/ipc/desk-api.ts';
import { DESK_CALL_CHANNEL, DESK_EVENT_CHANNEL, isDeskCallName, type DeskCallName, type DeskEventName } from '../../src-shared/ipc/names.ts';
import { fail, type Result } from '../../src-shared/result.ts';
import type { AppUrl } from './app-url.ts';

/** What the IPC layer needs from the desk core (a subset of DeskCoreHandle in src-main/core/worker-host.ts). */
export interface DeskCorePort {
  call(name: DeskCallName, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: DeskEventName, payload: unknown) => void): () => void;
}

export interface DeskIpcOptions {
  core: DeskCorePort;
  appUrl: AppUrl;
  /** The console window, or null while there is none (macOS keeps running without windows). */
  getWindow: () => BrowserWindow | null;
}

/**
 * Only the top frame of our own window, showing our own page, may call the
 * desk. A subframe, another window or a page that somehow navigated away
 * gets FORBIDDEN.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: AppUrl): boolean {
  if (window === null || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return false;
  const mainFrame = contents.mainFrame;
  // frameToken identifies a frame across the browser; comparing it (and the process) pins the main frame.
  if (frame.frameToken !== mainFrame.frameToken || frame.processId !== mainFrame.processId) return false;
  return appUrl.isAppUrl(frame.url);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The whole path of one call; exported so tests can drive it without ipcMain. */
export async function handleDeskCall(
  event: IpcMainInvokeEvent,
  name: unknown,
  input: unknown,
  options: DeskIpcOptions,
): Promise<Result<unknown>> {
  try {
    if (!isTrustedSender(event, options.getWindow(), options.appUrl)) {
      console.warn(`[ayni] Llamada IPC rechazada: remitente no autorizado (${event.senderFrame?.url ?? 'sin marco'}).`);
      return fail('FORBIDDEN', 'Esta página no puede usar la consola.');
    }
    if (!isDeskCallName(name)) {
      return fail('UNKNOWN_CALL', `Llamada desconocida: ${typeof name === 'string' ? name.slice(0, 80) : typeof name}.`);
    }
    const parsed = parseDeskInput(name, input);
    if (!parsed.ok) return parsed;
    return await options.core.call(name, parsed.value);
  } catch (error) {
    // The desk core crashed or rejected: the page gets data, the log gets the cause.
    console.error(`[ayni] La llamada ${typeof name === 'string' ? name : '?'} falló en el proceso principal:`, error);
    return fail('INTERNAL', `Error interno de la consola: ${describeError(error)}`);
  }
}

/**
 * Registers the DeskApi call handler and forwards desk-core events to the
 * window. Returns a function that undoes both (used on quit and in tests).
 */
export function registerDeskIpc(options: DeskIpcOptions): () => void {
  ipcMain.handle(DESK_CALL_CHANNEL, (event, name: unknown, input: unknown) => handleDeskCall(event, name, input, options));

  const stopEvents = options.core.onEvent((eventName, payload) => {
    const window = options.getWindow();
    if (window === null || window.isDestroyed()) return; // no window, nobody to tell; the page refetches on load
    // Events carry customer data: never send them to a page that is not ours.
    if (!options.appUrl.isAppUrl(window.webContents.getURL())) return;
    try {
      window.webContents.send(DESK_EVENT_CHANNEL, eventName, payload);
    } catch (error) {
      // A payload that cannot be cloned is a desk-core bug; say so instead of killing the main process.
      console.error(`[ayni] No se pudo enviar el evento ${eventName} a la ventana:`, error);
    }
  });

  return () => {
    stopEvents();
    ipcMain.removeHandler(DESK_CALL_CHANNEL);
  };
}
