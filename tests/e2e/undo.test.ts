import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, selectText, TandaiServer } from "./harness.js";

/**
 * Undo that says what it did, in Chromium against `tandai serve` on the sample project: the
 * buttons name the next step, an undo from another tab goes back to what it changed and says so,
 * and the history list steps back to a point — in Indonesian at 1440×900, in English at 1024×768.
 */
describe.sequential("undo in the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const toast = () => page.getByTestId("undo-toast");
  const undoTitle = () => page.getByTestId("undo").getAttribute("title");
  /** The interview's codings, as its row in the document list counts them. */
  const codingCount = async () => Number(await page.locator('[data-testid="document-row"]', { hasText: "Interview – Ba Ria-Vung Tau" }).locator(".count").textContent());

  async function openInterview() {
    await page.locator('[data-testid="document-row"]', { hasText: "Interview – Ba Ria-Vung Tau" }).click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toContain("Ba Ria-Vung Tau");
    // The title shows before the text has loaded.
    await page.getByTestId("document-scroll").getByText("Both cities are coastal", { exact: false }).first().waitFor();
  }

  async function codeWithPalette(quote: string, search: string) {
    await selectText(page, quote);
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await page.keyboard.press("/");
    await page.getByTestId("palette-input").fill(search);
    await page.getByTestId("palette-input").press("Enter");
    await page.getByTestId("palette").waitFor({ state: "detached" });
  }

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
  });

  afterAll(() => closeApp({ server, browser }));

  it("names the step in the undo button's tooltip", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    expect(await undoTitle()).toBe("Urungkan: belum ada langkah");
    // The sample comes with Keating's framework: remove it first, so that it can be added (and undone) below.
    await page.getByTestId("tab-indicators").click();
    await page.locator('[data-testid="framework-card"][data-framework-id="keating"]').getByTestId("remove-framework").click();
    await page.getByTestId("remove-framework-dialog").getByTestId("confirm").click();
    await page.locator('[data-testid="framework-card"][data-framework-id="keating"]').waitFor({ state: "detached" });
    expect(await undoTitle()).toBe("Urungkan: penghapusan kerangka “Motif paradiplomasi (Keating)” (Ctrl+Z)");
    await openInterview();
    const before = await codingCount();
    await codeWithPalette("Both cities are coastal", "motif ekonomi");
    await expect.poll(codingCount).toBeGreaterThan(before);
    expect(await undoTitle()).toBe("Urungkan: penambahan pengodean “Motif paradiplomasi (Keating) / Motif ekonomi” (Ctrl+Z)");
  });

  it("an undo asked on another tab goes back to the Indicators tab and says it removed the framework", async () => {
    await page.getByTestId("tab-indicators").click();
    await page.getByTestId("framework-select").selectOption("keating");
    await page.getByTestId("add-framework").click();
    await page.getByTestId("framework-preview").getByTestId("confirm").click();
    await page.locator('[data-testid="framework-card"][data-framework-id="keating"]').waitFor();
    expect(await undoTitle()).toBe("Urungkan: penambahan kerangka “Motif paradiplomasi (Keating)” (Ctrl+Z)");

    await page.getByTestId("tab-retrieve").click();
    await page.locator("body").click({ position: { x: 700, y: 880 } });
    await page.keyboard.press("Control+z");
    await toast().waitFor();
    expect(await toast().locator("span").first().textContent()).toBe("Dibatalkan: penambahan kerangka “Motif paradiplomasi (Keating)”");
    await expect.poll(() => page.getByTestId("tab-indicators").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('[data-testid="framework-card"]').count()).toBe(0);
    await screenshot(page, "undo-01-framework-id-1440");
  });

  it("the next undo takes back the coding and shows its passage, flashed", async () => {
    const before = await codingCount();
    await page.getByTestId("undo").click();
    await expect.poll(() => toast().locator("span").first().textContent()).toBe("Dibatalkan: penambahan pengodean “Motif paradiplomasi (Keating) / Motif ekonomi”");
    await expect.poll(codingCount).toBe(before - 1);
    expect(await page.getByTestId("document-title").textContent()).toContain("Ba Ria-Vung Tau");
    await page.locator("[data-document-view] .tandai-flash").waitFor();
    expect(await page.locator("[data-document-view] .tandai-flash").textContent()).toContain("Both cities are coastal");
    expect(await page.getByTestId("redo").getAttribute("title")).toBe("Ulangi: penambahan pengodean “Motif paradiplomasi (Keating) / Motif ekonomi” (Ctrl+Shift+Z)");
    await screenshot(page, "undo-02-coding-id-1440");
  });

  it("the history list shows the steps and steps back to a point", async () => {
    const before = await codingCount();
    await codeWithPalette("Both cities are coastal", "motif ekonomi");
    await codeWithPalette("depend on fishing", "motif budaya");
    await codeWithPalette("the economic fit was obvious", "motif budaya");
    await expect.poll(codingCount).toBe(before + 3);
    await page.getByTestId("undo-history").click();
    const steps = page.getByTestId("history-step");
    await expect.poll(() => steps.count()).toBe(4);
    expect(await steps.locator(".history-words").allTextContents()).toEqual([
      "penambahan pengodean “Motif paradiplomasi (Keating) / Motif budaya”",
      "penambahan pengodean “Motif paradiplomasi (Keating) / Motif budaya”",
      "penambahan pengodean “Motif paradiplomasi (Keating) / Motif ekonomi”",
      "penghapusan kerangka “Motif paradiplomasi (Keating)”",
    ]);
    await steps.nth(1).hover();
    await screenshot(page, "undo-03-history-id-1440");
    // Back to before the second step: it and the step after it are undone, the first stays.
    await steps.nth(1).click();
    await expect.poll(codingCount).toBe(before + 1);
    expect(await toast().locator("span").first().textContent()).toBe("2 langkah dibatalkan, yang terakhir: penambahan pengodean “Motif paradiplomasi (Keating) / Motif budaya”");
    await page.getByTestId("undo-history").click();
    await expect.poll(() => page.getByTestId("history-undone").count()).toBe(2);
    await page.keyboard.press("Escape");
  });

  it("speaks English at 1024×768", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId("language").selectOption("en");
    await expect.poll(undoTitle).toBe("Undo: add coding “Motif paradiplomasi (Keating) / Motif ekonomi” (Ctrl+Z)");
    await page.getByTestId("undo").click();
    await expect.poll(() => toast().locator("span").first().textContent()).toBe("Undone: add coding “Motif paradiplomasi (Keating) / Motif ekonomi”");
    await page.locator("[data-document-view] .tandai-flash").waitFor();
    await screenshot(page, "undo-04-coding-en-1024");
    await page.getByTestId("redo").click();
    await expect.poll(() => toast().locator("span").first().textContent()).toBe("Redone: add coding “Motif paradiplomasi (Keating) / Motif ekonomi”");
    await page.getByTestId("undo-history").click();
    await page.getByTestId("history-list").waitFor();
    await screenshot(page, "undo-05-history-en-1024");
    await page.keyboard.press("Escape");
    await page.getByTestId("language").selectOption("id");
  });
});
