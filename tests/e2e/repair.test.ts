import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, launchBrowser, newPage, pointCodingNowhere, SCREENS, screenshot, TandaiServer } from "./harness.js";

/** A project.json that contradicts itself: beside "open the backup", the app offers the repair and shows what it will change. */
describe.sequential("repairing a project file that contradicts itself", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let file: string;
  let damaged: string;
  let codingId: string;


  beforeAll(async () => {
    server = await TandaiServer.create();
    dir = await server.codedProject();
    file = join(dir, "project.json");
    await server.run("code", dir, "--doc", "wawancara", "--quote", "kerja sama", "--code", "Motif/Ekonomi");
    // An edit by hand, without the checksum: one coding points to a document that is gone.
    ({ damaged, codingId } = await pointCodingNowhere(file));
    await server.start();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  it("shows each change before writing, in both languages and at 1024×768 and 1366×768; Cancel changes nothing", async () => {
    for (const [language, size] of [
      ["id", SCREENS.small],
      ["en", SCREENS.laptop],
    ] as const) {
      await page.setViewportSize(size);
      await page.goto(server.url);
      const banner = page.getByTestId("error-banner");
      await banner.waitFor();
      expect(await banner.getAttribute("data-error-code")).toBe("store.errors.integrity");
      const switcher = page.getByTestId("language");
      if ((await switcher.inputValue()) !== language) {
        await switcher.selectOption(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      }
      await page.getByTestId("repair-project").waitFor();
      await screenshot(page, `repair-banner-${language}-${size.width}x${size.height}`);
      await page.getByTestId("repair-project").click();
      const dialog = page.getByTestId("repair-plan");
      await dialog.waitFor();
      const change = dialog.getByTestId("repair-change");
      expect(await change.count()).toBe(1);
      expect(await change.getAttribute("data-kind")).toBe("dropCoding");
      expect(await change.textContent()).toContain(`codings.${codingId}.documentId = “dGone1234”`);
      expect(await change.textContent()).toContain(language === "en" ? "the coding is removed" : "pengodean ini dihapus");
      await screenshot(page, `repair-plan-${language}-${size.width}x${size.height}`);
      await page.getByTestId("repair-cancel").click();
      await dialog.waitFor({ state: "detached" });
      expect(await readFile(file, "utf8")).toBe(damaged);
    }
  });

  it("repairs on request: the damaged file is kept, the project opens with the intact coding", async () => {
    await page.getByTestId("repair-project").click();
    await page.getByTestId("repair-plan").waitFor();
    await page.getByTestId("repair-confirm").click();
    await page.getByTestId("workspace").waitFor();
    expect(await page.getByTestId("project-name").textContent()).toBe("Tesis");
    await expect.poll(() => page.locator('[data-testid="document-row"] .count').textContent()).toBe("1");
    const kept = (await readdir(dir)).find((n) => n.startsWith("project.json.broken-"));
    expect(kept).toBeDefined();
    expect(await readFile(join(dir, kept!), "utf8")).toBe(damaged);
  });
});
