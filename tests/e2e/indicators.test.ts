import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, screenshot, selectText, TandaiServer } from "./harness.js";

/**
 * Why Tandai exists, end to end in Chromium against `tandai serve`: on the sample project's case,
 * add Keating's framework, link the researcher's own codes to its indicators, read the statuses and
 * the verdict sentence, code one more passage and watch the count change, in both languages.
 */
describe.sequential("the indicator dashboard in the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const row = (indicatorId: string) => page.locator(`[data-testid="indicator-row"][data-indicator-id="${indicatorId}"]`);
  const keating = () => page.locator('[data-testid="framework-card"][data-framework-id="keating"]');
  const count = (indicatorId: string, which: "supporting" | "contradicting" | "documents") => row(indicatorId).getByTestId(`count-${which}`).textContent();

  beforeAll(async () => {
    server = await TandaiServer.create();
    await server.start();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("shows the sample project's case with both documents on the Indicators tab", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await expect.poll(() => page.getByTestId("tab-indicators").textContent()).toBe("Indikator");
    await page.getByTestId("tab-indicators").click();
    const caseRow = page.getByTestId("cases-panel").getByTestId("case-row").filter({ hasText: "Padang – Ba Ria-Vung Tau" });
    await caseRow.waitFor();
    expect(await caseRow.getByTestId("case-doc-count").textContent()).toBe("2 dokumen");
    expect(await page.getByTestId("dashboard-no-frameworks").textContent()).toContain("Tambah");
  });

  it("adds Keating's template and links the sample's own codes to its indicators", async () => {
    await page.getByTestId("framework-select").selectOption("keating");
    await page.getByTestId("add-framework").click();
    await keating().waitFor();
    expect(await keating().locator("h3").textContent()).toBe("Motif paradiplomasi (Keating)");
    expect(await page.locator('[data-testid="framework-select"] option[value="keating"]').textContent()).toContain("sudah ditambahkan");

    await row("keating.economic").getByTestId("link-select").selectOption({ label: "Motif / Motif ekonomi" });
    await row("keating.cultural").getByTestId("link-select").selectOption({ label: "Motif / Motif budaya" });
    await expect.poll(() => row("keating.economic").getAttribute("data-status")).toBe("met");
    expect(await row("keating.economic").getByTestId("linked-code").count()).toBe(2);
    expect(await count("keating.economic", "supporting")).toBe("3");
    expect(await count("keating.economic", "documents")).toBe("2");

    await expect.poll(() => row("keating.cultural").getAttribute("data-against")).toBe("true");
    expect(await row("keating.cultural").getAttribute("data-status")).toBe("not_met");
    expect(await row("keating.cultural").getByTestId("computed-status").textContent()).toBe("Tidak terpenuhi, ada bukti bertentangan");
    expect(await count("keating.cultural", "contradicting")).toBe("1");
    expect(await keating().getByTestId("verdict-sentence").textContent()).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
  });

  it("counts a passage coded with the template's economic code at once", async () => {
    await page.locator('[data-testid="document-row"]', { hasText: "Interview – Ba Ria-Vung Tau" }).click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toContain("Ba Ria-Vung Tau");
    await selectText(page, "Both cities are coastal and depend on fishing");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await page.keyboard.press("/");
    await page.getByTestId("palette-input").fill("keating ekonomi");
    await page.getByTestId("palette-input").press("Enter");
    await expect.poll(() => count("keating.economic", "supporting")).toBe("4");
    expect(await count("keating.economic", "documents")).toBe("2");
    expect(await row("keating.economic").getAttribute("data-status")).toBe("met");
    await page.keyboard.press("Escape");
    await page.locator("body").click({ position: { x: 700, y: 880 } });
    await screenshot(page, "10-indicators-id");
  });

  it("shows the strongest quotes of an indicator, one per document first, and jumps to one", async () => {
    await keating().getByTestId("toggle-quotes").click();
    const quotes = row("keating.economic").getByTestId("indicator-quote");
    await expect.poll(() => quotes.count()).toBe(2);
    const sources = await quotes.locator(".quote-source").allTextContents();
    expect(new Set(sources).size).toBe(2);
    await quotes.filter({ hasText: "membuka pasar ekspor" }).click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toContain("Wawancara");
    await screenshot(page, "10-indicators-quotes");
  });

  it("writes the verdict in English once the interface is switched", async () => {
    await page.getByTestId("language").first().selectOption("en");
    await expect.poll(() => page.getByTestId("tab-indicators").textContent()).toBe("Indicators");
    await expect.poll(() => keating().getByTestId("verdict-sentence").textContent()).toBe("economic motive present; no cultural or political motive");
    expect(await keating().locator("h3").textContent()).toBe("Motives of paradiplomacy (Keating)");
    expect(await row("keating.cultural").getByTestId("computed-status").textContent()).toBe("Not met, evidence against");
    await screenshot(page, "10-indicators-en");
  });

  it("keeps the researcher's decision beside the computed status, with its justification", async () => {
    await row("keating.political").getByTestId("override-button").click();
    await page.getByTestId("override-status").selectOption("not_met");
    expect(await page.getByTestId("confirm").isDisabled()).toBe(true);
    await page.getByTestId("override-justification").fill("Neither interview mentions autonomy or identity politics.");
    await screenshot(page, "10-indicators-override-dialog");
    await page.getByTestId("confirm").click();
    await expect.poll(() => row("keating.political").getAttribute("data-override")).toBe("not_met");
    expect(await row("keating.political").getByTestId("computed-status").textContent()).toBe("Computed: Not met");
    expect(await row("keating.political").getByTestId("override-note").textContent()).toContain("autonomy or identity politics");
    await screenshot(page, "10-indicators-override");
  });

  it("computes a second case from its own documents only", async () => {
    await page.getByTestId("new-case-name").fill("Padang (wawancara saja)");
    await page.getByTestId("create-case").click();
    const created = page.getByTestId("case-row").filter({ hasText: "Padang (wawancara saja)" });
    await created.waitFor();
    await created.getByTestId("case-doc-checkbox").nth(1).check();
    await expect.poll(() => created.getByTestId("case-doc-count").textContent()).toBe("1 document");
    expect(await page.locator('[data-testid="case-select"] option:checked').textContent()).toBe("Padang (wawancara saja)");
    await expect.poll(() => count("keating.economic", "supporting")).toBe("1");
    expect(await count("keating.economic", "documents")).toBe("1");
    expect(await row("keating.political").getAttribute("data-override")).toBeNull();

    await page.getByTestId("case-select").selectOption({ label: "Padang – Ba Ria-Vung Tau" });
    await expect.poll(() => count("keating.economic", "supporting")).toBe("4");
  });
});
