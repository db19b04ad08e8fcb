import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, screenshot, type App } from "./harness.js";

const FIRST_USABLE = "[data-document-view] [data-coding-id]";

/**
 * The app's cold start (docs/ARCHITECTURE.md, "The cold start"): the page's boot script asks for
 * the first screen in one request (startProject) ahead of the app's bundle, and the answer brings
 * the first document's text, so the workspace draws the coded document without another request.
 */
describe("the cold start asks for its first screen once, ahead of the app's code", () => {
  let app: App;
  let dir: string;

  beforeAll(async () => {
    app = await openApp();
    await app.server.stop();
    dir = await app.server.codedProject();
  });
  afterAll(() => closeApp(app));

  /** The API calls the page makes (their channel names, in order) until the first usable screen. */
  async function coldStart(page: Page): Promise<string[]> {
    // Leave the page the previous test left first: its polls (teamStatus every 400 ms) would
    // otherwise be counted as the new page's requests.
    await page.goto("about:blank");
    const calls: string[] = [];
    const record = (request: { url(): string }) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/api/")) calls.push(path.slice(5));
    };
    page.on("request", record);
    await page.goto(app.server.url);
    await page.locator(FIRST_USABLE).first().waitFor();
    page.off("request", record);
    return calls;
  }

  it("loads the boot script by a tag of its own before the main bundle's", async () => {
    const html = await readFile(join(import.meta.dirname, "..", "..", "dist", "renderer", "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => ({ tag: m[0], src: m[1]! }));
    expect(scripts.map((s) => s.src.replace(/-[\w-]+\.js$/, ".js"))).toEqual(["./assets/boot.js", "./assets/main.js"]);
    expect(scripts[0]!.tag).toContain("async");
    // The CSP's meta tag comes before any script (it applies to what follows it).
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });

  it("opens the last project (not open in the server) with one request, and draws its document without asking for its text", async () => {
    await app.server.start();
    const calls = await coldStart(app.page);
    expect(calls.slice(0, 3).sort()).toEqual(["appInfo", "getPreferences", "startProject"]);
    expect(calls[0]).toBe("startProject");
    for (const step of ["currentProject", "recentProjects", "openProject", "documentContent"]) expect(calls).not.toContain(step);
    expect(await app.page.getByTestId("project-name").textContent()).toBe("Tesis");
    expect(await app.page.locator("[data-document-view]").first().textContent()).toContain("motif ekonomi");
    // The project is open in the backend as a first-screen open: the rest of the codings come by codingsOf.
    await app.page.locator('[data-testid="workspace"]:not([data-codings="loading"])').waitFor();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(app.page, "cold-start-recent-1366x768");
  });

  it("reads no stack while the bundle's modules load", async () => {
    // A stack read at a module's top level (prosemirror-model's V8 probe read one) makes V8 parse
    // the whole chunk again for its frames' positions: build/internHackProbe.ts. V8 formats a
    // stack when it is first read, through Error.prepareStackTrace when one is set.
    await app.server.stop();
    await app.server.start([dir]);
    const page = await app.page.context().newPage();
    try {
      await page.addInitScript(() => {
        const read: string[] = [];
        (window as unknown as { __stacksReadAtLoad: string[] }).__stacksReadAtLoad = read;
        const V8Error = Error as ErrorConstructor & { prepareStackTrace?: (error: Error, frames: unknown[]) => string };
        V8Error.prepareStackTrace = (error, frames) => {
          if (performance.getEntriesByName("tandai:boot").length === 0) read.push(String(error).slice(0, 80));
          return `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join("")}`;
        };
      });
      await page.goto(app.server.url);
      await page.locator(FIRST_USABLE).first().waitFor();
      const seen = await page.evaluate(() => ({
        read: (window as unknown as { __stacksReadAtLoad: string[] }).__stacksReadAtLoad,
        booted: performance.getEntriesByName("tandai:boot").length,
      }));
      expect(seen.booted).toBe(1);
      expect(seen.read).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("shows the project the server has open the same way (tandai serve <dir>)", async () => {
    await app.server.stop();
    await app.server.start([dir]);
    const calls = await coldStart(app.page);
    expect(calls[0]).toBe("startProject");
    for (const step of ["currentProject", "recentProjects", "openProject", "documentContent"]) expect(calls).not.toContain(step);
    expect(await app.page.locator("[data-document-view]").first().textContent()).toContain("motif ekonomi");
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(app.page, "cold-start-served-1024x768");
  });
});
