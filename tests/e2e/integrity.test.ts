import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, launchBrowser, newPage, pointCodingNowhere, screenshot, TandaiServer } from "./harness.js";

/** A project.json damaged by hand (a coding whose document is gone): the app names it and offers the backup. */
describe.sequential("a project file that contradicts itself", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;


  beforeAll(async () => {
    server = await TandaiServer.create();
    dir = await server.codedProject();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  it("is named with the place that is wrong, left untouched, and the last good backup opens on request", async () => {
    const file = join(dir, "project.json");
    // An edit by hand: without the checksum (as a file from before checksums), a coding pointing nowhere.
    const { damaged, codingId } = await pointCodingNowhere(file);

    await server.start();
    await page.goto(server.url);
    const banner = page.getByTestId("error-banner");
    await banner.waitFor();
    expect(await banner.getAttribute("data-error-code")).toBe("store.errors.integrity");
    expect(await banner.textContent()).toContain(file);
    expect(await banner.textContent()).toContain(`codings.${codingId}.documentId`);
    await page.getByTestId("restore-backup").waitFor();
    await screenshot(page, "integrity-damaged-project");
    expect(await readFile(file, "utf8")).toBe(damaged);

    await page.getByTestId("restore-backup").click();
    await page.getByTestId("workspace").waitFor();
    expect(await page.getByTestId("project-name").textContent()).toBe("Tesis");
    await expect.poll(() => page.locator('[data-testid="document-row"] .count').textContent()).toBe("1");
  });
});
