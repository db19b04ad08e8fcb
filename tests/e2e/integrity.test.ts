import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, launchBrowser, newPage, screenshot, TandaiServer } from "./harness.js";

/** A project.json damaged by hand (a coding whose document is gone): the app names it and offers the backup. */
describe.sequential("a project file that contradicts itself", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;

  const tandai = (args: string[]) => server.cli(...args, "--lang", "en");

  beforeAll(async () => {
    server = await TandaiServer.create();
    dir = join(server.root, "tesis");
    const transcript = join(server.root, "wawancara.txt");
    await writeFile(transcript, "Narasumber: kerja sama ini didorong oleh motif ekonomi.\n");
    expect((await tandai(["new", dir, "--name", "Tesis"])).code).toBe(0);
    expect((await tandai(["import", dir, transcript])).code).toBe(0);
    expect((await tandai(["code", dir, "--doc", "wawancara", "--quote", "motif ekonomi", "--code", "Motif/Ekonomi"])).code).toBe(0);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  it("is named with the place that is wrong, left untouched, and the last good backup opens on request", async () => {
    const file = join(dir, "project.json");
    // An edit by hand: without the checksum (as a file from before checksums), a coding pointing nowhere.
    const json = JSON.parse((await readFile(file, "utf8")).replace(/,"crc":"[0-9a-f]{8}"\}\n$/, "}\n"));
    const codingId = Object.keys(json.state.codings)[0]!;
    json.state.codings[codingId].documentId = "dGone1234";
    const damaged = JSON.stringify(json);
    await writeFile(file, damaged);

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
