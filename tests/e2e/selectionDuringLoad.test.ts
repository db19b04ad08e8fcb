import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, servedLargeProject, selectText, type App } from "./harness.js";

const DOCUMENTS = 30;
const PER_DOCUMENT = 200;
const CODES = 3;
/** A passage no coding covers, near the top of every document: the one the reader selects. */
const QUOTE = "pelabuhan perikanan";
/** Another one, on the same line, for the selection made as a redraw comes in. */
const OTHER = "yang baru";

/**
 * A researcher selects text in the open document while the rest of the project's codings load in
 * the background (issue 13's two-step open), and the load ends before they press a code's key: the
 * selection and its bar must still be there, and the key must code exactly that passage. The
 * background requests are held at the page's network layer (nothing of the app is replaced), so
 * the load ends when the test says, after the selection, every run.
 */
describe("a selection made while the codings load survives the end of the load", () => {
  let app: App;
  const held: Route[] = [];
  let holding = true;

  beforeAll(async () => {
    app = await openApp();
    // Every coding after the note line, so the quote is plain text.
    await servedLargeProject(app, { name: "Muat", documents: DOCUMENTS, perDocument: PER_DOCUMENT, codes: CODES, note: `Catatan: ${QUOTE} yang baru.`, firstAt: 200 });
    await app.page.route("**/api/codingsOf", (route) => (holding ? held.push(route) : route.continue()));
    // The requests to "apply" can be held in the page, at its fetch, and failed (as a dropped
    // connection fails them) from inside a task of the page, right after the browser made a new
    // selection. (A coding is drawn when its key is pressed, so an answer no longer redraws
    // anything; the race of a redraw with ProseMirror's reading of the browser's selection, which
    // the taking back of a failed coding no longer meets in the same task either, is
    // tests/renderer/readerSelection.test.tsx's.)
    await app.page.addInitScript(() => {
      const w = window as unknown as { fetch: typeof fetch; __holdApply: boolean; __heldApply: { send(): void; fail(): void }[] };
      const original = w.fetch.bind(w);
      w.__holdApply = false;
      w.__heldApply = [];
      w.fetch = (input, init) => {
        if (!w.__holdApply || !String(input).startsWith("/api/apply")) return original(input, init);
        return new Promise<Response>((resolve, reject) => w.__heldApply.push({ send: () => resolve(original(input, init)), fail: () => reject(new TypeError("Failed to fetch")) }));
      };
    });
  });
  afterAll(() => closeApp(app));

  /** Drags the real mouse across the first appearance of `quote` in the document view. */
  async function dragAcross(page: Page, quote: string) {
    const box = await page.evaluate((quote) => {
      const root = document.querySelector("[data-document-view] .ProseMirror")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(quote);
        if (at < 0) continue;
        const rect = (from: number) => {
          const range = document.createRange();
          range.setStart(n, from);
          range.setEnd(n, from + 1);
          return range.getBoundingClientRect();
        };
        const first = rect(at);
        const last = rect(at + quote.length - 1);
        return { x0: first.left + 1, y0: (first.top + first.bottom) / 2, x1: last.right - 1, y1: (last.top + last.bottom) / 2 };
      }
      throw new Error(`“${quote}” is not in the document view`);
    }, quote);
    await page.mouse.move(box.x0, box.y0);
    await page.mouse.down();
    await page.mouse.move((box.x0 + box.x1) / 2, box.y1, { steps: 4 });
    await page.mouse.move(box.x1, box.y1, { steps: 4 });
    await page.mouse.up();
  }

  const selected = (page: Page) => page.evaluate(() => String(getSelection()));
  const codingIds = (page: Page) => page.evaluate(() => [...new Set([...document.querySelectorAll("[data-document-view] .ProseMirror [data-coding-id]")].map((el) => el.getAttribute("data-coding-id")!))]);

  it("keeps the selection and its bar when the last codings arrive, and the key codes that selection", async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    // The background load has begun and is held: the workspace says it is loading.
    await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid="workspace"][data-codings="loading"]').waitFor();

    await dragAcross(page, QUOTE);
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    expect(await selected(page)).toBe(QUOTE);
    const before = await codingIds(page);

    // The rest of the codings arrive: every held request, and the ones they lead to.
    holding = false;
    while (held.length) await held.shift()!.continue();
    await page.locator('[data-testid="workspace"][data-codings="complete"]').waitFor({ timeout: 60_000 });

    expect(await selected(page)).toBe(QUOTE);
    expect(await page.locator('[data-testid="selection-bar"].active').count()).toBe(1);

    const key = await page.locator('[data-testid="quick-code"]:has-text("Tema 2") kbd').textContent();
    await page.keyboard.press(key!);
    await expect.poll(async () => (await codingIds(page)).length, { timeout: 15_000 }).toBe(before.length + 1);
    const added = (await codingIds(page)).find((id) => !before.includes(id))!;
    const text = await page.evaluate((id) => [...document.querySelectorAll(`[data-document-view] .ProseMirror [data-coding-id="${CSS.escape(id)}"]`)].map((el) => el.textContent).join(""), added);
    expect(text).toBe(QUOTE);
  });

  it("keeps the reader's new selection as a coding whose save failed is taken back, and codes that one", async () => {
    const { page } = app;
    // A coding applied by key is drawn at once; its request is held, to be failed below.
    await selectText(page, QUOTE);
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    const before = await codingIds(page);
    await page.evaluate(() => void ((window as unknown as { __holdApply: boolean }).__holdApply = true));
    const key = await page.locator('[data-testid="quick-code"]:has-text("Tema 3") kbd').textContent();
    await page.keyboard.press(key!);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __heldApply: unknown[] }).__heldApply.length), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await codingIds(page)).length, { timeout: 15_000 }).toBe(before.length + 1);

    // In one task of the page: the reader's new selection (as a drag leaves it), then the save fails.
    await page.evaluate((other) => {
      const w = window as unknown as { __holdApply: boolean; __heldApply: { fail(): void }[] };
      const root = document.querySelector<HTMLElement>("[data-document-view] .ProseMirror")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode() as Text | null;
      while (node && !node.data.includes(other)) node = walker.nextNode() as Text | null;
      if (!node) throw new Error(`“${other}” is not in the document view`);
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(other));
      range.setEnd(node, node.data.indexOf(other) + other.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      w.__holdApply = false;
      w.__heldApply.shift()!.fail();
    }, OTHER);
    await page.getByTestId("error-banner").waitFor();
    await expect.poll(async () => (await codingIds(page)).length, { timeout: 15_000 }).toBe(before.length);

    await page.locator('[data-testid="selection-bar"].active').waitFor();
    expect(await selected(page)).toBe(OTHER);
    await page.keyboard.press(key!);
    await expect.poll(async () => (await codingIds(page)).length, { timeout: 15_000 }).toBe(before.length + 1);
    const added = (await codingIds(page)).find((id) => !before.includes(id))!;
    const text = await page.evaluate((id) => [...document.querySelectorAll(`[data-document-view] .ProseMirror [data-coding-id="${CSS.escape(id)}"]`)].map((el) => el.textContent).join(""), added);
    expect(text).toBe(OTHER);
  });
});
