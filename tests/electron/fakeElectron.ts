/**
 * A stand-in for the `electron` module, for the one thing that cannot run here: Electron's binary.
 * The main process and preload are bundled against it so the tests can check what they ask of
 * Electron (window security, IPC registration and sender checks, menus) without a window.
 * Everything it records sits on globalThis.__fakeElectron, shared with the test.
 */
import { join } from "node:path";

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  url = "";
  sent: unknown[][] = [];
  windowOpenHandler: Listener | null = null;
  getURL() {
    return this.url;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
}

const fresh = {
  handlers: new Map<string, Listener>(),
  windows: [] as BrowserWindow[],
  menus: [] as unknown[],
  headersHook: null as Listener | null,
  permissionHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  saveDialogs: [] as Record<string, unknown>[],
  openDialogs: [] as Record<string, unknown>[],
  /** What the user picks in the next open or save dialogs, one path each; with none left they close it. */
  picks: [] as string[],
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  app: null as unknown as Emitter,
};
// The main process and the preload are separate bundles, each with a copy of this module: share one record.
const global = globalThis as { __fakeElectron?: typeof fresh };
export const recorded = (global.__fakeElectron ??= fresh);

class FakeApp extends Emitter {
  isPackaged = false;
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name: string) {
    return join(process.env.TANDAI_FAKE_USERDATA ?? "/nonexistent", name);
  }
  getVersion() {
    return "0.0.0-test";
  }
  getLocale() {
    return "id-ID";
  }
  quit() {}
  exit() {}
}
export const app = new FakeApp();
recorded.app = app;

export class BrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
    app.emit("web-contents-created", {}, this.webContents);
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
  async loadURL(url: string) {
    this.webContents.url = url;
  }
}

export const ipcMain = { handle: (channel: string, handler: Listener) => void recorded.handlers.set(channel, handler) };
export const Menu = { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void recorded.menus.push(menu) };
export const dialog = {
  /** Records what the app asks of the dialog; the user picks the next of `picks`, or closes it. */
  showOpenDialog: async (_window: unknown, options: Record<string, unknown> = {}) => {
    recorded.openDialogs.push(options);
    const pick = recorded.picks.shift();
    return pick ? { canceled: false, filePaths: [pick] } : { canceled: true, filePaths: [] };
  },
  showSaveDialog: async (_window: unknown, options: Record<string, unknown>) => {
    recorded.saveDialogs.push(options);
    const pick = recorded.picks.shift();
    return pick ? { canceled: false, filePath: pick } : { canceled: true, filePath: "" };
  },
};
export const shell = { openExternal: async () => {} };
export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: (hook: Listener) => void (recorded.headersHook = hook) },
    setPermissionRequestHandler: (handler: Listener) => void (recorded.permissionHandler = handler),
    setPermissionCheckHandler: (handler: Listener) => void (recorded.permissionCheckHandler = handler),
  },
};
export const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => void recorded.exposed.set(key, value) };
export const ipcRenderer = {
  invoke: async (...args: unknown[]) => void recorded.invoked.push(args),
  on: () => {},
};
export type WebContents = FakeWebContents;
export type IpcRendererEvent = unknown;
export type MenuItemConstructorOptions = Record<string, unknown>;
