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
    // One paragraph, not "1 paragraphs" (the count of codings chose the plural of both).
    expect(await page.getByTestId("document-meta").textContent()).toBe("2 codings · 1 paragraph");
    await page.setViewportSize(SCREENS.small);
    await screenshot(page, "saving-coding-en-1024");
    await page.setViewportSize(SCREENS.laptop);
    await held.shift()!.continue();
    await saving().waitFor({ state: "detached" });
    expect(await drawn()).toBe(2);
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
