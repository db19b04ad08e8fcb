import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, dragSelect, openApp, quoteEnds, SCREENS, screenshot, TandaiServer } from "./harness.js";

/**
 * Selecting with the mouse codes exactly what was under the pointer: nothing above the text
 * changes height when a selection starts or ends, so the text never moves mid-drag.
 */
describe.sequential("the text stays still while selecting", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const documentTop = () => page.locator("[data-document-view] .ProseMirror").evaluate((el) => el.getBoundingClientRect().top);
  const barHeight = () => page.getByTestId("selection-bar").evaluate((el) => el.getBoundingClientRect().height);

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.setViewportSize(SCREENS.small);
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
  });

  afterAll(() => closeApp({ server, browser }));

  it("codes exactly the words dragged over, and the document's top does not move", async () => {
    const quote = "rencana aksi sempat disusun";
    await quoteEnds(page, quote, 1, true); // scrolled into view first, as a person would
    const top = await documentTop();
    const idleBar = await barHeight();
    await dragSelect(page, quote);
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(quote);
    expect(await documentTop()).toBe(top);
    expect(await barHeight()).toBe(idleBar);
    await screenshot(page, "room-selection-1024");

    // Key 6 is "Tahap" (stage): the sixth leaf code in creation order (codeKeys; groups take no key).
    await page.keyboard.press("6");
    await page.locator('[data-testid="code-row"]').filter({ has: page.getByText("Tahap", { exact: true }) }).click();
    await page.getByTestId("tab-retrieve").click();
    await expect.poll(() => page.getByTestId("passage").locator("mark").allTextContents()).toContain(quote);

    // Ending the selection does not move the text either.
    // (A click in the paragraph on screen: one out of view would be scrolled to first.)
    await page.locator("[data-document-view] p", { hasText: quote }).click({ position: { x: 4, y: 4 } });
    await expect.poll(() => page.locator('[data-testid="selection-bar"].active').count()).toBe(0);
    expect(await documentTop()).toBe(top);
  });
});
