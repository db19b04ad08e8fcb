import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, dragSelect, openApp, screenshot, SCREENS, type App } from "./harness.js";

/**
 * A coding is drawn as the key is pressed, and goes as its × is clicked, not when the backend has
 * saved the change (the first save after opening a very large project waits for the project's
 * check: seconds at a million codings), and the pane says it is saving until it is. The apply requests are held at the page's network layer
 * (the real app and backend otherwise), so the wait can be seen, then let through or failed.
 */
describe("a coding shows, or goes, at once and says when it is saved", () => {
  let app: App;
  const held: Route[] = [];

  beforeAll(async () => {
    app = await openApp();
    const dir = await app.server.codedProject();
    await app.server.stop();
    await app.server.start([dir]);
    await app.page.setViewportSize(SCREENS.laptop);
    await app.page.route("**/api/apply", (route) => held.push(route));
  });
  afterAll(() => closeApp(app));

  /** The distinct codings the document view draws. */
  const drawn = () => app.page.evaluate(() => new Set([...document.querySelectorAll("[data-document-view] [data-coding-id]")].map((e) => e.getAttribute("data-coding-id"))).size);
  const saving = () => app.page.getByTestId("codings-saving");
  const meta = () => app.page.getByTestId("document-meta").textContent();
  /** The codebook's count on the row of the code key 1 applies. */
  const keyOneCount = () => app.page.locator('[data-testid="code-row"]', { has: app.page.locator('[data-testid="code-shortcut"]', { hasText: /^1$/ }) }).getByTestId("code-count").textContent();

  async function codeByKey(quote: string) {
    await dragSelect(app.page, quote);
    await app.page.locator('[data-testid="selection-bar"].active').waitFor();
    await app.page.keyboard.press("1");
    await expect.poll(() => held.length).toBe(1);
  }

  it("draws the coding while its save is held, says it is saving, and stops saying so once saved", async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    expect(await drawn()).toBe(1);
    const textTop = () => page.locator("[data-document-view] .ProseMirror p").first().evaluate((p) => p.getBoundingClientRect().top);
    const top = await textTop();
    const countBefore = await keyOneCount();
    await codeByKey("kerja sama");
    // Drawn while the backend has not even received it.
    await expect.poll(drawn).toBe(2);
    await expect.poll(() => saving().textContent()).toBe("Menyimpan…");
    await expect.poll(() => saving().isVisible()).toBe(true);
    // The note takes no room: the text under the mouse stays where it was.
    expect(await textTop()).toBe(top);
    await screenshot(page, "saving-coding-id-1366");
    await page.getByTestId("language").selectOption("en");
    await expect.poll(() => saving().textContent()).toBe("Saving…");
    // The counts are of what is saved, the header's as the codebook's: both leave the held coding out.
    expect(await meta()).toBe("1 coding · 1 paragraph");
    expect(await keyOneCount()).toBe(countBefore);
    await page.setViewportSize(SCREENS.small);
    await screenshot(page, "saving-coding-en-1024");
    await page.setViewportSize(SCREENS.laptop);
    await held.shift()!.continue();
    await saving().waitFor({ state: "detached" });
    expect(await drawn()).toBe(2);
    // One paragraph, not "1 paragraphs" (the count of codings chose the plural of both).
    expect(await meta()).toBe("2 codings · 1 paragraph");
    expect(Number(await keyOneCount())).toBe(Number(countBefore) + 1);
    // Saved: the backend has it, so a fresh open draws it too.
    await page.reload();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    await expect.poll(drawn).toBe(2);
  });

  it("hides a coding as it is removed, and it stays removed once saved", async () => {
    const { page } = app;
    await page.locator("[data-document-view] [data-coding-id]", { hasText: "kerja sama" }).first().click();
    const popover = page.getByTestId("coding-popover");
    await popover.getByTestId("remove-coding").click();
    await expect.poll(() => held.length).toBe(1);
    // Gone while the backend has not received the removal, and its popover with it (a second × would fail).
    await expect.poll(drawn).toBe(1);
    await popover.waitFor({ state: "detached" });
    await expect.poll(() => saving().isVisible()).toBe(true);
    await held.shift()!.continue();
    await saving().waitFor({ state: "detached" });
    await page.reload();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    await expect.poll(drawn).toBe(1);
  });

  it("shows a stance as it is chosen, and takes it back if its save fails", async () => {
    const { page } = app;
    const dashed = () => page.locator(".tandai-stripe.contradicts").count();
    const popover = page.getByTestId("coding-popover");
    const stance = popover.getByTestId("coding-stance");
    await page.locator("[data-document-view] [data-coding-id]").first().click();
    expect(await stance.inputValue()).toBe("supports");
    expect(await dashed()).toBe(0);
    await stance.selectOption("contradicts");
    await expect.poll(() => held.length).toBe(1);
    // Chosen, drawn and shown while the backend has not received it (the select no longer snaps back).
    expect(await stance.inputValue()).toBe("contradicts");
    await expect.poll(dashed).toBe(1);
    await expect.poll(() => saving().isVisible()).toBe(true);
    await held.shift()!.continue();
    await saving().waitFor({ state: "detached" });
    expect(await stance.inputValue()).toBe("contradicts");
    expect(await dashed()).toBe(1);
    // Refused: back to what is saved, and the error says so.
    await stance.selectOption("supports");
    await expect.poll(() => held.length).toBe(1);
    // The stripes redraw in the frame after the stance changes, which may come after the request has left.
    await expect.poll(dashed).toBe(0);
    await held.shift()!.abort("connectionfailed");
    await page.getByTestId("error-banner").waitFor();
    await expect.poll(() => stance.inputValue()).toBe("contradicts");
    await expect.poll(dashed).toBe(1);
    await page.keyboard.press("Escape");
    await page.reload();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    await expect.poll(dashed).toBe(1);
  });

  it("takes back a coding whose save failed, and says so", async () => {
    const { page } = app;
    await codeByKey("didorong");
    await expect.poll(drawn).toBe(2);
    await held.shift()!.abort("connectionfailed");
    await page.getByTestId("error-banner").waitFor();
    await saving().waitFor({ state: "detached" });
    expect(await drawn()).toBe(1);
    await page.reload();
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    await expect.poll(drawn).toBe(1);
  });
});
