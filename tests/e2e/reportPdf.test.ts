import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParagraphIndex } from "../../electron/export/paragraphs.js";
import { runExport } from "../../electron/export/run.js";
import { ExportRequest } from "../../shared/index.js";
import { exportFixture } from "../shared/exportFixture.js";
import { launchBrowser, SCREENSHOTS } from "./harness.js";

/**
 * The desktop app's PDF is the HTML report printed by Chromium (Electron's printToPDF, in
 * electron/printPdf.ts). Electron cannot run here, so the same HTML is printed by the same engine
 * with the same options through Playwright, and the PDF is read back and turned into page images.
 */
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tandai-report-pdf-"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the HTML report printed to PDF by Chromium", () => {
  it("keeps the headings, the quotes verbatim with their citations, and the charts", async () => {
    const fx = exportFixture();
    const html = join(dir, "laporan.html");
    const request = ExportRequest.parse({ kind: "report", format: "html", language: "id", include: { codebook: true, memos: true, charts: true, quotesPerItem: null } });
    await runExport({ state: fx.state, readDocumentContent: fx.read }, request, html, { paragraphs: new ParagraphIndex() });

    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href);
    const pdf = join(dir, "laporan.pdf");
    // The options electron/printPdf.ts gives printToPDF.
    await page.pdf({ path: pdf, format: "A4", printBackground: true, outline: true });
    await page.close();

    const text = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).normalize("NFC");
    const flat = text.replace(/\s+/g, " ");
    // pdftotext may drop the space where the font changes (Hangul to Latin): compare those without spaces.
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(flat).toContain("Ringkasan pengodean: Padang – Ba Ria-Vung Tau");
    expect(flat).toContain("Surabaya – Busan (부산) — Motif paradiplomasi (Keating)");
    for (const quote of Object.values(fx.quotes)) expect(squash(text)).toContain(squash(quote));
    expect(flat).toContain("Wawancara Bappeda Padang, Padang – Bà Rịa–Vũng Tàu, par. 2; dikode oleh Rani");
    expect(flat).toContain("Walikota menyebutnya dalam pidato 2019.");
    // The charts are drawn: their titles are text inside the SVG.
    expect(flat).toContain("Frekuensi kode per kasus");

    await mkdir(SCREENSHOTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "3", pdf, join(SCREENSHOTS, "report-pdf-page")]);
  });
});
