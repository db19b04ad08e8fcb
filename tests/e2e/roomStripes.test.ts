import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, SCREENS, screenshot, TandaiServer } from "./harness.js";

/** Coding stripes beside the text: one per coding, in its code's colour, labelled, hover and click. */
describe.sequential("coding stripes in the margin", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const stripes = () => page.locator('[data-testid="coding-stripes"] .tandai-stripe');

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.setViewportSize(SCREENS.laptop);
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
  });

  it("marks only the coded text with data-coding-id (what counts highlights), not the stripes", async () => {
    await stripes().first().waitFor();
    expect(await page.locator("[data-document-view] [data-coding-id]").evaluateAll((els) => els.every((el) => el.closest(".ProseMirror")))).toBe(true);
  });

  afterAll(() => closeApp({ server, browser }));

  it("draws one stripe per coding, from its first line to its last, in the margin right of the text", async () => {
    const ids = await page.locator("[data-document-view] .ProseMirror [data-coding-id]").evaluateAll((spans) => [...new Set(spans.map((s) => s.getAttribute("data-coding-id")))]);
    await expect.poll(() => stripes().count()).toBe(ids.length);
    const geometry = await page.evaluate(() => {
      const text = document.querySelector("[data-document-view] .ProseMirror p")!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>(".tandai-stripe")].map((bar) => {
        const spans = [...document.querySelectorAll(`.ProseMirror [data-coding-id="${bar.dataset.stripeFor}"]`)].flatMap((s) => [...s.getClientRects()]);
        const box = bar.getBoundingClientRect();
        return {
          top: box.top - Math.min(...spans.map((r) => r.top)),
          bottom: box.bottom - Math.max(...spans.map((r) => r.bottom)),
          rightOfText: box.left >= text.right,
          colour: getComputedStyle(bar).backgroundColor,
          label: document.querySelector(`.tandai-stripe-label[data-stripe-for="${bar.dataset.stripeFor}"]`)?.textContent ?? null,
          title: bar.title,
        };
      });
    });
    for (const g of geometry) {
      expect(Math.abs(g.top)).toBeLessThan(3);
      expect(Math.abs(g.bottom)).toBeLessThan(3);
      expect(g.rightOfText).toBe(true);
      expect(g.title).not.toBe("");
      if (g.label) expect(g.title).toBe(g.label);
    }
    // Each stripe in its code's colour: Tahap #0072b2, Pandemi Covid-19 #9c755f (the sample's own codes, in colours Keating's codes do not use).
    const colourOf = (label: string) => geometry.find((g) => g.label === label)?.colour;
    expect(colourOf("Tahap")).toBe("rgb(0, 114, 178)");
    expect(colourOf("Pandemi Covid-19")).toBe("rgb(156, 117, 95)");
    expect(geometry.some((g) => g.label === "Tahap")).toBe(true);
    await screenshot(page, "room-stripes-1366");
  });

  it("lights up the passage under the pointer and opens the coding's popover on a click", async () => {
    const stripe = page.locator(".tandai-stripe-label", { hasText: "Tahap" }).first();
    const id = (await stripe.getAttribute("data-stripe-for"))!;
    const span = page.locator(`.ProseMirror [data-coding-id="${id}"]`).first();
    const before = await span.evaluate((el) => getComputedStyle(el).backgroundColor);
    await stripe.hover();
    await expect.poll(() => span.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
    await screenshot(page, "room-stripes-hover");
    await page.mouse.move(5, 700);
    await expect.poll(() => span.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(before);

    await stripe.click();
    const popover = page.getByTestId("coding-popover");
    await popover.waitFor();
    expect(await popover.getByTestId("coding-item").getAttribute("data-coding-id")).toBe(id);
    await page.keyboard.press("Escape");
  });

  it("in a long document, draws the stripes of the sections on screen only, in place after scrolling", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Narasumber ${i + 1}: kerja sama kota kembar berjalan lambat karena anggaran baris ${i + 1}.`);
    await page.getByTestId("import-input").setInputFiles([{ name: "panjang.txt", mimeType: "text/plain", buffer: Buffer.from(lines.join("\n")) }]);
    await page.getByTestId("import-report").getByTestId("confirm").click();
    await page.locator('[data-testid="document-row"]', { hasText: "panjang" }).click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toBe("panjang");
    const { selectText } = await import("./harness.js");
    await selectText(page, "Narasumber 2: kerja sama");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await page.keyboard.press("1");
    await expect.poll(() => stripes().count()).toBe(1);

    // To the end: the caret goes there and the view follows.
    await page.locator("[data-document-view] .ProseMirror").focus();
    await page.keyboard.press("Control+End");
    await page.locator("[data-document-view] p", { hasText: "Narasumber 400:" }).waitFor();
    await selectText(page, "Narasumber 398: kerja sama");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await page.keyboard.press("4");
    const last = page.locator(".ProseMirror [data-coding-id]", { hasText: "Narasumber 398" }).first();
    await last.waitFor();
    await last.scrollIntoViewIfNeeded();
    const id = (await last.getAttribute("data-coding-id"))!;
    const bar = page.locator(`.tandai-stripe[data-stripe-for="${id}"]`);
    await bar.waitFor();
    // The first coding's section is far off screen: its stripe is not drawn.
    expect(await stripes().count()).toBe(1);
    const offset = await bar.evaluate((el, codingId) => el.getBoundingClientRect().top - document.querySelector(`.ProseMirror [data-coding-id="${codingId}"]`)!.getBoundingClientRect().top, id);
    expect(Math.abs(offset)).toBeLessThan(3);
    await screenshot(page, "room-stripes-long-end");

    await page.keyboard.press("Control+Home");
    await expect.poll(() => page.locator(".tandai-stripe").count()).toBe(1);
    await expect.poll(() => page.locator(".tandai-stripe-label", { hasText: "Motif" }).count()).toBe(1);
    await page.locator('[data-testid="document-row"]', { hasText: "Wawancara" }).click();
  });

  it("follows a new coding at once", async () => {
    const count = await stripes().count();
    await page.locator('[data-testid="code-row"]').first().waitFor();
    const { selectText } = await import("./harness.js");
    await selectText(page, "Pewawancara: Bagaimana awal mula");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    // Key 3: "Motif politik", a code the sample leaves unused (codeKeys: leaf codes in creation order).
    await page.keyboard.press("3");
    await expect.poll(() => stripes().count()).toBe(count + 1);
    await expect.poll(() => page.locator(".tandai-stripe-label", { hasText: "Motif politik" }).count()).toBe(1);
  });
});
