import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Backend } from "../../electron/backend/backend.js";
import { startWebServer, type WebServer } from "../../electron/web/server.js";
import { launchUnwatched, markedRenderer, type UnwatchedBrowser } from "../bench/coldUnwatched.js";
import { TandaiServer } from "./harness.js";

const FIRST_USABLE = "[data-document-view] [data-coding-id]";

/** The app bench's cold start with no DevTools client on the page (tests/bench/coldUnwatched.ts), on the real app. */
describe("the cold start measured with no DevTools attached", () => {
  let home: TandaiServer;
  let marked: Awaited<ReturnType<typeof markedRenderer>>;
  let browser: UnwatchedBrowser;
  let backend: Backend;
  let web: WebServer;

  beforeAll(async () => {
    home = await TandaiServer.create();
    const dir = await home.codedProject();
    marked = await markedRenderer(join(import.meta.dirname, "..", "..", "dist", "renderer"), FIRST_USABLE);
    backend = await new Backend({ home: join(home.root, "home"), projectsDir: home.root, version: "t", transport: "web", systemLocale: "en" }).init();
    await backend.settings.touchRecent(dir, "Tesis");
    web = await startWebServer(backend, marked.dir);
    browser = await launchUnwatched(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--no-sandbox", "--headless", "--disable-gpu"]);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await backend?.closeProject();
    await marked?.remove();
    await home?.dispose();
  });

  it("puts its one probe, of the page's own origin, before the app's scripts", async () => {
    const html = await readFile(join(marked.dir, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/-[\w-]+\.js$/, ".js"));
    expect(scripts).toEqual(["./usable.js", "./assets/boot.js", "./assets/main.js"]);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });

  it("reads the moment the first coded document was in the page, after the tab was asked for", async () => {
    for (let run = 0; run < 2; run++) {
      const asked = Date.now();
      const usable = await browser.open(web.url, 60_000);
      expect(usable).toBeGreaterThan(asked);
      expect(usable - asked).toBeLessThan(60_000);
    }
  });
});
