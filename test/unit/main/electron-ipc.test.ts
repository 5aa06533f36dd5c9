import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { fileAppUrl } from '../../../src-main/electron/app-url.ts';
import { registerDeskIpc, type DeskCorePort } from '../../../src-main/electron/ipc.ts';
import { DESK_CALL_CHANNEL, DESK_EVENT_CHANNEL, type DeskCallName, type DeskEventName } from '../../../src-shared/ipc/names.ts';
import type { Result } from '../../../src-shared/result.ts';
import { FakeBrowserWindow, fakeFrame, fakes, resetElectronFakes, type FakeFrame } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule);

const appUrl = fileAppUrl('/opt/ayni/out/renderer/index.html');

/** A desk core that records calls and answers from a script the test sets. */
class ScriptedCore implements DeskCorePort {
  calls: Array<[DeskCallName, unknown]> = [];
  answer: (name: DeskCallName, input: unknown) => Promise<Result<unknown>> = async () => ({ ok: true, value: null });
  listeners = new Set<(event: DeskEventName, payload: unknown) => void>();
  call(name: DeskCallName, input: unknown): Promise<Result<unknown>> {
    this.calls.push([name, input]);
    return this.answer(name, input);
  }
  onEvent(listener: (event: DeskEventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: DeskEventName, payload: unknown): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}

let core: ScriptedCore;
let window: FakeBrowserWindow;
let dispose: () => void;
let consoleError: ReturnType<typeof vi.spyOn>;

function invoke(name: unknown, input: unknown, from: { frame?: FakeFrame | null; sender?: unknown } = {}): Promise<unknown> {
  const handler = fakes.ipcMain.handlers.get(DESK_CALL_CHANNEL);
  if (handler === undefined) throw new Error(`nothing handles ${DESK_CALL_CHANNEL}`);
  const event = {
    sender: from.sender ?? window.webContents,
    senderFrame: from.frame === undefined ? window.webContents.mainFrame : from.frame,
  };
  return Promise.resolve(handler(event, name, input));
}

beforeEach(() => {
  // The handler logs refusals and failures; capture them so the tests can assert them and the output stays readable.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  resetElectronFakes();
  core = new ScriptedCore();
  window = new FakeBrowserWindow({});
  window.webContents.mainFrame = fakeFrame(`${appUrl.entryUrl}#/cola`);
  dispose = registerDeskIpc({ core, appUrl, getWindow: () => window as unknown as BrowserWindow });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DeskApi over ipcMain', () => {
  it('registers one handler on the DeskApi call channel', () => {
    expect([...fakes.ipcMain.handlers.keys()]).toEqual([DESK_CALL_CHANNEL]);
  });

  it('forwards a valid call to the desk core and returns its result unchanged', async () => {
    const month = { year: 2025, month: 7, timezone: 'America/Lima', businessDays: 21, businessMinutes: 16380, days: [] };
    core.answer = async () => ({ ok: true, value: month });
    await expect(invoke('calendar.month', { year: 2025, month: 7 })).resolves.toEqual({ ok: true, value: month });
    expect(core.calls).toEqual([['calendar.month', { year: 2025, month: 7 }]]);
  });

  it('passes the core’s own failures through as data', async () => {
    core.answer = async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No existe' } });
    await expect(invoke('districts.lookup', { query: 'Huaral' })).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No existe' } });
  });

  it('rejects invalid input with VALIDATION before the core sees it', async () => {
    const result = (await invoke('calendar.month', { year: '2025', month: 13 })) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    const extra = (await invoke('settings.update', { locale: 'es-PE', admin: true })) as Result<unknown>;
    expect(extra.ok ? 'ok' : extra.error.code).toBe('VALIDATION');
    expect(core.calls).toEqual([]);
  });

  it('rejects unknown call names', async () => {
    for (const name of ['tickets.dropAll', '__proto__', 42, undefined]) {
      const result = (await invoke(name, {})) as Result<unknown>;
      expect(result.ok ? 'ok' : result.error.code, String(name)).toBe('UNKNOWN_CALL');
    }
    expect(core.calls).toEqual([]);
  });

  it('rejects calls from a foreign page, a sub-frame, another web contents or no frame', async () => {
    const foreignPage = fakeFrame('https://evil.example/', { frameToken: window.webContents.mainFrame.frameToken });
    const subFrame = fakeFrame(window.webContents.mainFrame.url);
    const otherContents = new FakeBrowserWindow({}).webContents;
    const attempts = [{ frame: foreignPage }, { frame: subFrame }, { sender: otherContents }, { frame: null }];
    for (const from of attempts) {
      const result = (await invoke('app.info', {}, from)) as Result<unknown>;
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
    expect(core.calls).toEqual([]);
  });

  it('rejects every call once the window is gone', async () => {
    window.destroyed = true;
    const result = (await invoke('app.info', {})) as Result<unknown>;
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
  });

  it('never throws across IPC when the desk core rejects or throws', async () => {
    core.answer = async () => {
      throw new Error('worker exited');
    };
    const rejected = (await invoke('app.info', {})) as Result<unknown>;
    expect(rejected).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('worker exited') } });

    core.answer = () => {
      throw new TypeError('boom');
    };
    const thrown = (await invoke('sync.status', {})) as Result<unknown>;
    expect(thrown.ok ? 'ok' : thrown.error.code).toBe('INTERNAL');
    // Errors are data for the page, and the cause still reaches the log.
    expect(consoleError).toHaveBeenCalledTimes(2);
  });

  it('forwards desk-core events to our page only', () => {
    core.emit('sync.status', { state: 'online', pendingEdits: 0, lastSyncAt: null });
    expect(window.webContents.send).toHaveBeenCalledWith(DESK_EVENT_CHANNEL, 'sync.status', { state: 'online', pendingEdits: 0, lastSyncAt: null });

    window.webContents.send.mockClear();
    window.webContents.mainFrame = fakeFrame('https://evil.example/');
    core.emit('rows.changed', { entities: ['ticket'] });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('survives an event that cannot be sent', () => {
    window.webContents.send.mockImplementation(() => {
      throw new Error('An object could not be cloned.');
    });
    expect(() => core.emit('rows.changed', { entities: ['ticket'] })).not.toThrow();
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('rows.changed'), expect.any(Error));
  });

  it('unregisters the handler and the event subscription when disposed', () => {
    dispose();
    expect(fakes.ipcMain.handlers.size).toBe(0);
    expect(core.listeners.size).toBe(0);
  });
});
