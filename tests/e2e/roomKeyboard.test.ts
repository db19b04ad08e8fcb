import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, SCREENS, screenshot, TandaiServer } from "./harness.js";
import { heldSelection, pageSelection } from "./viewSelection.js";

/**
 * Coding with the keyboard alone: Tab to the text, a caret, Shift+arrows to select, a key to apply
 * a code, Enter to list the codings under the caret, and an aria-live region saying what is coded
 * where the caret is. No mouse event is sent.
 */
describe.sequential("coding with the keyboard only", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const focusedIsDocument = () => page.evaluate(() => document.activeElement?.matches("[data-document-view] .ProseMirror") ?? false);
  const selected = () => pageSelection(page);
  const held = () => heldSelection(page);
  const announced = () => page.getByTestId("caret-codes").textContent();

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.setViewportSize(SCREENS.laptop);
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
  });

  afterAll(() => closeApp({ server, browser }));

  it("reaches the document with Tab and selects with Shift+arrows and Ctrl+Shift+arrows", async () => {
    let presses = 0;
    while (!(await focusedIsDocument())) {
      await page.keyboard.press("Tab");
      if (++presses > 80) throw new Error("Tab never reached the document text");
    }
    expect(await page.locator("[data-document-view] .ProseMirror").getAttribute("aria-describedby")).toBe("document-keys-hint");
    await page.keyboard.press("Control+Home");
    // "Pewawancara: Bagaimana awal mula kerja sama …": select the first word letter by letter, then two more words.
    for (let i = 0; i < "Pewawancara".length; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(held).toBe("Pewawancara");
    expect(await selected()).toBe("Pewawancara");
    await page.keyboard.press("Control+Shift+ArrowRight");
    await page.keyboard.press("Control+Shift+ArrowRight");
    await expect.poll(held).toMatch(/^Pewawancara: Bagaimana ?$/);
    expect(await selected()).toMatch(/^Pewawancara: Bagaimana ?$/);
    // Back to the start and the first word again, at once: the previous selection must not come
    // back (ProseMirror took a caret at the start soon after the focus for the browser's reset of
    // the selection on focus; keyboardSelectionFocus.test.ts holds that race still).
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < "Pewawancara".length; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(held).toBe("Pewawancara");
    expect(await selected()).toBe("Pewawancara");
    await expect.poll(announced).toBe("Pilihan belum dikode");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await screenshot(page, "room-keyboard-selection");
  });

  it("applies a code with its key and hears it under the caret", async () => {
    const before = await page.getByTestId("document-title").evaluate(() => document.querySelectorAll("[data-document-view] [data-coding-id]").length);
    // Key 6: "Tahap", the sixth leaf code in creation order (codeKeys: the framework's three, then Keterbatasan anggaran, Pandemi Covid-19, Tahap).
    await page.keyboard.press("6");
    await expect.poll(() => page.evaluate(() => document.querySelectorAll("[data-document-view] [data-coding-id]").length)).toBeGreaterThan(before);
    await expect.poll(announced).toBe("Pilihan menyentuh: Tahap");
    // The text is unchanged: typing goes nowhere.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("xyz");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Delete");
    expect(await page.locator("[data-document-view] p").first().textContent()).toBe("Pewawancara: Bagaimana awal mula kerja sama kota kembar Padang dengan Vung Tau?");
    await expect.poll(announced).toBe("Dikode: Tahap");
    await page.keyboard.press("End");
    await expect.poll(announced).toBe("Belum dikode");
  });

  it("lists the codings under the caret with Enter, and Escape gives the focus back to the text", async () => {
    // The second paragraph opens with "Narasumber: " and then a passage coded "Tahap": walk there
    // letter by letter (one step crosses from one paragraph into the next).
    const first = "Pewawancara: Bagaimana awal mula kerja sama kota kembar Padang dengan Vung Tau?";
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < first.length + 1 + "Narasumber: Aw".length; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(announced).toBe("Dikode: Tahap");
    await page.keyboard.press("Enter");
    const popover = page.getByTestId("coding-popover");
    await popover.waitFor();
    expect(await popover.getByTestId("coding-item").count()).toBe(1);
    expect(await popover.textContent()).toContain("Tahap");
    expect(await page.evaluate(() => document.activeElement?.closest("[data-testid=coding-popover]") != null)).toBe(true);
    await screenshot(page, "room-keyboard-popover");
    await page.keyboard.press("Escape");
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusedIsDocument()).toBe(true);
    // The view holds its caret again (ProseMirror puts it back when the text regains the focus).
    await expect.poll(announced).toBe("Dikode: Tahap");
    await expect.poll(held).toBe("");
  });

  it("opens the palette with / on a keyboard selection and applies the code picked", async () => {
    // From the top, walk to the second paragraph ("|Narasumber: …") and select "Narasumber: "
    // rightwards: where ProseMirror put the caret back after the popover is its own timer's business.
    const first = "Pewawancara: Bagaimana awal mula kerja sama kota kembar Padang dengan Vung Tau?";
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < first.length + 1; i++) await page.keyboard.press("ArrowRight");
    for (let i = 0; i < "Narasumber: ".length; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(held).toBe("Narasumber: ");
    expect(await selected()).toBe("Narasumber: ");
    await page.keyboard.press("/");
    await page.getByTestId("palette-input").waitFor();
    await page.keyboard.type("Hambatan");
    await page.keyboard.press("Enter");
    await expect.poll(announced).toBe("Pilihan menyentuh: Hambatan");
  });
});
