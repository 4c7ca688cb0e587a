/**
 * A recording stand-in for the `electron` module, so the bundled shell (dist/main.cjs,
 * dist/preload.cjs) runs under plain Node: Electron's binary cannot be downloaded here. Every
 * call the shell makes is kept for the test to look at; nothing is simulated beyond what the
 * shell needs to start (a ready app, one screen, windows that record what they load).
 *
 * `installElectronStandIn()` makes `require('electron')` return it until `uninstall()`.
 */
import Module from 'node:module';

type Listener = (...args: unknown[]) => unknown;

/** The small part of Node's EventEmitter the shell uses, with the listeners kept visible. */
export class Recorder {
  readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped);
      return listener(...args);
    };
    return this.on(name, wrapped);
  }

  removeListener(name: string, listener: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((each) => each !== listener));
    return this;
  }

  emit(name: string, ...args: unknown[]): unknown[] {
    return [...(this.listeners.get(name) ?? [])].map((listener) => listener(...args));
  }

  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

/** What a navigation or attach event looks like to the shell. */
export interface FakeEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url?: string): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  if (url !== undefined) event.url = url;
  return event;
}

export interface Display {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface MenuItemTemplate {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface StandInOptions {
  userData: string;
  /** What `dialog.showMessageBox` answers: 0 = the demo clinic, 1 = start empty. */
  dialogResponse?: number;
  displays?: Display[];
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

export function createElectronStandIn(options: StandInOptions) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record = (name: string, ...args: unknown[]) => calls.push({ name, args });

  let nextContentsId = 1;
  const app = Object.assign(new Recorder(), {
    isPackaged: false,
    quitCount: 0,
    name: 'frontdesk',
    commandLine: {
      hasSwitch: (name: string) => process.argv.includes(`--${name}`),
      appendSwitch: (...args: unknown[]) => record('app.commandLine.appendSwitch', ...args),
    },
    setName(name: string) {
      record('app.setName', name);
      app.name = name;
    },
    getName: () => app.name,
    getVersion: () => '0.0.0-test',
    getPath(which: string) {
      record('app.getPath', which);
      if (which === 'userData') return options.userData;
      throw new Error(`the stand-in has no path "${which}"`);
    },
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock');
      return true;
    },
    enableSandbox: () => record('app.enableSandbox'),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    quit() {
      record('app.quit');
      app.quitCount += 1;
    },
    exit: (code?: number) => record('app.exit', code),
  });

  class WebContents extends Recorder {
    readonly id = nextContentsId++;
    readonly sent: { channel: string; args: unknown[] }[] = [];
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    readonly printed: unknown[] = [];
    destroyed = false;

    send(channel: string, ...args: unknown[]) {
      this.sent.push({ channel, args });
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.emit('destroyed');
    }
    /** Printing succeeds at once (desktop printing, electron/shell/printing.ts). */
    print(options: unknown, callback: (printed: boolean, reason: string) => void) {
      this.printed.push(options);
      callback(true, '');
    }
    printToPDF(options: unknown) {
      this.printed.push(options);
      return Promise.resolve(Buffer.from('%PDF-1.7 stand-in'));
    }
    getPrintersAsync() {
      return Promise.resolve([{ name: 'lobby-printer', displayName: 'Lobby printer', isDefault: true }]);
    }
  }

  class BrowserWindow extends Recorder {
    static readonly created: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.created.filter((window) => !window.destroyed);
    }

    readonly webContents = new WebContents();
    readonly loaded: string[] = [];
    /** Where the window was made: the calling function and file, from the stack (see `creatorOf`). */
    readonly createdBy = creatorOf(new Error().stack);
    destroyed = false;
    visible = false;
    focusCount = 0;

    constructor(readonly options: Record<string, unknown>) {
      super();
      BrowserWindow.created.push(this);
      // As Electron does: every new webContents is announced to the app.
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }

    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    isVisible() {
      return this.visible;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focusCount += 1;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroy();
      this.emit('closed');
    }
    destroy() {
      this.close();
    }
  }

  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle(channel: string, handler: Listener) {
      record('ipcMain.handle', channel);
      if (ipcMain.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      ipcMain.handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      record('ipcMain.removeHandler', channel);
      ipcMain.handlers.delete(channel);
    },
  };

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      record('protocol.registerSchemesAsPrivileged', schemes);
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      record('protocol.handle', scheme);
      protocol.handlers.set(scheme, handler);
    },
  };

  type PermissionRequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string },
  ) => void;
  type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  const defaultSession = {
    requestHandler: null as PermissionRequestHandler | null,
    checkHandler: null as PermissionCheckHandler | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      defaultSession.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      defaultSession.checkHandler = handler;
    },
    webRequest: { onHeadersReceived: (...args: unknown[]) => record('session.webRequest.onHeadersReceived', ...args) },
  };

  const displays: Display[] = options.displays ?? [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  const screen = Object.assign(new Recorder(), {
    displays,
    getAllDisplays: () => [...displays],
    getPrimaryDisplay: () => displays[0],
  });

  const Menu = {
    current: null as { template: MenuItemTemplate[] } | null,
    buildFromTemplate: (template: MenuItemTemplate[]) => ({ template }),
    setApplicationMenu(menu: { template: MenuItemTemplate[] } | null) {
      record('Menu.setApplicationMenu');
      Menu.current = menu;
    },
  };

  const dialog = {
    shown: [] as Record<string, unknown>[],
    showMessageBox(box: Record<string, unknown>) {
      dialog.shown.push(box);
      return Promise.resolve({ response: options.dialogResponse ?? 1, checkboxChecked: false });
    },
    showErrorBox: (...args: unknown[]) => record('dialog.showErrorBox', ...args),
    /** "Save as PDF" is cancelled, so nothing is written. */
    showSaveDialog(box: Record<string, unknown>) {
      dialog.shown.push(box);
      return Promise.resolve({ canceled: true, filePath: '' });
    },
  };

  class Notification extends Recorder {
    static readonly shown: Notification[] = [];
    static isSupported() {
      return true;
    }
    constructor(readonly options: Record<string, unknown>) {
      super();
    }
    show() {
      Notification.shown.push(this);
    }
  }

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown) {
      contextBridge.exposed.set(key, api);
    },
  };

  const ipcRenderer = Object.assign(new Recorder(), {
    invoked: [] as unknown[][],
    invoke(...args: unknown[]) {
      ipcRenderer.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'from main' });
    },
  });

  return {
    calls,
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    screen,
    Menu,
    dialog,
    Notification,
    contextBridge,
    ipcRenderer,
    net: { fetch: () => Promise.reject(new Error('the stand-in has no network')) },
    shell: { openExternal: (...args: unknown[]) => Promise.resolve(record('shell.openExternal', ...args)) },
  };
}

/**
 * The first frame of `stack` outside this file: the function that made a window and its file
 * (a bundle's functions keep their names: esbuild does not minify them).
 *
 * @example creatorOf(new Error().stack) // { name: 'createMainWindow', file: '/…/main.cjs' }
 */
export function creatorOf(stack: string | undefined): { name: string; file: string } {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /^\s*at (?:async )?(?:(.+?) \()?(.+?):\d+:\d+\)?$/.exec(line);
    if (!match?.[2] || match[2].endsWith('electron-stand-in.ts')) continue;
    return { name: match[1] ?? '<anonymous>', file: match[2] };
  }
  return { name: '<unknown>', file: '<unknown>' };
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/** Makes `require('electron')` return `standIn`; the returned function undoes it. */
export function installElectronStandIn(standIn: ElectronStandIn): () => void {
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron') return standIn;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    loader._load = original;
  };
}
