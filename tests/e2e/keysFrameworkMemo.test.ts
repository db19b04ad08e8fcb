import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, selectText, TandaiServer } from "./harness.js";

/**
 * In Chromium against `tandai serve` on the sample project: pinning a code to a key, adding a
 * framework that uses the researcher's own codes (previewed first), and a coding memo that is easy
 * to find — in Indonesian at 1440×900 and in English at 1024×768.
 */
describe.sequential("keys, framework preview and coding memos in the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const codeRow = (name: string) => page.locator('[data-testid="code-row"]').filter({ has: page.getByText(name, { exact: true }) });
  const keyOf = async (name: string) => {
    const kbd = codeRow(name).getByTestId("code-shortcut");
    return (await kbd.count()) ? kbd.textContent() : null;
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
  });

  afterAll(() => closeApp({ server, browser }));

  it("gives keys to codes, not to the groups that hold them, and pins one from the code's menu", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await codeRow("Tahap").waitFor();
    expect(await keyOf("Motif paradiplomasi (Keating)")).toBeNull();
    expect(await keyOf("Hambatan")).toBeNull();
    expect(await keyOf("Motif ekonomi")).toBe("1");
    const economic = await keyOf("Motif ekonomi");

    await codeRow("Tahap").hover();
    await codeRow("Tahap").getByTestId("code-menu-button").click();
    await page.getByTestId("code-menu").locator('[data-action="key"]').click();
    const picker = page.getByTestId("key-picker");
    await picker.waitFor();
    expect(await picker.locator('[data-key="1"]').textContent()).toContain("Motif paradiplomasi (Keating) / Motif ekonomi");
    await picker.locator('[data-key="9"]').hover();
    await screenshot(page, "keys-01-picker-id-1440");
    await picker.locator('[data-key="9"]').click();
    await expect.poll(() => keyOf("Tahap")).toBe("9");
    expect(await codeRow("Tahap").getByTestId("code-shortcut").getAttribute("data-pinned")).toBe("true");
    expect(await page.getByTestId("undo").getAttribute("title")).toBe("Urungkan: kode “Tahap” disematkan ke tombol 9 (Ctrl+Z)");

    // A new top-level code does not move anyone's key.
    await page.getByTestId("new-code").click();
    await page.getByTestId("code-name-input").fill("Aktor");
    await page.getByTestId("code-name-input").press("Enter");
    await codeRow("Aktor").waitFor();
    expect(await keyOf("Motif ekonomi")).toBe(economic);
    expect(await keyOf("Tahap")).toBe("9");
    await screenshot(page, "keys-02-codebook-id-1440");
  });

  it("shows the same keys in the palette", async () => {
    await page.locator('[data-testid="document-row"]', { hasText: "Interview – Ba Ria-Vung Tau" }).click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toContain("Ba Ria-Vung Tau");
    // The title shows before the text has loaded.
    await page.getByTestId("document-scroll").getByText("Both cities are coastal", { exact: false }).first().waitFor();
    await selectText(page, "Both cities are coastal");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await page.keyboard.press("/");
    await page.getByTestId("palette").waitFor();
    const tahap = page.getByTestId("palette-option").filter({ hasText: "Tahap" });
    expect(await tahap.getByTestId("palette-key").textContent()).toBe("9");
    await screenshot(page, "keys-03-palette-id-1440");
    await page.keyboard.press("Escape");
  });

  it("previews Keating with the sample's own codes proposed, then adds it in one step whose verdict counts them", async () => {
    // The sample comes with Keating's framework, its codes linked: unlink two of them and remove the
    // framework, so that adding it again has the researcher's own, unlinked codes to propose.
    await page.getByTestId("tab-indicators").click();
    const card = page.locator('[data-testid="framework-card"][data-framework-id="keating"]');
    for (const indicator of ["keating.economic", "keating.cultural"]) {
      const linked = card.locator(`[data-testid="indicator-row"][data-indicator-id="${indicator}"]`).getByTestId("linked-code");
      await linked.getByTestId("unlink-code").click();
      await expect.poll(() => linked.count()).toBe(0);
    }
    await card.getByTestId("remove-framework").click();
    await page.getByTestId("remove-framework-dialog").getByTestId("confirm").click();
    await card.waitFor({ state: "detached" });
    await page.getByTestId("framework-select").selectOption("keating");
    await page.getByTestId("add-framework").click();
    const preview = page.getByTestId("framework-preview");
    await preview.waitFor();
    const choice = (indicator: string) => preview.locator(`[data-indicator-id="${indicator}"] [data-testid="preview-choice"] option:checked`);
    expect(await choice("keating.economic").textContent()).toBe("Kode Anda “Motif paradiplomasi (Keating) / Motif ekonomi”");
    expect(await choice("keating.cultural").textContent()).toBe("Kode Anda “Motif paradiplomasi (Keating) / Motif budaya”");
    // The political code kept its link.
    expect(await preview.locator('[data-indicator-id="keating.political"]').textContent()).toContain("Sudah ditautkan: Motif paradiplomasi (Keating) / Motif politik");
    expect(await preview.getByTestId("preview-summary").textContent()).toBe("Menautkan 2 kode Anda dan membuat 0 kode baru. Satu kali urungkan membatalkan semuanya.");
    await screenshot(page, "framework-01-preview-id-1440");
    await preview.getByTestId("confirm").click();
    await card.waitFor();
    expect(await card.getByTestId("verdict-sentence").textContent()).toBe("terdapat motif ekonomi; motif budaya diperdebatkan; tidak ada motif politik");
    expect(await codeRow("Motif ekonomi").count()).toBe(1);
    expect(await page.getByTestId("framework-added").textContent()).toBe("“Motif paradiplomasi (Keating)” ditambahkan: 2 kode Anda ditautkan, 0 kode dibuat.");
    await screenshot(page, "framework-02-added-id-1440");
  });

  it("a coding's memo editor takes the caret, and the Memo button and Retrieve show the memo", async () => {
    const passage = page.locator("[data-document-view] [data-coding-id]", { hasText: "economic fit" }).first();
    await passage.click();
    const popover = page.getByTestId("coding-popover");
    await popover.waitFor();
    const button = popover.getByTestId("coding-memo").first();
    expect((await button.textContent())?.trim()).toBe("Memo");
    await button.click();
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest(".memo-content")))).toBe(true);
    await page.keyboard.type("Dikutip di bab 4: kecocokan ekonomi.");
    await expect.poll(() => popover.getByTestId("memo-status").getAttribute("data-state"), { timeout: 5000 }).toBe("saved");
    expect((await button.textContent())?.trim()).toBe("Memo (1)");
    expect(await button.getAttribute("data-has-memo")).toBe("true");
    await screenshot(page, "memo-01-popover-id-1440");
    await page.keyboard.press("Escape");

    await codeRow("Motif ekonomi").click();
    await page.getByTestId("tab-retrieve").click();
    const memo = page.getByTestId("passage-memo");
    await expect.poll(() => memo.count()).toBe(1);
    expect(await memo.textContent()).toContain("Dikutip di bab 4: kecocokan ekonomi.");
    await screenshot(page, "memo-02-retrieve-id-1440");
  });

  it("reads the same in English at 1024×768", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId("language").selectOption("en");
    await expect.poll(() => page.getByTestId("passage-memo").locator(".badge").textContent()).toBe("Memo");
    await screenshot(page, "memo-03-retrieve-en-1024");
    // Undo the framework: one step, named, and its links go with it.
    await page.getByTestId("tab-code").click();
    await page.getByTestId("undo-history").click();
    const steps = page.getByTestId("history-step");
    await expect.poll(() => steps.count()).toBeGreaterThan(1);
    expect(await steps.locator(".history-words").allTextContents()).toEqual(
      expect.arrayContaining(["memo on coding “Motif paradiplomasi (Keating) / Motif ekonomi”", "add framework “Motives of paradiplomacy (Keating)”", "pin code “Tahap” to key 9"]),
    );
    await screenshot(page, "keys-04-history-en-1024");
    // Step back to before the framework (the memo after it goes too), then add it again in English.
    const words = await steps.locator(".history-words").allTextContents();
    await steps.nth(words.indexOf("add framework “Motives of paradiplomacy (Keating)”")).click();
    await expect.poll(() => page.getByTestId("undo-toast").locator("span").first().textContent()).toMatch(/^Undone \d+ steps, the last: add framework “Motives of paradiplomacy \(Keating\)”$/);
    await expect.poll(() => page.getByTestId("tab-indicators").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('[data-testid="framework-card"]').count()).toBe(0);
    await page.getByTestId("framework-select").selectOption("keating");
    await page.getByTestId("add-framework").click();
    const preview = page.getByTestId("framework-preview");
    await preview.waitFor();
    expect(await preview.locator('[data-indicator-id="keating.economic"] [data-testid="preview-choice"] option:checked').textContent()).toBe("Your code “Motif paradiplomasi (Keating) / Motif ekonomi”");
    expect(await preview.locator('[data-indicator-id="keating.political"]').textContent()).toContain("Already linked: Motif paradiplomasi (Keating) / Motif politik");
    await screenshot(page, "framework-03-preview-en-1024");
    await preview.getByTestId("confirm").click();
    await expect.poll(() => page.locator('[data-testid="framework-card"][data-framework-id="keating"]').getByTestId("verdict-sentence").textContent()).toBe("economic motive present; cultural motive contested; no political motive");
    await codeRow("Tahap").hover();
    await codeRow("Tahap").getByTestId("code-menu-button").click();
    await page.getByTestId("code-menu").locator('[data-action="key"]').click();
    await page.getByTestId("key-picker").waitFor();
    expect(await page.getByTestId("key-picker").locator('[data-key="9"]').getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "keys-05-picker-en-1024");
    await page.keyboard.press("Escape");
  });
});
