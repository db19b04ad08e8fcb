import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channelNames } from "../../shared/index.js";
import type { recorded as Recorded, BrowserWindow } from "./fakeElectron.js";

/**
 * The Electron main process and preload, bundled as `npm run build` does but against a stand-in
 * for Electron's binary (which cannot run here): checks the window's security settings, that every
 * contract channel is registered and refuses foreign senders, navigation blocking, the CSP header,
 * the bilingual menu, and that the preload exposes exactly one method per channel.
 */
let out: string;
let fake: typeof Recorded;
let window: BrowserWindow;
let rendererUrl: string;

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };

async function bundle(entry: string, file: string, format: "esm" | "cjs") {
  await build({
    entryPoints: [entry],
    outfile: join(out, file),
    bundle: true,
    platform: "node",
    format,
    alias: { electron: resolve("tests/electron/fakeElectron.ts") },
    // The runtime dependencies stay external, as in build/bundle.mjs (resvg is a native addon).
    external: Object.keys(pkg.dependencies),
    banner: format === "esm" ? { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } : {},
    logLevel: "error",
  });
}

beforeAll(async () => {
  // Inside the repo, so the bundle finds the packages it leaves external in node_modules.
  out = await mkdtemp(join(resolve("."), ".test-electron-"));
  process.env.TANDAI_FAKE_USERDATA = out;
  await bundle("electron/main.ts", "electron/main.mjs", "esm");
  await import(pathToFileURL(join(out, "electron/main.mjs")).href);
  fake = (globalThis as unknown as { __fakeElectron: typeof Recorded }).__fakeElectron;
  await vi.waitUntil(() => fake.windows[0]?.webContents.url, { timeout: 10_000 });
  window = fake.windows[0]!;
  rendererUrl = window.webContents.url;
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const ourFrame = () => ({ sender: window.webContents, senderFrame: { url: rendererUrl } });

describe("Electron main process", () => {
  it("is what package.json tells Electron to start (the bundle `npm run build` writes)", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { main: string };
    expect(pkg.main).toBe("dist/electron/main.mjs");
    expect(existsSync(pkg.main)).toBe(true);
  });

  it("opens the renderer from disk in an isolated, sandboxed window without Node", () => {
    expect(rendererUrl).toBe(pathToFileURL(join(out, "renderer", "index.html")).href);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, disableBlinkFeatures: "Auxclick" });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toBe(join(out, "electron", "preload.cjs"));
  });

  it("registers one handler per contract channel, and only our page may call them", async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(channelNames.map((n) => `tandai:${n}`).sort());
    const appInfo = fake.handlers.get("tandai:appInfo")!;
    expect(await appInfo(ourFrame(), {})).toMatchObject({ ok: true, value: { transport: "electron", canPickFolders: true } });
    const foreignFrame = { sender: window.webContents, senderFrame: { url: "https://example.org/" } };
    expect(await appInfo(foreignFrame, {})).toMatchObject({ ok: false, error: { code: "errors.ipc.forbidden" } });
    const otherContents = { sender: { getURL: () => rendererUrl }, senderFrame: { url: rendererUrl } };
    expect(await appInfo(otherContents, {})).toMatchObject({ ok: false, error: { code: "errors.ipc.forbidden" } });
    expect(await fake.handlers.get("tandai:openProject")!(ourFrame(), { dir: 42 })).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument" } });
  });

  it("sends the strict CSP on every response and denies permission requests", () => {
    let headers: Record<string, string[]> = {};
    fake.headersHook!({ responseHeaders: { "X-Other": ["1"] } }, (result: { responseHeaders: Record<string, string[]> }) => (headers = result.responseHeaders));
    expect(headers["Content-Security-Policy"]![0]).toContain("script-src 'self'");
    expect(headers["X-Other"]).toEqual(["1"]);
    let granted: boolean | null = null;
    fake.permissionHandler!({}, "media", (allow: boolean) => (granted = allow));
    expect(granted).toBe(false);
    // Checks (a page asking whether it may, without a prompt) are denied as well.
    expect(fake.permissionCheckHandler, "setPermissionCheckHandler").not.toBeNull();
    for (const permission of ["media", "notifications", "clipboard-read", "geolocation", "hid", "serial", "usb"]) {
      expect(fake.permissionCheckHandler!({}, permission, rendererUrl, {}), permission).toBe(false);
    }
  });

  it("asks the OS save dialog where to export, which confirms an overwrite, and takes no path from the page", async () => {
    const exportStart = fake.handlers.get("tandai:exportStart")!;
    expect(await fake.handlers.get("tandai:openSampleProject")!(ourFrame(), {})).toMatchObject({ ok: true });
    const request = { kind: "report", format: "docx", language: "en" };
    expect(await exportStart(ourFrame(), { request })).toEqual({ ok: true, value: null }); // the user closed the dialog
    expect(fake.saveDialogs.at(-1)).toMatchObject({ filters: [{ extensions: ["docx"] }] });
    expect(fake.saveDialogs.at(-1)!.properties).toContain("showOverwriteConfirmation");
    const dialogs = fake.saveDialogs.length;
    expect(await exportStart(ourFrame(), { request, path: join(out, "elsewhere.docx") })).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument" } });
    expect(fake.saveDialogs.length).toBe(dialogs);
    expect(existsSync(join(out, "elsewhere.docx"))).toBe(false);
    await fake.handlers.get("tandai:closeProject")!(ourFrame(), {});
  });

  it("picks a coder's copy and where to hand one off with the main process's own dialogs", async () => {
    const call = (name: string, args: unknown = {}) => fake.handlers.get(`tandai:${name}`)!(ourFrame(), args) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
    expect(await call("openSampleProject")).toMatchObject({ ok: true });
    // Save: a .tandai file, named after the project, never offered to replace (the handoff refuses one that exists).
    const packageFile = join(out, "untuk-budi.tandai");
    fake.picks.push(packageFile);
    expect(await call("pickPackage", { purpose: "save" })).toEqual({ ok: true, value: packageFile });
    const saved = fake.saveDialogs.at(-1)!;
    expect(saved).toMatchObject({ filters: [{ extensions: ["tandai"] }] });
    expect(String(saved.defaultPath)).toMatch(/\.tandai$/);
    expect(saved.properties).not.toContain("showOverwriteConfirmation");
    expect(await call("handoff", { target: packageFile, dropCodings: true })).toMatchObject({ ok: true, value: { package: true } });
    expect(existsSync(packageFile)).toBe(true);
    // Open: a .tandai file only; the user closing the dialog gives null.
    fake.picks.push(packageFile);
    expect(await call("pickPackage", { purpose: "open" })).toEqual({ ok: true, value: packageFile });
    expect(fake.openDialogs.at(-1)).toMatchObject({ properties: ["openFile"], filters: [{ extensions: ["tandai"] }] });
    expect(await call("pickPackage", { purpose: "open" })).toEqual({ ok: true, value: null });
    // A folder: the one picker the welcome screen uses too.
    fake.picks.push(out);
    expect(await call("pickFolder")).toEqual({ ok: true, value: out });
    expect(fake.openDialogs.at(-1)!.properties).toContain("openDirectory");
    expect(await call("pickPackage", { purpose: "elsewhere" })).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument" } });
    await call("closeProject");
  });

  it("blocks navigation, redirects, webviews and new windows", () => {
    for (const event of ["will-navigate", "will-redirect", "will-attach-webview"]) {
      let prevented = false;
      window.webContents.emit(event, { preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(window.webContents.windowOpenHandler!({ url: "https://example.org" })).toEqual({ action: "deny" });
    expect(window.webContents.windowOpenHandler!({ url: "file:///etc/passwd" })).toEqual({ action: "deny" });
  });

  it("builds the menu in the interface language, rebuilds it on a switch, and sends Edit › Undo to the page", async () => {
    type Item = { label: string; submenu?: Item[]; click?: () => void };
    const lastMenu = () => fake.menus.at(-1) as Item[];
    expect(lastMenu().map((m) => m.label)).toEqual(["Berkas", "Sunting", "Tampilan"]);
    await fake.handlers.get("tandai:setPreferences")!(ourFrame(), { language: "en" });
    expect(lastMenu().map((m) => m.label)).toEqual(["File", "Edit", "View"]);
    lastMenu()[1]!.submenu!.find((i) => i.label === "Undo")!.click!();
    expect(window.webContents.sent.at(-1)).toEqual(["tandai:menu", "undo"]);
    lastMenu()[0]!.submenu!.find((i) => i.label === "Export…")!.click!();
    expect(window.webContents.sent.at(-1)).toEqual(["tandai:menu", "export"]);
    lastMenu()[1]!.submenu!.find((i) => i.label === "Find…")!.click!();
    expect(window.webContents.sent.at(-1)).toEqual(["tandai:menu", "find"]);
  });
});

describe("Electron preload", () => {
  it("exposes exactly one method per channel, each bound to its own IPC channel", async () => {
    await bundle("electron/preload.ts", "electron/preload.cjs", "cjs");
    await import(pathToFileURL(join(out, "electron/preload.cjs")).href);
    const bridge = fake.exposed.get("tandai") as { api: Record<string, (args: unknown) => Promise<unknown>>; onMenuCommand: unknown };
    expect(Object.keys(bridge).sort()).toEqual(["api", "onMenuCommand"]);
    expect(Object.keys(bridge.api).sort()).toEqual([...channelNames].sort());
    await bridge.api.openProject!({ dir: "/x" });
    expect(fake.invoked.at(-1)).toEqual(["tandai:openProject", { dir: "/x" }]);
  });
});
