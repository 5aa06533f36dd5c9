import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskApi } from '../../../src-shared/ipc/desk-api.ts';
import { DESK_CALL_CHANNEL, DESK_EVENT_CHANNEL } from '../../../src-shared/ipc/names.ts';
import { fakes, resetElectronFakes } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule);

// Vitest caches the mock factory's result even across vi.resetModules(), so bind the mock to
// this file's copy of the fakes once, before any reset; resetElectronFakes() then resets in place.
beforeAll(async () => {
  await import('electron');
});

/** Loads a fresh copy of the preload (it keeps module state) over fresh fakes, and returns what it exposed. */
async function loadPreload(): Promise<DeskApi> {
  resetElectronFakes();
  vi.resetModules();
  await import('../../../src-main/preload/index.ts');
  const desk = fakes.exposed.get('desk');
  if (desk === undefined) throw new Error('the preload exposed nothing under "desk"');
  return desk as DeskApi;
}

/** What the main process does: send one event on the DeskApi event channel. */
function pushFromMain(name: unknown, payload: unknown): void {
  // A real IpcRendererEvent carries `sender` (ipcRenderer itself): the page must never see it.
  fakes.ipcRenderer.emit(DESK_EVENT_CHANNEL, { sender: fakes.ipcRenderer, ports: [] }, name, payload);
}

// The API is typed against the contract; tests also poke it with names outside the contract.
type LooseDesk = { call(name: unknown, input: unknown): Promise<unknown>; on(event: unknown, listener: unknown): () => void };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('preload', () => {
  it('exposes exactly window.desk with call and on, and never ipcRenderer', async () => {
    const desk = await loadPreload();
    expect([...fakes.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['call', 'on']);
    expect(typeof desk.call).toBe('function');
    expect(typeof desk.on).toBe('function');
    expect(Object.values(desk)).not.toContain(fakes.ipcRenderer);
  });

  it('sends known calls on the DeskApi channel and returns the main process answer', async () => {
    const desk = await loadPreload();
    fakes.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { locale: 'es-PE' } });
    await expect(desk.call('settings.get', {})).resolves.toEqual({ ok: true, value: { locale: 'es-PE' } });
    expect(fakes.ipcRenderer.invoke).toHaveBeenCalledWith(DESK_CALL_CHANNEL, 'settings.get', {});
  });

  it('answers unknown call names itself, without touching IPC', async () => {
    const desk = (await loadPreload()) as unknown as LooseDesk;
    for (const name of ['tickets.dropAll', 'constructor', 7, null]) {
      await expect(desk.call(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
    expect(fakes.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an error result instead of a rejection', async () => {
    const desk = await loadPreload();
    fakes.ipcRenderer.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    await expect(desk.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'IPC_FAILED' } });
  });

  it('delivers only the payload to listeners, never the IPC event', async () => {
    const desk = await loadPreload();
    const listener = vi.fn();
    desk.on('rows.changed', listener);
    pushFromMain('rows.changed', { entities: ['ticket'] });
    expect(listener.mock.calls).toEqual([[{ entities: ['ticket'] }]]);
  });

  it('routes each event to its own listeners and ignores unknown ones', async () => {
    const desk = await loadPreload();
    const onSync = vi.fn();
    const onRows = vi.fn();
    desk.on('sync.status', onSync);
    desk.on('rows.changed', onRows);
    pushFromMain('sync.status', { state: 'offline', pendingEdits: 2, lastSyncAt: null });
    pushFromMain('shell.exec', { cmd: 'rm -rf /' });
    expect(onSync).toHaveBeenCalledTimes(1);
    expect(onRows).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe and keeps one IPC listener however many subscribe', async () => {
    const desk = await loadPreload();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = desk.on('settings.changed', first);
    desk.on('settings.changed', second);
    for (let i = 0; i < 20; i += 1) desk.on('rows.changed', () => undefined);
    expect(fakes.ipcRenderer.listenerCount(DESK_EVENT_CHANNEL)).toBe(1);

    offFirst();
    offFirst(); // idempotent
    pushFromMain('settings.changed', { locale: 'en' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ locale: 'en' });
  });

  it('keeps delivering to the others when one listener throws', async () => {
    const desk = await loadPreload();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    desk.on('rows.changed', () => {
      throw new Error('render failed');
    });
    desk.on('rows.changed', after);
    pushFromMain('rows.changed', { entities: ['visit'] });
    expect(after).toHaveBeenCalledWith({ entities: ['visit'] });
    expect(consoleError).toHaveBeenCalledTimes(1);
  });

  it('refuses subscriptions to unknown events', async () => {
    const desk = (await loadPreload()) as unknown as LooseDesk;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listener = vi.fn();
    const off = desk.on('shell.exec', listener);
    expect(typeof off).toBe('function');
    expect(fakes.ipcRenderer.listenerCount(DESK_EVENT_CHANNEL)).toBe(0);
  });
});
