import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, seriousAxeViolations, TandaiServer } from "./harness.js";

/**
 * axe-core on every main screen, in both languages: no serious or critical violation. A failure
 * lists each rule with the elements it names, so the message says what to fix.
 */
describe.sequential("every main screen passes axe", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  async function expectClean(screen: string) {
    await screenshot(page, `room-axe-${screen}`);
    const found = await seriousAxeViolations(page);
    expect(found.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(" | ")}`), screen).toEqual([]);
  }

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
  });

  afterAll(() => closeApp({ server, browser }));

  for (const language of ["id", "en"] as const) {
    it(`the workspace with each side tab (${language})`, async () => {
      await page.getByTestId("language").first().selectOption(language);
      await page.locator('[data-testid="code-row"]').first().click();
      for (const tab of ["code", "retrieve", "memos", "indicators", "search", "agreement"]) {
        await page.getByTestId(`tab-${tab}`).click();
        await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute("aria-selected")).toBe("true");
        await expectClean(`workspace-${tab}-${language}`);
      }
    });

    it(`the charts view, the export dialog and preferences (${language})`, async () => {
      await page.getByTestId("charts-toggle").click();
      await page.locator(".charts-view, [data-testid='charts-view']").first().waitFor();
      await expectClean(`charts-${language}`);
      await page.getByTestId("document-toggle").click();

      await page.getByTestId("export-open").click();
      await page.getByTestId("export-start").waitFor();
      await expectClean(`export-${language}`);
      await page.getByTestId("export-close").click();

      await page.getByTestId("preferences").click();
      await page.getByTestId("coder-name").waitFor();
      await expectClean(`preferences-${language}`);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByTestId("coder-name").count()).toBe(0);
    });
  }

  it("has real tabs in the side panel: one tab stop, arrow keys move between tabs, the panel labelled by its tab", async () => {
    await page.getByTestId("tab-retrieve").click();
    expect(await page.locator('[role="tablist"] [role="tab"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("tab-memos").getAttribute("aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("tab-memos");
    // Agreement is the sixth and last tab.
    await page.keyboard.press("End");
    await expect.poll(() => page.getByTestId("tab-agreement").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("tab-code").getAttribute("aria-selected")).toBe("true");
    const panel = page.locator('[role="tabpanel"]');
    expect(await panel.getAttribute("aria-labelledby")).toBe(await page.getByTestId("tab-code").getAttribute("id"));
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => page.getByTestId("tab-agreement").getAttribute("aria-selected")).toBe("true");
  });

  it("the welcome screen", async () => {
    await page.getByTestId("close-project").click();
    await page.getByTestId("welcome").waitFor();
    await expectClean("welcome");
  });
});
