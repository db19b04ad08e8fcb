import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, selectText, TandaiServer } from "./harness.js";

/**
 * Why Tandai exists, end to end in Chromium against `tandai serve`: on the sample project's case,
 * which comes with Keating's framework, remove the framework and add it again (its linked codes are
 * picked up), read the statuses and the verdict sentence, code one more passage and watch the count
 * change, in both languages.
 */
describe.sequential("the indicator dashboard in the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const row = (indicatorId: string) => page.locator(`[data-testid="indicator-row"][data-indicator-id="${indicatorId}"]`);
  const keating = () => page.locator('[data-testid="framework-card"][data-framework-id="keating"]');
  const count = (indicatorId: string, which: "supporting" | "contradicting" | "documents") => row(indicatorId).getByTestId(`count-${which}`).textContent();

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
  });

  afterAll(() => closeApp({ server, browser }));

  it("shows the sample project's case with both documents and Keating's framework on the Indicators tab", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await expect.poll(() => page.getByTestId("tab-indicators").textContent()).toBe("Indikator");
    await page.getByTestId("tab-indicators").click();
    const caseRow = page.getByTestId("cases-panel").getByTestId("case-row").filter({ hasText: "Padang – Ba Ria-Vung Tau" });
    await caseRow.waitFor();
    expect(await caseRow.getByTestId("case-doc-count").textContent()).toBe("2 dokumen");
    await keating().waitFor();
    expect(await page.locator('[data-testid="framework-select"] option[value="keating"]').textContent()).toContain("sudah ditambahkan");
  });

  it("removes Keating's framework and adds it again: the sample's linked codes are picked up", async () => {
    await keating().getByTestId("remove-framework").click();
    await page.getByTestId("remove-framework-dialog").getByTestId("confirm").click();
    await keating().waitFor({ state: "detached" });
    expect(await page.getByTestId("dashboard-no-frameworks").textContent()).toContain("Tambah");

    await page.getByTestId("framework-select").selectOption("keating");
    await page.getByTestId("add-framework").click();
    // Removing the framework kept the sample's links, so the preview shows each indicator's code as
    // already linked, and adding it again creates no code.
    const preview = page.getByTestId("framework-preview");
    await preview.waitFor();
    expect(await preview.locator('[data-indicator-id="keating.economic"]').textContent()).toContain("Sudah ditautkan: Motif paradiplomasi (Keating) / Motif ekonomi");
    expect(await preview.locator('[data-indicator-id="keating.cultural"]').textContent()).toContain("Sudah ditautkan: Motif paradiplomasi (Keating) / Motif budaya");
    expect(await preview.getByTestId("preview-choice").count()).toBe(0);
    await preview.getByTestId("confirm").click();
    await keating().waitFor();
    expect(await keating().locator("h3").textContent()).toBe("Motif paradiplomasi (Keating)");
    expect(await page.locator('[data-testid="framework-select"] option[value="keating"]').textContent()).toContain("sudah ditambahkan");

    await expect.poll(() => row("keating.economic").getAttribute("data-status")).toBe("met");
    expect(await row("keating.economic").getByTestId("linked-code").count()).toBe(1);
    expect(await count("keating.economic", "supporting")).toBe("3");
    expect(await count("keating.economic", "documents")).toBe("2");

    await expect.poll(() => row("keating.cultural").getAttribute("data-against")).toBe("true");
    expect(await row("keating.cultural").getAttribute("data-status")).toBe("contested");
    expect(await row("keating.cultural").getByTestId("computed-status").textContent()).toBe("Diperdebatkan");
    expect(await count("keating.cultural", "contradicting")).toBe("1");
    expect(await keating().getByTestId("verdict-sentence").textContent()).toBe("terdapat motif ekonomi; motif budaya diperdebatkan; tidak ada motif politik");
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
    await expect.poll(() => keating().getByTestId("verdict-sentence").textContent()).toBe("economic motive present; cultural motive contested; no political motive");
    expect(await keating().locator("h3").textContent()).toBe("Motives of paradiplomacy (Keating)");
    expect(await row("keating.cultural").getByTestId("computed-status").textContent()).toBe("Contested");
    // The note of what the re-adding did follows the language too.
    expect(await page.getByTestId("framework-added").textContent()).toBe("Added “Motives of paradiplomacy (Keating)”: linked 0 of your codes, created 0 codes.");
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
    // A controlled checkbox shows the project's state, which changes when the backend answers: click, then wait for it.
    await created.getByTestId("case-doc-checkbox").nth(1).click();
    await expect.poll(() => created.getByTestId("case-doc-checkbox").nth(1).isChecked()).toBe(true);
    await expect.poll(() => created.getByTestId("case-doc-count").textContent()).toBe("1 document");
    expect(await page.locator('[data-testid="case-select"] option:checked').textContent()).toBe("Padang (wawancara saja)");
    await expect.poll(() => count("keating.economic", "supporting")).toBe("1");
    expect(await count("keating.economic", "documents")).toBe("1");
    expect(await row("keating.political").getAttribute("data-override")).toBeNull();

    await page.getByTestId("case-select").selectOption({ label: "Padang – Ba Ria-Vung Tau" });
    await expect.poll(() => count("keating.economic", "supporting")).toBe("4");
  });

  const card = (id: string) => page.locator(`[data-testid="framework-card"][data-framework-id="${id}"]`);

  it("defines a custom framework in the form and adds it with its linked codes", async () => {
    await page.getByTestId("new-framework").click();
    const form = page.getByTestId("framework-form");
    await form.getByTestId("form-id").fill("hocking");
    await form.getByTestId("form-name-en").fill("Multilayered diplomacy (Hocking)");
    await form.getByTestId("form-name-id").fill("Diplomasi berlapis (Hocking)");
    await form.getByTestId("form-kind").selectOption("assessment");
    await form.getByTestId("form-indicator-key").nth(0).fill("networks");
    await form.getByTestId("form-indicator-name-en").nth(0).fill("Transnational networks");
    await form.getByTestId("form-indicator-name-id").nth(0).fill("Jaringan transnasional");
    await form.getByTestId("add-indicator").click();
    await form.getByTestId("form-indicator-key").nth(1).fill("Access!");
    await form.getByTestId("form-indicator-name-en").nth(1).fill("Access to national policy");
    await form.getByTestId("form-indicator-name-id").nth(1).fill("Akses ke kebijakan nasional");
    await form.getByTestId("form-min-documents").fill("2");
    await form.getByTestId("confirm").click();
    await expect.poll(() => form.getByTestId("framework-form-error").textContent()).toMatch(/^Indicator 2: the id suffix/);
    expect(await form.getByTestId("form-indicator-key").nth(1).getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "11-framework-form");
    await form.getByTestId("form-indicator-key").nth(1).fill("access");
    await form.getByTestId("confirm").click();
    // The same preview as a template's: no code of the sample is named like these indicators.
    await page.getByTestId("framework-preview").getByTestId("confirm").click();
    await card("hocking").waitFor();
    expect(await form.count()).toBe(0);
    expect(await card("hocking").locator('[data-testid="indicator-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-indicator-id")))).toEqual(["hocking.networks", "hocking.access"]);
    expect(await card("hocking").getByTestId("min-documents").inputValue()).toBe("2");
    expect(await page.getByTestId("code-row").filter({ hasText: "Transnational networks" }).count()).toBe(1);
  });

  it("exports a framework card as <id>.framework.json, exactly the framework", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), card("hocking").getByTestId("export-framework").click()]);
    expect(download.suggestedFilename()).toBe("hocking.framework.json");
    const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as Record<string, unknown>;
    expect(exported).toEqual({
      id: "hocking",
      name: { en: "Multilayered diplomacy (Hocking)", id: "Diplomasi berlapis (Hocking)" },
      kind: "assessment",
      indicators: [
        { id: "hocking.networks", name: { en: "Transnational networks", id: "Jaringan transnasional" } },
        { id: "hocking.access", name: { en: "Access to national policy", id: "Akses ke kebijakan nasional" } },
      ],
      thresholds: { minCodings: 1, minDocuments: 2 },
    });
  });

  const file = (name: string, content: unknown) => ({ name, mimeType: "application/json", buffer: Buffer.from(typeof content === "string" ? content : JSON.stringify(content, null, 2)) });
  const soldatos = {
    id: "soldatos",
    name: { en: "Foreign policy actors (Soldatos)", id: "Aktor politik luar negeri (Soldatos)" },
    kind: "inventory",
    indicators: [
      { id: "soldatos.cooperative", name: { en: "Cooperative paradiplomacy", id: "Paradiplomasi kooperatif" } },
      { id: "soldatos.parallel", name: { en: "Parallel paradiplomacy", id: "Paradiplomasi paralel" } },
    ],
  };

  it("imports a valid framework file", async () => {
    await page.getByTestId("import-framework-input").setInputFiles(file("soldatos.framework.json", soldatos));
    await page.getByTestId("framework-preview").getByTestId("confirm").click();
    await expect.poll(() => page.getByTestId("framework-import-done").textContent()).toContain("soldatos.framework.json");
    await card("soldatos").waitFor();
    expect(await card("soldatos").locator("h3").textContent()).toBe("Foreign policy actors (Soldatos)");
    expect(await card("soldatos").getByTestId("min-codings").inputValue()).toBe("1");
  });

  it("refuses an invalid file, or a different framework under a known id, naming the file and the field, adding nothing", async () => {
    const frameworks = () => page.getByTestId("framework-card").count();
    const before = await frameworks();
    const broken = { ...soldatos, id: "soldatos2", indicators: [soldatos.indicators[0]!, { id: "soldatos.parallel", name: { en: "Parallel", id: "Paralel" } }] };
    broken.indicators[0] = { ...broken.indicators[0]!, id: "soldatos2.cooperative" };
    await page.getByTestId("import-framework-input").setInputFiles(file("broken.framework.json", broken));
    const error = page.getByTestId("framework-import-error");
    await expect.poll(() => error.textContent()).toContain("broken.framework.json is not a valid framework: the field indicators[1].id is wrong");
    expect(await frameworks()).toBe(before);
    await screenshot(page, "11-framework-import-error");

    await page.getByTestId("import-framework-input").setInputFiles(file("notes.json", "{ not json"));
    await expect.poll(() => error.textContent()).toContain("notes.json is not a JSON file");

    await page.getByTestId("import-framework-input").setInputFiles(file("soldatos-v2.framework.json", { ...soldatos, kind: "classification" }));
    await expect.poll(() => error.textContent()).toContain("soldatos-v2.framework.json: this project already has a different framework with the id “soldatos”");
    expect(await frameworks()).toBe(before);
  });
});
