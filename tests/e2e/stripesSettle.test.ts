import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveBenchPage } from "./benchPage.js";
import { launchBrowser, newPage } from "./harness.js";

/**
 * After a dense document opens, its stripes are drawn twice: the first screen's bars in the open's
 * frame, then the rest of those sections in an idle moment. Nothing else may tear them down and
 * draw them again: a ResizeObserver's first report of each element it starts watching, and an
 * IntersectionObserver's first report of the sections already drawn, once each redrew every bar.
 */
describe("the coding stripes after a dense document opens", () => {
  let browser: Browser;
  let page: Page;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ server, origin } = await serveBenchPage());
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  it("draws each bar of the first screen's sections once more at most (the idle completion), then leaves them", async () => {
    // Each batch of bars added or removed, as the page's own MutationObserver sees it.
    await page.addInitScript(() => {
      const log: [number, number][] = [];
      (window as unknown as { stripeLog: typeof log }).stripeLog = log;
      new MutationObserver((records) => {
        let added = 0;
        let removed = 0;
        for (const r of records) {
          for (const n of r.addedNodes) if ((n as Element).classList?.contains("tandai-stripe")) added++;
          for (const n of r.removedNodes) if ((n as Element).classList?.contains("tandai-stripe")) removed++;
        }
        if (added || removed) log.push([added, removed]);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${origin}/bench/index.html?chars=50000&codings=1000&codes=20&seed=1&measure=0`);
    await page.waitForFunction(() => (window as unknown as { __benchResult?: unknown }).__benchResult);
    const log = () => page.evaluate(() => (window as unknown as { stripeLog: [number, number][] }).stripeLog);
    // The open's bars, then the completion (it removes the section's first bars and draws it whole).
    await expect.poll(async () => (await log()).some(([added, removed]) => removed > 0 && added > removed)).toBe(true);
    // Long enough for every observer's first reports (they came within 400 ms): two idle moments
    // after twenty frames, each waited for, not a fixed sleep.
    await page.evaluate(async () => {
      for (let i = 0; i < 20; i++) await new Promise(requestAnimationFrame);
      for (let i = 0; i < 2; i++) await new Promise((ok) => requestIdleCallback(ok));
    });
    const batches = await log();
    expect(batches[0]![1]).toBe(0);
    expect(batches.filter(([, removed]) => removed > 0)).toHaveLength(1);
    expect(await page.locator(".tandai-stripe").count()).toBe(batches.reduce((n, [added, removed]) => n + added - removed, 0));
  });
});
