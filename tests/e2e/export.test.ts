import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, launchBrowser, newPage, screenshot, TandaiServer } from "./harness.js";

const run = promisify(execFile);

/**
 * The export dialog end to end, in Chromium against `tandai serve` (which writes into the project's
 * `exports` folder): a project built with the CLI (two cases, Keating's framework), an English Word
 * report of one case read back with JSZip, and an Excel workbook read back with ExcelJS, from an
 * Indonesian interface; then the dialog in English.
 */
const interview = [
  "Pewawancara: Apa motif kerja sama dengan Ba Ria-Vung Tau?",
  "Narasumber: Tujuan utamanya membuka pasar ekspor perikanan bagi nelayan Padang.",
  "Narasumber: Jujur saja, kerja sama ini tidak ada kaitannya dengan budaya atau sejarah bersama.",
  "Narasumber: Izin dari Kementerian Luar Negeri terlambat hampir setahun.",
].join("\n");
const busan = [
  "Notes from the Surabaya city hall, 2019.",
  "The Busan port authority signed a memorandum on shipping routes.",
  "Officials spoke of a shared maritime heritage between the two ports.",
].join("\n");

const PADANG = "Padang – Ba Ria-Vung Tau";
const SURABAYA = "Surabaya – Busan";
const PADANG_QUOTE = "membuka pasar ekspor perikanan";
const BUSAN_QUOTE = "Busan port authority signed a memorandum";

describe.sequential("exporting from the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let codings: number;
  const cli = async (...args: string[]) => (await run(process.execPath, ["bin/tandai.js", ...args], { env: server.env })).stdout;
  const dialog = () => page.getByTestId("export-dialog");
  const progress = () => dialog().getByTestId("export-progress");

  beforeAll(async () => {
    server = await TandaiServer.create();
    dir = join(server.root, "export-project");
    const interviewFile = join(server.root, "Wawancara Bappeda Padang.txt");
    const busanFile = join(server.root, "Catatan Surabaya Busan.txt");
    await writeFile(interviewFile, interview);
    await writeFile(busanFile, busan);
    await cli("new", dir, "--name", "Paradiplomasi kota kembar");
    await cli("import", dir, interviewFile, busanFile);
    await cli("framework", "add", dir, "keating", "--lang", "en");
    await cli("case", "add", dir, PADANG, "--doc", "Wawancara Bappeda Padang");
    await cli("case", "add", dir, SURABAYA, "--doc", "Catatan Surabaya Busan");
    const code = (doc: string, quote: string, codeName: string, stance = "supports") => cli("code", dir, "--doc", doc, "--quote", quote, "--code", codeName, "--stance", stance);
    await code("Wawancara Bappeda Padang", PADANG_QUOTE, "keating.economic");
    await code("Wawancara Bappeda Padang", "tidak ada kaitannya dengan budaya atau sejarah bersama", "keating.cultural", "contradicts");
    await code("Wawancara Bappeda Padang", "Izin dari Kementerian Luar Negeri terlambat", "Hambatan");
    await code("Catatan Surabaya Busan", BUSAN_QUOTE, "keating.economic");
    await code("Catatan Surabaya Busan", "shared maritime heritage", "keating.cultural");
    codings = (JSON.parse(await cli("info", dir, "--json")) as { codings: number }).codings;
    await server.start([dir]);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  it("opens the export dialog from the top bar, in Indonesian, with every case, framework and top-level code ticked", async () => {
    expect(codings).toBe(5);
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await expect.poll(() => page.getByTestId("export-open").textContent()).toBe("Ekspor…");
    await page.getByTestId("export-open").click();
    await dialog().waitFor();
    expect(await dialog().locator("h2").textContent()).toBe("Ekspor");
    expect(await page.getByTestId("export-language").inputValue()).toBe("id");
    expect(await page.getByTestId("export-case").getByRole("checkbox").count()).toBe(2);
    expect(await page.getByTestId("export-case").getByLabel(PADANG).isChecked()).toBe(true);
    expect(await page.getByTestId("export-framework").getByRole("checkbox").count()).toBe(1);
    await screenshot(page, "13-export-dialog-id");
  });

  it("exports an English Word report of one case into the project's exports folder", async () => {
    await page.getByTestId("export-case").getByLabel(SURABAYA).uncheck();
    await page.getByTestId("export-language").selectOption("en");
    expect(await page.getByTestId("export-format").inputValue()).toBe("docx");

    // Hold the first status answer a moment (the job itself runs at full speed) to see the bar.
    let held = false;
    await page.route("**/api/exportStatus", async (route) => {
      if (!held) {
        held = true;
        await new Promise((ok) => setTimeout(ok, 1500));
      }
      await route.continue();
    });
    await page.getByTestId("export-start").click();
    await progress().getByTestId("export-cancel").waitFor();
    expect(await progress().getAttribute("data-state")).toMatch(/starting|running/);
    // While it runs the dialog cannot be closed.
    expect(await page.getByTestId("export-close").isDisabled()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await dialog().isVisible()).toBe(true);
    await screenshot(page, "13-export-progress-id");

    await expect.poll(() => progress().getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    await page.unroute("**/api/exportStatus");
    const result = progress().getByTestId("export-result");
    const path = (await result.getAttribute("data-path"))!;
    expect(await result.textContent()).toMatch(new RegExp(`^Tersimpan di ${escape(path)} \\(\\d+(,\\d)? KB\\)$`));
    expect(dirname(path)).toBe(join(dir, "exports"));
    expect(basename(path)).toMatch(/\.docx$/);
    await screenshot(page, "13-export-done-id");

    // The browser cannot open the server's folder: the link beside the path downloads the file.
    const link = progress().getByTestId("export-download");
    expect(await link.textContent()).toBe(`Unduh ${basename(path)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(basename(path));
    expect((await readFile((await download.path())!)).equals(await readFile(path))).toBe(true);

    const xml = await (await JSZip.loadAsync(await readFile(path))).file("word/document.xml")!.async("string");
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain(PADANG);
    expect(xml).toContain(PADANG_QUOTE);
    // One case chosen: the other case's passages are not in it.
    expect(xml).not.toContain(BUSAN_QUOTE);
    // The report is in English whatever the interface says.
    expect(xml).toContain("Coded summary");
    // Written atomically: no temp file beside it.
    expect((await readdir(dirname(path))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("exports every coding to an Excel workbook", async () => {
    await page.getByTestId("export-case").getByLabel(SURABAYA).check();
    await page.getByTestId("export-kind-table").click();
    expect(await page.getByTestId("export-format").inputValue()).toBe("xlsx");
    // A CSV file holds one table, so the table is asked for only then.
    expect(await page.getByTestId("export-table").count()).toBe(0);
    await page.getByTestId("export-format").selectOption("csv");
    await page.getByTestId("export-table").selectOption("codeCase");
    await screenshot(page, "13-export-table-id");
    await page.getByTestId("export-format").selectOption("xlsx");
    await page.getByTestId("export-start").click();
    await expect.poll(async () => (await progress().getAttribute("data-state")) === "done" && (await progress().getByTestId("export-result").getAttribute("data-path"))?.endsWith(".xlsx"), { timeout: 30_000 }).toBe(true);
    const path = (await progress().getByTestId("export-result").getAttribute("data-path"))!;
    expect(dirname(path)).toBe(join(dir, "exports"));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Codings");
    // A header row and one row per coding.
    expect(sheet.actualRowCount).toBe(1 + codings);
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells.some((v) => v.includes(PADANG_QUOTE))).toBe(true);
    expect(cells.some((v) => v.includes(BUSAN_QUOTE))).toBe(true);
    await page.getByTestId("export-close").click();
    await dialog().waitFor({ state: "detached" });
  });

  it("saves a chart as PNG from the charts view, its progress and result in a corner toast", async () => {
    await page.getByTestId("charts-toggle").click();
    await page.getByTestId("chart-heatmap-png").click();
    const toast = page.getByTestId("export-toast");
    await expect.poll(() => toast.getByTestId("export-progress").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    const path = (await toast.getByTestId("export-result").getAttribute("data-path"))!;
    expect(dirname(path)).toBe(join(dir, "exports"));
    // A PNG file: its signature.
    expect([...(await readFile(path)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await screenshot(page, "13-export-chart-toast-id");
    const [download] = await Promise.all([page.waitForEvent("download"), toast.getByTestId("export-download").click()]);
    expect((await readFile((await download.path())!)).equals(await readFile(path))).toBe(true);
    await toast.getByTestId("export-dismiss").click();
    await toast.waitFor({ state: "detached" });
    await page.getByTestId("document-toggle").click();
  });

  it("speaks English when the interface does", async () => {
    await page.getByTestId("language").selectOption("en");
    await expect.poll(() => page.getByTestId("export-open").textContent()).toBe("Export…");
    await page.getByTestId("export-open").click();
    await dialog().waitFor();
    expect(await page.getByTestId("export-language").inputValue()).toBe("en");
    expect(await page.getByTestId("export-start").textContent()).toBe("Export");
    await screenshot(page, "13-export-dialog-en");
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
