/**
 * In-memory stand-ins for the parts of the `electron` module the shell and
 * the preload use. No Electron binary exists on CI machines, so tests mock
 * the module with these and drive the real handlers through them:
 *
 *   vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule);
 *
 * State is module-level (one copy per test file); call `resetElectronFakes()`
 * in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  url?: string;
  isMainFrame?: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(fields: { url?: string; isMainFrame?: boolean } = {}): FakeEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: { requestingUrl?: string; isMainFrame: boolean }) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
) => void;

export class FakeSession {
  availableSpellCheckerLanguages: string[] = ['en-US', 'es', 'es-419', 'es-ES'];
  setSpellCheckerLanguages = vi.fn();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
}

export interface FakeFrame {
  frameToken: string;
  processId: number;
  url: string;
  detached: boolean;
}

let frameCounter = 0;
export function fakeFrame(url: string, fields: Partial<FakeFrame> = {}): FakeFrame {
  frameCounter += 1;
  return { frameToken: `frame-${frameCounter}`, processId: 7, url, detached: false, ...fields };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  session = new FakeSession();
  mainFrame: FakeFrame = fakeFrame('about:blank');
  windowOpenHandler: WindowOpenHandler | null = null;
  send = vi.fn();
  destroyed = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  visible = false;
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  loadFile = vi.fn(async (path: string) => {
    this.webContents.mainFrame.url = new URL(`file://${path}`).href;
  });
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>();
}

export class FakeApp extends EventEmitter {
  isPackaged = true;
  private ready = false;
  private readyResolvers: Array<() => void> = [];
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  private paths = new Map<string, string>();
  getPath = vi.fn((name: string) => this.paths.get(name) ?? `/fake/${name}`);
  setPath = vi.fn((name: string, path: string) => {
    this.paths.set(name, path);
  });
  getVersion = vi.fn(() => '0.1.0-test');
  getName = vi.fn(() => 'Ayni');
  whenReady = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        if (this.ready) resolve();
        else this.readyResolvers.push(resolve);
      }),
  );
  isReady(): boolean {
    return this.ready;
  }
  /** Test control: the moment Electron would emit 'ready'. */
  becomeReady(): void {
    this.ready = true;
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }
}

export const fakes = {
  app: new FakeApp(),
  ipcMain: new FakeIpcMain(),
  ipcRenderer: new FakeIpcRenderer(),
  exposed: new Map<string, unknown>(),
  defaultSession: new FakeSession(),
  openExternal: vi.fn(async (_url: string) => undefined),
  showErrorBox: vi.fn(),
  applicationMenu: null as unknown,
};

export function resetElectronFakes(): void {
  fakes.app = new FakeApp();
  fakes.ipcMain = new FakeIpcMain();
  fakes.ipcRenderer = new FakeIpcRenderer();
  fakes.exposed = new Map();
  fakes.defaultSession = new FakeSession();
  fakes.openExternal.mockClear();
  fakes.showErrorBox.mockClear();
  fakes.applicationMenu = null;
  FakeBrowserWindow.created = [];
}

/**
 * The mocked module. Getters read the current fakes, so resetting them in
 * beforeEach also resets what already-imported modules see.
 */
export const electronModule = {
  get app() {
    return fakes.app;
  },
  get ipcMain() {
    return fakes.ipcMain;
  },
  get ipcRenderer() {
    return fakes.ipcRenderer;
  },
  BrowserWindow: FakeBrowserWindow,
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      fakes.exposed.set(key, api);
    },
  },
  session: {
    get defaultSession() {
      return fakes.defaultSession;
    },
  },
  shell: {
    openExternal: (url: string) => fakes.openExternal(url),
  },
  dialog: {
    showErrorBox: (title: string, content: string) => fakes.showErrorBox(title, content),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => {
      fakes.applicationMenu = menu;
    },
  },
};
