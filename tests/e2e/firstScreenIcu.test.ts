import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, screenshot, servedLargeProject, type App } from "./harness.js";

const FIRST_USABLE = "[data-document-view] [data-coding-id]";

/**
 * In the page before its scripts: records each use of an ICU service (a page's first collation, or
 * number or date format, loads ICU data: the first collation 7–16 ms on this machine) until the
 * first usable screen is in the DOM, with the caller's frame.
 */
function recordIcu(selector: string): void {
  const w = window as unknown as { __icu: string[] };
  w.__icu = [];
  let drawn = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      drawn = true;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const note = (name: string) => {
    if (!drawn) w.__icu.push(`${name} ${(new Error().stack ?? "").split("\n")[3]?.trim() ?? ""}`);
  };
  const wrapMethod = (owner: object, name: string, label: string) => {
    const original = (owner as Record<string, (...args: unknown[]) => unknown>)[name]!;
    Object.defineProperty(owner, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        note(label);
        return original.apply(this, args);
      },
    });
  };
  wrapMethod(String.prototype, "localeCompare", "localeCompare");
  wrapMethod(Number.prototype, "toLocaleString", "Number.toLocaleString");
  for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) wrapMethod(Date.prototype, name, `Date.${name}`);
  const intl = Intl as unknown as Record<string, new (...args: unknown[]) => object>;
  // Not PluralRules: i18next makes one for "n codings", and its first costs 0.3–1.3 ms here
  // (docs/PERFORMANCE.md, 2026-12-02 "the thesis project's first render": not worth doing without).
  for (const name of ["Collator", "NumberFormat", "DateTimeFormat", "Segmenter", "ListFormat", "RelativeTimeFormat", "DisplayNames"]) {
    const Original = intl[name];
    if (!Original) continue;
    intl[name] = new Proxy(Original, {
      construct(target, args) {
        note(`Intl.${name}`);
        return Reflect.construct(target, args);
      },
    });
  }
}

/**
 * The first screen of a thesis-like project uses no ICU service (docs/ARCHITECTURE.md, "The cold
 * start"): the document list and codebook sort without `localeCompare` where the proven ASCII
 * collation gives its order.
 */
describe("the first screen asks nothing of ICU but plural rules", () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
    await servedLargeProject(app, { name: "Skripsi", documents: 12, perDocument: 20, codes: 6, firstAt: 20 });
  });
  afterAll(() => closeApp(app));

  async function coldStart(browser: Browser, locale: string): Promise<{ page: Page; icu: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale });
    const page = await context.newPage();
    await page.addInitScript(recordIcu, FIRST_USABLE);
    await page.goto(app.server.url);
    await page.locator(FIRST_USABLE).first().waitFor();
    return { page, icu: await page.evaluate(() => (window as unknown as { __icu: string[] }).__icu) };
  }

  for (const [locale, language, documents] of [
    ["id-ID", "id", "Dokumen"],
    ["en-US", "en", "Documents"],
  ] as const) {
    it(`in ${language}: documents and codes in ICU's order, counts with their plural forms`, async () => {
      const { page, icu } = await coldStart(app.browser, locale);
      expect(icu).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect.poll(() => page.getByTestId("documents").locator(".panel-title").textContent()).toContain(documents);
      // The order ICU gives, checked with ICU once the screen is drawn.
      const titles = await page.locator('[data-testid="document-row"] .title').allTextContents();
      expect(titles).toHaveLength(12);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
      const codes = await page.locator('[data-testid="code-row"] .code-name').allTextContents();
      expect(codes).toEqual(["Tema 1", "Tema 2", "Tema 3", "Tema 4", "Tema 5", "Tema 6"]);
      const count = await page.locator('[data-testid="document-row"] .count').first().getAttribute("title");
      expect(count).toBe(language === "en" ? "20 codings" : "20 pengodean");
      await screenshot(page, `first-screen-${language}-1366x768`);
      // The rows' words are made once per language: switching it redraws every row in the other one.
      const other = language === "en" ? "id" : "en";
      await page.getByTestId("language").selectOption(other);
      const firstRow = page.locator('[data-testid="document-row"]').first();
      await expect.poll(() => firstRow.locator(".count").getAttribute("title")).toBe(other === "en" ? "20 codings" : "20 pengodean");
      const more = await page.locator('[data-testid="document-more"]').last().getAttribute("aria-label");
      expect(more).toContain(titles[titles.length - 1]!);
      expect(more).toMatch(other === "en" ? /^Actions for/ : /^Tindakan/);
      await page.context().close();
    });
  }
});
