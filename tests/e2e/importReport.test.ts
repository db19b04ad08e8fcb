import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, TandaiServer } from "./harness.js";

/**
 * The import report's choices, in Chromium against `tandai serve`: a text file read in an assumed
 * encoding is read again in the one the user picks (replacing the first import), and a file whose
 * text is already in the project asks "import anyway / skip".
 */
const KOI8R = Buffer.from("f0d2c9d7c5d42c20d120d3d4d5c4c5ced420c9da20e9cec4cfcec5dac9c92e", "hex");

describe.sequential("the import report", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  const titles = () => page.locator('[data-testid="document-row"] .title').allTextContents();

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
  });

  afterAll(() => closeApp({ server, browser }));

  it("says which encoding was assumed and imports again in the one chosen, as one document", async () => {
    const before = (await titles()).length;
    await page.getByTestId("import-input").setInputFiles([{ name: "rusia.txt", mimeType: "text/plain", buffer: KOI8R }]);
    const report = page.getByTestId("import-report");
    await report.waitFor();
    expect(await report.getByTestId("import-notice").textContent()).toContain("KOI8-R");
    expect(await report.getByTestId("import-encoding").inputValue()).toBe("koi8-r");
    await screenshot(page, "import-01-encoding-assumed");

    await report.getByTestId("import-encoding").click();
    await report.getByTestId("import-encoding").selectOption("windows-1251");
    await report.getByTestId("import-again").click();
    await expect.poll(() => report.getByTestId("import-notice").count()).toBe(0);
    expect(await report.getByTestId("import-encoding").inputValue()).toBe("windows-1251");
    await screenshot(page, "import-02-imported-again");
    await report.getByTestId("confirm").click();
    expect((await titles()).filter((t) => t === "rusia")).toHaveLength(1);
    expect(await titles()).toHaveLength(before + 1);
  });

  it("asks before importing a file whose text is already in the project: skip, or import anyway", async () => {
    const text = Buffer.from("P: Bagaimana kerja sama dimulai?\nN: Dari kunjungan wali kota.\n");
    await page.getByTestId("import-input").setInputFiles([{ name: "asli.txt", mimeType: "text/plain", buffer: text }]);
    await page.getByTestId("import-report").getByTestId("confirm").click();
    const before = (await titles()).length;

    await page.getByTestId("import-input").setInputFiles([
      { name: "salinan.txt", mimeType: "text/plain", buffer: text },
      { name: "salinan-2.txt", mimeType: "text/plain", buffer: text },
    ]);
    const report = page.getByTestId("import-report");
    await expect.poll(() => report.getByTestId("import-failed").count()).toBe(2);
    expect(await report.getByTestId("import-failed").first().textContent()).toContain("“asli”");
    await screenshot(page, "import-03-duplicate-asks");
    await report.getByTestId("import-skip").first().click();
    await report.getByTestId("import-skipped").waitFor();
    await report.getByTestId("import-anyway").click();
    await expect.poll(() => report.getByTestId("import-ok").count()).toBe(1);
    // Plain UTF-8 is not in doubt: no encoding choice clutters its line.
    expect(await report.getByTestId("import-encoding").count()).toBe(0);
    await screenshot(page, "import-04-duplicate-answered");
    await report.getByTestId("confirm").click();
    expect(await titles()).toHaveLength(before + 1);
    expect(await titles()).toContain("salinan-2");
  });
});
