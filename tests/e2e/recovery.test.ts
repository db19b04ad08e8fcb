import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, launchBrowser, newPage, screenshot, TandaiServer } from "./harness.js";

/** What the app does when things go wrong: a damaged project file, a project open twice, files dropped on the window. */
describe.sequential("recovery in Tandai", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;

  const tandai = (args: string[]) => server.cli(...args, "--lang", "en");

  beforeAll(async () => {
    server = await TandaiServer.create();
    dir = await server.codedProject();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  it("names a damaged project file, leaves it untouched, and opens the last good backup on request", async () => {
    const file = join(dir, "project.json");
    await writeFile(file, '{"format": 1, "seq": 3, "state": {"trunc');
    await server.start();
    await page.goto(server.url);
    const banner = page.getByTestId("error-banner");
    await banner.waitFor();
    expect(await banner.getAttribute("data-error-code")).toBe("store.errors.corrupt");
    expect(await banner.textContent()).toContain(file);
    await page.getByTestId("welcome").waitFor();
    await screenshot(page, "09-damaged-project");
    expect(await readFile(file, "utf8")).toBe('{"format": 1, "seq": 3, "state": {"trunc');

    await page.getByTestId("restore-backup").click();
    await page.getByTestId("workspace").waitFor();
    expect(await page.getByTestId("project-name").textContent()).toBe("Tesis");
    await expect.poll(() => page.locator('[data-testid="document-row"] .count').textContent()).toBe("1");
  });

  it("refuses a second program opening the same project, naming it", async () => {
    const second = await tandai(["info", dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("is already open in another Tandai window or program");
  });

  it("imports files dropped onto the window", async () => {
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["Pewawancara: Apa hambatannya?\nNarasumber: Anggaran terbatas."], "dijatuhkan.txt", { type: "text/plain" }));
      const target = document.querySelector('[data-testid="workspace"]')!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const report = page.getByTestId("import-report");
    await report.waitFor();
    expect(await report.getByTestId("import-ok").textContent()).toContain("dijatuhkan.txt");
    await report.getByTestId("confirm").click();
    await expect.poll(() => page.getByTestId("document-row").count()).toBe(2);
  });
});
