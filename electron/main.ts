import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions, type WebContents } from "electron";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, extname, join } from "node:path";
import { userInfo } from "node:os";
import { channelNames, translate, type MenuCommand, type Preferences } from "../shared/index.js";
import { printHtmlToPdf } from "./printPdf.js";
import { Backend } from "./backend/backend.js";
import { dispatch } from "./backend/dispatch.js";
import { CONTENT_SECURITY_POLICY } from "./security.js";

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, "..", "renderer", "index.html");
const rendererUrl = pathToFileURL(rendererIndex).href;

let window: BrowserWindow | null = null;

// One app instance: a second launch focuses the first window instead of opening the project twice.
if (!app.requestSingleInstanceLock()) app.quit();
app.on("second-instance", () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

function isOurPage(contents: WebContents): boolean {
  return contents === window?.webContents && contents.getURL().split("#")[0]!.split("?")[0] === rendererUrl;
}

async function start() {
  await app.whenReady();
  const backend = await new Backend({
    home: app.getPath("userData"),
    projectsDir: join(app.getPath("documents"), "Tandai"),
    version: app.getVersion(),
    transport: "electron",
    systemLocale: app.getLocale(),
    userName: userInfo().username,
    teamSync: true,
    pickFolder: async () => {
      const result = await dialog.showOpenDialog(window!, { properties: ["openDirectory", "createDirectory"] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // A coder's .tandai package: one to merge, or where to save a copy for a second coder (the
    // handoff refuses a file that exists, so the dialog does not offer to replace one).
    pickPackage: async (purpose, defaultName) => {
      const filters = [{ name: "Tandai", extensions: ["tandai"] }];
      if (purpose === "open") {
        const result = await dialog.showOpenDialog(window!, { properties: ["openFile"], filters });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
      const result = await dialog.showSaveDialog(window!, { defaultPath: join(app.getPath("documents"), defaultName), filters, properties: ["createDirectory"] });
      return result.canceled ? null : (result.filePath ?? null);
    },
    // The only way a path to write reaches the backend: the user picked it here, and the dialog
    // asked before overwriting (the filter makes it add the extension, so it asks about the real name).
    pickSavePath: async (defaultName) => {
      const extension = extname(defaultName).slice(1);
      const result = await dialog.showSaveDialog(window!, {
        defaultPath: join(app.getPath("documents"), defaultName),
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        properties: ["createDirectory", "showOverwriteConfirmation"],
      });
      return result.canceled ? null : (result.filePath ?? null);
    },
    printToPdf: printHtmlToPdf,
    exportWorker: new URL("./exportWorker.mjs", import.meta.url),
    importWorker: new URL("./importWorker.mjs", import.meta.url),
  }).init();

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [CONTENT_SECURITY_POLICY] } });
  });
  // No camera, microphone, notifications, clipboard reads, …: asked for or merely checked.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  for (const name of channelNames) {
    ipcMain.handle(`tandai:${name}`, async (event, args: unknown) => {
      // Only our own page may call the backend, never a frame or a page navigated elsewhere.
      if (!isOurPage(event.sender) || event.senderFrame?.url.split("?")[0] !== rendererUrl) {
        return { ok: false, error: { code: "errors.ipc.forbidden", params: {} } };
      }
      const envelope = await dispatch(backend, name, args);
      if (name === "setPreferences" && envelope.ok) buildMenu((envelope.value as Preferences).language);
      return envelope;
    });
  }

  buildMenu(backend.settings.preferences.language);
  window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    title: "Tandai",
    show: false,
    webPreferences: {
      preload: join(here, "preload.cjs"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would open it in a new window without asking setWindowOpenHandler.
      disableBlinkFeatures: "Auxclick",
    },
  });
  window.once("ready-to-show", () => window?.show());
  window.on("closed", () => {
    window = null;
  });
  await window.loadURL(rendererUrl);

  app.on("before-quit", (event) => {
    // Fold the journal into the snapshot and release the lock before leaving.
    if (!backend.openStore) return;
    event.preventDefault();
    void backend.closeProject().finally(() => app.exit(0));
  });
}

/** No navigation away from the app, no new windows, no webviews: links open in the system browser. */
app.on("web-contents-created", (_event, contents) => {
  contents.on("will-navigate", (event) => event.preventDefault());
  contents.on("will-redirect", (event) => event.preventDefault());
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith("https://")) void shell.openExternal(url);
    return { action: "deny" };
  });
});

app.on("window-all-closed", () => app.quit());

function send(command: MenuCommand) {
  window?.webContents.send("tandai:menu", command);
}

function buildMenu(language: Preferences["language"]) {
  const t = (key: string) => translate(language, `app.menu.${key}`);
  const template: MenuItemConstructorOptions[] = [
    {
      label: t("file"),
      submenu: [
        { label: t("newProject"), accelerator: "CmdOrCtrl+N", click: () => send("newProject") },
        { label: t("openProject"), accelerator: "CmdOrCtrl+O", click: () => send("openProject") },
        { label: t("import"), accelerator: "CmdOrCtrl+I", click: () => send("import") },
        { label: t("export"), accelerator: "CmdOrCtrl+E", click: () => send("export") },
        { label: t("closeProject"), accelerator: "CmdOrCtrl+W", click: () => send("closeProject") },
        { type: "separator" },
        { label: t("quit"), role: "quit" },
      ],
    },
    {
      label: t("edit"),
      submenu: [
        // Undo/redo go to the project's history, not to a text field's, so they reach every change.
        { label: t("undo"), accelerator: "CmdOrCtrl+Z", click: () => send("undo") },
        { label: t("redo"), accelerator: "CmdOrCtrl+Shift+Z", click: () => send("redo") },
        { type: "separator" },
        { label: t("cut"), role: "cut" },
        { label: t("copy"), role: "copy" },
        { label: t("paste"), role: "paste" },
        { label: t("selectAll"), role: "selectAll" },
        { label: translate(language, "search.find.menu"), accelerator: "CmdOrCtrl+F", click: () => send("find") },
      ],
    },
    {
      label: t("view"),
      submenu: [
        { label: t("zoomIn"), role: "zoomIn" },
        { label: t("zoomOut"), role: "zoomOut" },
        { label: t("resetZoom"), role: "resetZoom" },
        { label: t("fullScreen"), role: "togglefullscreen" },
        ...(app.isPackaged ? [] : [{ label: t("devTools"), role: "toggleDevTools" } as MenuItemConstructorOptions]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

void start();
