import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, TandaiServer } from "./harness.js";

/**
 * A newcomer's first start, in Chromium against `tandai serve` on a fresh home: the sample project
 * opens in the interface language and shows Tandai's point at once — a case, Keating's framework
 * with the sample's motive codes linked, indicator statuses and the verdict sentence. The README's
 * screenshot (docs/screenshot.png) is taken from this run: tests/e2e/screenshots/00-readme.png.
 */
describe.sequential("the sample project on first start", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  const keating = () => page.locator('[data-testid="framework-card"][data-framework-id="keating"]');
  const row = (indicatorId: string) => keating().locator(`[data-testid="indicator-row"][data-indicator-id="${indicatorId}"]`);
  const codeNames = () => page.getByTestId("code-row").locator(".code-name").allTextContents();

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
  });

  afterAll(() => closeApp({ server, browser }));

  it("opens in Indonesian with an Indonesian codebook, Keating's codes among them", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await expect.poll(() => page.getByTestId("project-name").textContent()).toContain("Contoh");
    const names = await codeNames();
    for (const name of ["Motif paradiplomasi (Keating)", "Motif ekonomi", "Motif budaya", "Motif politik", "Hambatan", "Pandemi Covid-19", "Tahap"]) expect(names).toContain(name);
    expect(names.join(" ")).not.toMatch(/Economic motive|Obstacle|Stage/);
  });

  it("shows on the Indicators tab the case, Keating's statuses and the verdict, the contested motive with its quote against", async () => {
    await page.getByTestId("tab-indicators").click();
    await keating().waitFor();
    expect(await page.locator('[data-testid="case-select"] option:checked').textContent()).toBe("Padang – Ba Ria-Vung Tau");
    expect(await keating().locator("h3").textContent()).toBe("Motif paradiplomasi (Keating)");
    expect(await keating().getByTestId("verdict-sentence").textContent()).toBe("terdapat motif ekonomi; motif budaya diperdebatkan; tidak ada motif politik");
    expect(await row("keating.economic").getAttribute("data-status")).toBe("met");
    expect(await row("keating.cultural").getAttribute("data-status")).toBe("contested");
    expect(await row("keating.political").getAttribute("data-status")).toBe("not_met");

    await keating().getByTestId("toggle-quotes").click();
    const against = row("keating.cultural").getByTestId("indicator-quote-against");
    await expect.poll(() => against.count()).toBe(1);
    expect(await against.locator(".quote-text").textContent()).toBe("“bahasa dan sejarah kedua kota sangat berbeda, jadi faktor budaya bukan alasan kami”");
    expect(await row("keating.cultural").getByTestId("indicator-quote").locator(".quote-text").textContent()).toBe("“both are fishing peoples with a long maritime tradition”");
    await page.locator('[data-testid="document-row"]', { hasText: "Wawancara" }).click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toContain("Wawancara");
    // Scrolled as a reader would, so the verdict and the contested motive's quotes for and against share the view.
    await page.mouse.move(1100, 600);
    await page.mouse.wheel(0, 270);
    await expect.poll(() => against.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(890);
    await page.mouse.move(700, 890);
    await screenshot(page, "00-readme");
  });

  it("opens in the browser's language, not the server's, while the user has chosen none", async () => {
    // The server runs with LANG=id_ID; this browser is English.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    const english = await context.newPage();
    await english.goto(server.url);
    await english.getByTestId("workspace").waitFor();
    await expect.poll(() => english.getByTestId("tab-indicators").textContent()).toBe("Indicators");
    expect(await english.getByTestId("language").first().inputValue()).toBe("en");
    await context.close();

    // Once the user chooses Indonesian, an English browser opens in Indonesian too.
    await page.getByTestId("language").first().selectOption("id");
    await expect.poll(async () => {
      const again = await browser.newContext({ locale: "en-US" });
      const other = await again.newPage();
      await other.goto(server.url);
      await other.getByTestId("workspace").waitFor();
      const text = await other.getByTestId("tab-indicators").textContent();
      await again.close();
      return text;
    }).toBe("Indikator");
  });
});
