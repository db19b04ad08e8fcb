import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, TandaiServer } from "./harness.js";

/**
 * Search as a thesis writer uses it, in Chromium against `tandai serve` on the sample project:
 * search the corpus, read the hits in context, jump to one, auto-code the hits by sentence with a
 * preview and undo it in one step, find within the open document, and count the words.
 */
describe.sequential("search in the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
  });

  afterAll(() => closeApp({ server, browser }));

  const rows = () => page.getByTestId("kwic-row");
  // The machine is shared: give the app time to answer rather than fail on a busy second.
  const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

  it("searches the corpus from the Search tab and shows the hits in context", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.getByTestId("tab-search").click();
    await page.getByTestId("search-query").click();
    await page.keyboard.type("kunjungan");
    await page.keyboard.press("Enter");
    await poll(() => page.getByTestId("search-total").textContent()).toBe("2 temuan di 1 dokumen");
    expect(await rows().first().locator(".kwic-text").textContent()).toBe("kunjungan");
    expect(await rows().first().locator(".kwic-after").textContent()).toBe(" delegasi pada tahun 2016, lalu kedua wali kota menandatangani Letter of Intent.");
    // The hit lies in a passage coded "Tahap": the code is shown on it.
    expect(await rows().first().locator(".kwic-code").allTextContents()).toEqual(["Tahap"]);
    await screenshot(page, "search-kwic");
  });

  it("jumps to a hit in the document, flashed", async () => {
    await rows().nth(1).locator(".kwic-hit").click();
    await page.locator(".tandai-flash").first().waitFor();
    expect(await page.locator(".tandai-flash").first().textContent()).toBe("kunjungan");
  });

  it("auto-codes the hits by sentence after a preview, as one undo step", async () => {
    await page.getByTestId("autocode-new").click();
    await page.keyboard.type("Hambatan/Kunjungan");
    await page.getByTestId("autocode-unit").selectOption("sentence");
    await page.getByTestId("autocode-preview").click();
    await poll(() => page.getByTestId("autocode-planned").allTextContents()).toEqual([
      "Wawancara – Bagian Kerja Sama Pemkot Padang Awalnya ada kunjungan delegasi pada tahun 2016, lalu kedua wali kota menandatangani Letter of Intent.",
      "Wawancara – Bagian Kerja Sama Pemkot Padang Setelah MoU, rencana aksi sempat disusun, tetapi pandemi Covid-19 membuat semua kunjungan dibatalkan.",
    ]);
    await screenshot(page, "search-autocode-preview");
    await page.getByTestId("autocode-apply").click();
    await poll(() => page.getByTestId("autocode-done").textContent()).toBe("2 bagian dikodekan dengan “Hambatan/Kunjungan” (satu langkah urungkan).");
    await poll(() => rows().first().locator(".kwic-code").allTextContents()).toEqual(["Tahap", "Kunjungan"]);
    await screenshot(page, "search-autocoded");
    // Undo, from the keyboard outside any field: both codings and the new codes go in one step.
    await page.getByTestId("search-total").click();
    await page.keyboard.press("Control+z");
    await poll(() => rows().first().locator(".kwic-code").allTextContents()).toEqual(["Tahap"]);
  });

  it("finds in the open document with Ctrl+F: highlights, count, Enter and Shift+Enter", async () => {
    await page.locator("[data-document-view] .ProseMirror").click();
    await page.keyboard.press("Control+f");
    await page.getByTestId("find-input").waitFor();
    // Type once the field has the caret, as a person does (a key before that went to the text).
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("find-input");
    await page.keyboard.type("KERJA SAMA");
    await poll(() => page.getByTestId("find-count").textContent()).toBe("1 dari 3");
    expect(await page.locator(".tandai-find").count()).toBe(3);
    expect(await page.locator(".tandai-find-current").textContent()).toBe("kerja sama");
    expect(await page.locator(".find-mark").count()).toBe(3);
    await page.keyboard.press("Enter");
    await poll(() => page.getByTestId("find-count").textContent()).toBe("2 dari 3");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.press("Shift+Enter");
    await poll(() => page.getByTestId("find-count").textContent()).toBe("3 dari 3");
    await screenshot(page, "search-find");
    await page.keyboard.press("Escape");
    await poll(() => page.locator(".tandai-find").count()).toBe(0);
  });

  it("counts the words of the project, and a click on one searches for it", async () => {
    await page.getByTestId("frequencies-count").click();
    await page.getByTestId("frequencies-table").waitFor();
    const first = await page.getByTestId("frequencies-table").locator("tbody tr").first().locator("td").allTextContents();
    expect(first[0]).toBe("kerja");
    await page.locator(".frequencies-chart").scrollIntoViewIfNeeded();
    await screenshot(page, "search-frequencies");
    await page.getByTestId("frequencies-table").getByRole("button", { name: "kerja", exact: true }).click();
    await poll(() => page.getByTestId("search-total").textContent()).toBe("3 temuan di 1 dokumen");
  });

  it("lists passages like those coded with a code, with the shared words", async () => {
    await page.getByTestId("similar-code").selectOption({ label: "Hambatan / Pandemi Covid-19" });
    await page.getByTestId("similar-find").click();
    await page.getByTestId("similar-passage").first().waitFor();
    const reasons = await page.getByTestId("similar-reason").allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => r.startsWith("kata bersama: "))).toBe(true);
    await page.locator(".similar").scrollIntoViewIfNeeded();
    await screenshot(page, "search-similar");
  });

  it("finds passages like one coded passage, asked from its popover", async () => {
    // Click a passage coded "Pandemi Covid-19" in the open document, then More like this.
    await page.locator("[data-document-view] [data-coding-id]", { hasText: "pandemi" }).first().click();
    const popover = page.getByTestId("coding-popover");
    await popover.waitFor();
    await popover.getByTestId("coding-similar").first().click();
    await poll(() => page.getByTestId("tab-search").getAttribute("aria-selected")).toBe("true");
    await poll(() => page.getByTestId("similar-source").textContent()).toMatch(/^Mirip dengan bagian berkode “.+” di “.+”$/);
    await page.getByTestId("similar-passage").first().waitFor();
    expect((await page.getByTestId("similar-reason").allTextContents()).every((r) => r.startsWith("kata bersama: "))).toBe(true);
    await screenshot(page, "search-similar-passage");
  });

  it("says what is wrong with a query instead of failing", async () => {
    await page.getByTestId("search-query").fill("");
    await page.getByTestId("search-query").click();
    await page.keyboard.type("yang dan");
    await page.keyboard.press("Enter");
    await poll(() => page.getByTestId("search-error").textContent()).toContain("hanya berisi kata yang sangat umum");
  });
});
