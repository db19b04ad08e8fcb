import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, servedLargeProject, screenshot, selectText, type App } from "./harness.js";

const DOCUMENTS = 60;
const PER_DOCUMENT = 500;
const CODES = 4;
/** Codings of code i (1-based) per document: round robin over the document's codings. */
const perCode = (i: number) => DOCUMENTS * Math.ceil((PER_DOCUMENT - (i - 1)) / CODES);

/**
 * Issue 13's two-step open, in the real app: a 60-document project with 30,000 codings opens with
 * the first document's codings and the backend's counts, and the rest load in the background. The
 * background requests are held at the page's network layer (nothing of the app is replaced) so the
 * loading state can be seen, coded through and photographed, then let go.
 */
describe("a large project opens on its first document while the rest of the codings load", () => {
  let app: App;
  const held: Route[] = [];
  let holding = true;

  beforeAll(async () => {
    app = await openApp();
    await servedLargeProject(app, { name: "Besar", documents: DOCUMENTS, perDocument: PER_DOCUMENT, codes: CODES, firstAt: 20 });
    await app.page.route("**/api/codingsOf", (route) => (holding ? held.push(route) : route.continue()));
  });
  afterAll(() => closeApp(app));

  /** Lets the held background requests through, one round at a time, until one more is asked for. */
  async function release(page: Page, count = Infinity) {
    for (let i = 0; i < count && held.length; i++) await held.shift()!.continue();
    await page.waitForTimeout(0);
  }

  const codeCount = (page: Page, name: string) => page.locator(`[data-testid="code-row"]:has-text("${name}") [data-testid="code-count"]`).first().textContent();

  it("draws the first document coded, counts every document and code from the backend, and says how far the rest is", async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    // The mirror asks for the rest; held, so the first screen is all it has.
    await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="document-row"] .count');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(DOCUMENTS);
    expect(new Set(await rows.allTextContents())).toEqual(new Set([String(PER_DOCUMENT)]));
    expect(await codeCount(page, "Tema 1")).toBe(String(perCode(1)));
    // Charts need every coding: the progress, not a chart of the first document only.
    await page.getByTestId("charts-toggle").click();
    await expect.poll(() => page.getByTestId("codings-loading").textContent(), { timeout: 15_000 }).toMatch(/^Memuat pengodean… \d+ %$/);
    expect(await page.getByTestId("codings-loading").textContent()).toBe(`Memuat pengodean… ${Math.floor(100 / DOCUMENTS)} %`);
    await screenshot(page, "two-step-open-loading-id-1366");
    await page.getByTestId("language").selectOption("en");
    await expect.poll(() => page.getByTestId("codings-loading").textContent(), { timeout: 15_000 }).toMatch(/^Loading codings… \d+ %$/);
    await screenshot(page, "two-step-open-loading-en-1366");
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, "two-step-open-loading-en-1024");
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId("document-toggle").click();
  });

  it("codes the open document while the rest loads", async () => {
    const { page } = app;
    const view = page.locator("[data-document-view] [data-coding-id]");
    const before = await codeCount(page, "Tema 2");
    await selectText(page, "pertukaran budaya", 3);
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    const key = await page.locator('[data-testid="quick-code"]:has-text("Tema 2") kbd').textContent();
    await page.keyboard.press(key!);
    await expect.poll(() => codeCount(page, "Tema 2"), { timeout: 15_000 }).toBe(String(Number(before) + 1));
    expect(await view.count()).toBeGreaterThan(0);
  });

  it("fetches a document opened before its codings arrived first, alone", async () => {
    const { page } = app;
    const last = page.locator('[data-testid="document-row"]').last();
    const id = await last.getAttribute("data-document-id");
    await last.click();
    await expect.poll(() => page.getByTestId("document-codings-loading").count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, "two-step-open-document-loading-en-1366");
    // What the mirror asked for once the document was opened: that document alone.
    await expect.poll(() => held.some((route) => JSON.stringify(route.request().postDataJSON()) === JSON.stringify({ documents: [id] })), { timeout: 15_000 }).toBe(true);
    holding = false;
    await release(page);
    await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
    expect(await page.getByTestId("document-codings-loading").count()).toBe(0);
  });

  it("once every coding is in, the charts show and the counts are the same", async () => {
    const { page } = app;
    await release(page);
    await page.getByTestId("charts-toggle").click();
    await expect.poll(() => page.getByTestId("codings-loading").count(), { timeout: 60_000 }).toBe(0);
    expect(await codeCount(page, "Tema 1")).toBe(String(perCode(1)));
    expect(await codeCount(page, "Tema 2")).toBe(String(perCode(2) + 1));
    await screenshot(page, "two-step-open-loaded-en-1366");
  });
});
