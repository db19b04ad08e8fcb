import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, SCREENS, screenshot, TandaiServer } from "./harness.js";

/**
 * The workspace on the screens thesis students have: the text keeps a readable line whatever the
 * side panel shows, and the panels can be resized and hidden with the mouse and the keyboard, and
 * keep their widths across a reload.
 */
describe.sequential("a roomy coding room", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  /** How many characters the first line of the document's longest early paragraph holds. */
  const charactersPerLine = () =>
    page.evaluate(() => {
      const paragraph = [...document.querySelectorAll("[data-document-view] .ProseMirror p")].find((p) => (p.textContent ?? "").length > 100);
      if (!paragraph) throw new Error("no long paragraph");
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let top: number | null = null;
      let count = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        for (let i = 0; i < text.data.length; i++) {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const rect = range.getBoundingClientRect();
          if (top === null) top = rect.top;
          else if (rect.top > top + 2) return count;
          count++;
        }
      }
      return count;
    });
  const separator = (side: "left" | "right") => page.getByTestId(`splitter-${side}`);
  const width = async (side: "left" | "right") => Number(await separator(side).getAttribute("aria-valuenow"));
  const panelWidth = (selector: string) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().width));

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    // The Code tab describes a code: choose one so it shows what it holds.
    await page.locator('[data-testid="code-row"]').first().click();
  });

  afterAll(() => closeApp({ server, browser }));

  for (const screen of [SCREENS.small, SCREENS.hd, SCREENS.laptop]) {
    it(`keeps 45 characters a line at ${screen.width}×${screen.height} with every side-panel tab`, async () => {
      await page.setViewportSize(screen);
      for (const tab of ["code", "retrieve", "memos", "indicators"]) {
        await page.getByTestId(`tab-${tab}`).click();
        await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute("aria-selected")).toBe("true");
        await screenshot(page, `room-panels-${screen.width}x${screen.height}-${tab}`);
        expect(await charactersPerLine(), `${tab} at ${screen.width}×${screen.height}`).toBeGreaterThanOrEqual(45);
      }
      await page.getByTestId("tab-retrieve").click();
    });
  }

  it("resizes a panel by dragging its splitter, and remembers the width after a reload", async () => {
    await page.setViewportSize(SCREENS.desktop);
    const before = await width("right");
    const box = (await separator("right").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2 - i * 10, box.y + 300);
    await page.mouse.up();
    expect(await width("right")).toBe(before + 80);
    expect(await panelWidth(".inspector")).toBe(before + 80);
    await page.reload();
    await page.getByTestId("workspace").waitFor();
    expect(await width("right")).toBe(before + 80);
    expect(await panelWidth(".inspector")).toBe(before + 80);
  });

  it("resizes with the arrow keys and hides and shows a panel with Enter and with its button", async () => {
    await separator("left").focus();
    const before = await width("left");
    await page.keyboard.press("ArrowRight");
    expect(await width("left")).toBe(before + 16);
    await page.keyboard.press("Shift+ArrowLeft");
    expect(await width("left")).toBe(before + 16 - 64);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".sidebar").isVisible()).toBe(false);
    expect(await width("left")).toBe(0);
    await screenshot(page, "room-panels-left-hidden");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".sidebar").isVisible()).toBe(true);
    expect(await width("left")).toBe(before + 16 - 64);

    await page.getByTestId("toggle-right").click();
    await expect.poll(() => page.locator(".inspector").isVisible()).toBe(false);
    expect(await page.getByTestId("toggle-right").getAttribute("aria-expanded")).toBe("false");
    await page.getByTestId("toggle-right").click();
    await expect.poll(() => page.locator(".inspector").isVisible()).toBe(true);
  });

  it("never lets a drag squeeze the text below its minimum", async () => {
    await page.setViewportSize(SCREENS.small);
    const box = (await separator("right").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x - i * 60, box.y + 300);
    await page.mouse.up();
    expect(await charactersPerLine()).toBeGreaterThanOrEqual(45);
    expect(await width("right")).toBe(Number(await separator("right").getAttribute("aria-valuemax")));
  });

  for (const language of ["id", "en"] as const) {
    it(`looks right in ${language === "id" ? "Indonesian" : "English"} at 1024×768, 1366×768 and 1440×900`, async () => {
      await page.getByTestId("language").first().selectOption(language);
      await expect.poll(() => page.getByTestId("tab-retrieve").textContent()).toBe(language === "id" ? "Telusuri" : "Retrieve");
      for (const screen of [SCREENS.small, SCREENS.laptop, SCREENS.desktop]) {
        await page.setViewportSize(screen);
        await screenshot(page, `room-workspace-${language}-${screen.width}x${screen.height}`);
        expect(await charactersPerLine()).toBeGreaterThanOrEqual(45);
      }
    });
  }
});
