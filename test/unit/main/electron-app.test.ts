import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDeskApp } from '../../../src-main/electron/desk-app.ts';
import { DESK_CALL_CHANNEL } from '../../../src-shared/ipc/names.ts';
import { FakeBrowserWindow, fakeEvent, fakes, resetElectronFakes } from './electron-fakes.ts';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule);

/** The desk core as the shell sees it; close() resolves when the test says so. */
const core = vi.hoisted(() => ({
  started: [] as unknown[],
  failToStart: null as Error | null,
  closeCalls: 0,
  finishClose: (): void => undefined,
}));

vi.mock('../../../src-main/core/worker-host.ts', () => ({
  startDeskCoreWorker(options: unknown) {
    if (core.failToStart !== null) throw core.failToStart;
    core.started.push(options);
    return {
      call: async () => ({ ok: true, value: null }),
      onEvent: () => () => undefined,
      close: () => {
        core.closeCalls += 1;
        return new Promise<void>((resolve) => (core.finishClose = resolve));
      },
    };
  },
}));

const MAIN_DIR = '/opt/ayni/out/main';

function start(devServerUrl?: string, userDataDir?: string): boolean {
  return runDeskApp({ workerPath: '/opt/ayni/out/main/chunks/worker.js', mainDir: MAIN_DIR, devServerUrl, userDataDir });
}

async function startReady(devServerUrl?: string): Promise<FakeBrowserWindow> {
  expect(start(devServerUrl)).toBe(true);
  fakes.app.becomeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
  return FakeBrowserWindow.created[0] as FakeBrowserWindow;
}

beforeEach(() => {
  resetElectronFakes();
  core.started = [];
  core.failToStart = null;
  core.closeCalls = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Electron app lifecycle', () => {
  it('quits at once when another instance holds the single-instance lock', () => {
    fakes.app.requestSingleInstanceLock.mockReturnValue(false);
    expect(start()).toBe(false);
    expect(fakes.app.quit).toHaveBeenCalledTimes(1);
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
    expect(fakes.app.listenerCount('second-instance')).toBe(0);
    expect(core.started).toEqual([]);
  });

  it('guards web contents before ready, then starts the core, IPC, menu and one window', async () => {
    expect(start()).toBe(true);
    expect(fakes.app.enableSandbox).toHaveBeenCalled();
    expect(fakes.app.listenerCount('web-contents-created')).toBe(1);
    expect(core.started).toEqual([]);

    fakes.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    expect(core.started).toEqual([
      {
        workerPath: '/opt/ayni/out/main/chunks/worker.js',
        dataDir: '/fake/userData',
        mode: 'electron',
        appVersion: '0.1.0-test',
        serverUrl: null,
        tokens: expect.objectContaining({ load: expect.any(Function), save: expect.any(Function), clear: expect.any(Function) }),
      },
    ]);
    expect([...fakes.ipcMain.handlers.keys()]).toEqual([DESK_CALL_CHANNEL]);
    expect(fakes.applicationMenu).not.toBeNull();
    expect(fakes.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fakes.defaultSession.headersListener).not.toBeNull();

    const window = FakeBrowserWindow.created[0];
    expect(window?.options['webPreferences']).toMatchObject({ preload: '/opt/ayni/out/preload/index.cjs', sandbox: true });
    expect(window?.loadFile).toHaveBeenCalledWith('/opt/ayni/out/renderer/index.html');
  });

  it('focuses the existing window when a second instance starts', async () => {
    const window = await startReady();
    window.minimized = true;
    fakes.app.emit('second-instance', fakeEvent(), [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('closes the desk core before the process quits', async () => {
    await startReady();
    const firstQuit = fakeEvent();
    fakes.app.emit('will-quit', firstQuit);
    expect(firstQuit.defaultPrevented).toBe(true);
    expect(core.closeCalls).toBe(1);
    expect(fakes.ipcMain.handlers.size).toBe(0);
    expect(fakes.app.quit).not.toHaveBeenCalled();

    // A second quit request while closing neither closes twice nor lets the process go early.
    const impatient = fakeEvent();
    fakes.app.emit('will-quit', impatient);
    expect(impatient.defaultPrevented).toBe(true);
    expect(core.closeCalls).toBe(1);

    core.finishClose();
    await vi.waitFor(() => expect(fakes.app.quit).toHaveBeenCalledTimes(1));
    const finalQuit = fakeEvent();
    fakes.app.emit('will-quit', finalQuit);
    expect(finalQuit.defaultPrevented).toBe(false);
  });

  it('quits when the last window closes (outside macOS)', async () => {
    await startReady();
    fakes.app.emit('window-all-closed');
    expect(fakes.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('uses the dev server only in development and only on loopback', async () => {
    fakes.app.isPackaged = false;
    const dev = await startReady('http://localhost:5173');
    expect(dev.loadURL).toHaveBeenCalledWith('http://localhost:5173/');

    resetElectronFakes();
    fakes.app.isPackaged = false;
    const remote = await startReady('http://evil.example:5173');
    expect(remote.loadURL).not.toHaveBeenCalled();
    expect(remote.loadFile).toHaveBeenCalled();

    resetElectronFakes();
    fakes.app.isPackaged = true;
    const packaged = await startReady('http://localhost:5173');
    expect(packaged.loadURL).not.toHaveBeenCalled();
  });

  it('takes a separate data directory in development (before the lock), never in a packaged build', async () => {
    fakes.app.isPackaged = false;
    start(undefined, '/tmp/ayni-e2e-1');
    expect(fakes.app.setPath).toHaveBeenCalledWith('userData', '/tmp/ayni-e2e-1');
    expect(fakes.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(fakes.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0);
    fakes.app.becomeReady();
    await vi.waitFor(() => expect(core.started).toEqual([expect.objectContaining({ dataDir: '/tmp/ayni-e2e-1' })]));

    resetElectronFakes();
    fakes.app.isPackaged = true;
    start(undefined, '/tmp/ayni-e2e-2');
    expect(fakes.app.setPath).not.toHaveBeenCalled();

    resetElectronFakes();
    fakes.app.isPackaged = false;
    start(undefined, 'relative/dir');
    expect(fakes.app.setPath).not.toHaveBeenCalled();
  });

  it('tells the person and exits when the desk core cannot start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    core.failToStart = new Error('no se puede escribir en userData');
    expect(start()).toBe(true);
    fakes.app.becomeReady();
    await vi.waitFor(() => expect(fakes.app.exit).toHaveBeenCalledWith(1));
    expect(fakes.showErrorBox).toHaveBeenCalledWith('Ayni no pudo iniciar', expect.stringContaining('no se puede escribir en userData'));
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});
