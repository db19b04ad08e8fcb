import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { closeApp, openApp, SCREENS, type App } from "./harness.js";
import { heldSelection, pageSelection } from "./viewSelection.js";

const selected = pageSelection;
const held = heldSelection;
const focusedIsDocument = (page: Page) => page.evaluate(() => document.activeElement?.matches("[data-document-view] .ProseMirror") ?? false);

/**
 * A selection made with the keys soon after the text gained the focus stays the reader's.
 * ProseMirror writes the selection it last read back into the page, with no transaction, in two
 * places that took such keys for the browser's own doing (renderer/editor/readerSelection.ts): its
 * reading takes a caret at the very start of the document within 200 ms of a focus for the
 * browser's reset of the selection on focus, and a timer 20 ms after the focus (late on a busy
 * page) restores its selection if the caret is where the focus left it. Ctrl+Home soon after Tab
 * brought the previous selection back, and Shift+arrows then extended it (roomKeyboard.test.ts, red
 * once on CI). Whether a run hits either depends on the machine's timing, so each test forces its
 * race: the page's clock held still from the focus to the keys (as a fast reader or machine makes
 * it), or the focus's timers held and let go after the keys, before their "selectionchange".
 */
describe("a keyboard selection made just after the focus", () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
    await app.page.setViewportSize(SCREENS.laptop);
    // For the race with ProseMirror's timer after a focus (the second test): 20 ms timers can be
    // held, as a busy page runs them late, and let go from the page; and the browser's
    // "selectionchange" can be held back (stopped before any listener of the app) and sent after.
    await app.page.addInitScript(() => {
      const w = window as unknown as { __holdTimers: boolean; __heldTimers: (() => void)[]; __deferSelection: boolean };
      w.__holdTimers = false;
      w.__heldTimers = [];
      w.__deferSelection = false;
      const original = window.setTimeout.bind(window);
      window.setTimeout = ((handler: () => void, delay?: number, ...rest: unknown[]) => {
        if (w.__holdTimers && delay === 20 && typeof handler === "function") {
          w.__heldTimers.push(handler);
          return 0;
        }
        return original(handler, delay, ...rest);
      }) as typeof window.setTimeout;
      window.addEventListener("selectionchange", (e) => void (w.__deferSelection && e.stopImmediatePropagation()), true);
    });
    await app.page.goto(app.server.url);
    await app.page.getByTestId("workspace").waitFor();
    await app.page.locator("[data-document-view] [data-coding-id]").first().waitFor();
  });
  afterAll(() => closeApp(app));

  it("is not replaced by the previous selection when Ctrl+Home comes right after the focus", async () => {
    const { page } = app;
    let presses = 0;
    while (!(await focusedIsDocument(page))) {
      await page.keyboard.press("Tab");
      if (++presses > 80) throw new Error("Tab never reached the document text");
    }
    // "Pewawancara: Bagaimana awal mula …": the first word, held by the view.
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < "Pewawancara".length; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => held(page)).toBe("Pewawancara");
    await page.locator('[data-testid="selection-bar"].active').waitFor();

    // Away from the text and back, with the keys.
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedIsDocument(page)).toBe(false);
    await page.evaluate(() => {
      const now = Date.now();
      const w = window as unknown as { __realNow: () => number };
      w.__realNow = Date.now;
      Date.now = () => now;
    });
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => focusedIsDocument(page)).toBe(true);

    // To the start (as a person's keys come: the browser has said the selection changed before
    // the next key), then two letters.
    await page.evaluate(() => {
      const w = window as unknown as { __changed: Promise<void> };
      w.__changed = new Promise((done) => document.addEventListener("selectionchange", () => done(), { once: true }));
    });
    await page.keyboard.press("Control+Home");
    await page.evaluate(() => (window as unknown as { __changed: Promise<void> }).__changed);
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => held(page), { timeout: 3000 }).toBe("Pe");
    expect(await selected(page)).toBe("Pe");
    await page.evaluate(() => void (Date.now = (window as unknown as { __realNow: () => number }).__realNow));
    await page.locator('[data-testid="selection-bar"].active').waitFor();
  });

  it("is not replaced by the previous selection when ProseMirror's timer after the focus runs late", async () => {
    // ProseMirror sets a timer when the text gains the focus (20 ms) that puts its own selection
    // back if the page's caret is still where it was at the focus. A busy page runs it late: after
    // the reader's Shift+arrows and Ctrl+Home (the caret back at the start, where the focus put
    // it), before the browser's "selectionchange" for those keys. It wrote back the selection the
    // view had read last.
    const { page } = app;
    await page.goto(app.server.url);
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    await page.evaluate(() => void ((window as unknown as { __holdTimers: boolean }).__holdTimers = true));
    let presses = 0;
    while (!(await focusedIsDocument(page))) {
      await page.keyboard.press("Tab");
      if (++presses > 80) throw new Error("Tab never reached the document text");
    }
    await page.evaluate(() => void ((window as unknown as { __holdTimers: boolean }).__holdTimers = false));
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => held(page)).toBe("Pew");

    await page.evaluate(() => void ((window as unknown as { __deferSelection: boolean }).__deferSelection = true));
    await page.keyboard.press("Control+Shift+ArrowRight");
    await page.keyboard.press("Control+Home");
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __heldTimers: (() => void)[]; __deferSelection: boolean };
      const timers = w.__heldTimers.splice(0);
      for (const run of timers) run();
      w.__deferSelection = false;
      document.dispatchEvent(new Event("selectionchange"));
      return timers.length;
    });
    expect(ran).toBeGreaterThan(0);
    await expect.poll(() => held(page)).toBe("");
    expect(await selected(page)).toBe("");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => held(page)).toBe("Pe");
    expect(await selected(page)).toBe("Pe");
  });
});
