import { execFile, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { reportToDocx } from "../../electron/export/docx.js";
import { SAMPLE, sampleReport } from "../electron/export/sampleReport.js";

const run = promisify(execFile);

/**
 * Where the page images go for a person to look at, as docx-page-1.png, …: flat in
 * tests/e2e/screenshots, which CI keeps and .gitignore covers (only *.png directly in it).
 */
const SCREENSHOTS = join(import.meta.dirname, "screenshots");
const PAGE_PREFIX = "docx-page";

/**
 * Fails, rather than skips, without the tools: a rendering check that quietly doesn't run is one
 * nobody notices is missing. CI installs them (.ci/run).
 */
function requireTool(command: string, args: string[], debianPackage: string): void {
  const probe = spawnSync(command, args, { stdio: "ignore", timeout: 60_000 });
  if (probe.error) {
    throw new Error(`The .docx rendering check needs \`${command}\`, which is not installed (${probe.error.message}). Install the Debian packages libreoffice-writer and poppler-utils (${debianPackage} provides ${command}), e.g. apt-get install --no-install-recommends libreoffice-writer poppler-utils fonts-noto-cjk.`);
  }
}

/**
 * Text compared as pdftotext gives it back: lines broken inside table cells and quotes, a hyphen
 * at a line's end taken for a hyphenation and dropped, and accents possibly decomposed. So both
 * sides lose their whitespace and hyphens and are compared in NFC.
 */
const squash = (text: string) => text.normalize("NFC").replace(/[\s\u00ad-]+/g, "");

/**
 * The .docx writer's output as LibreOffice lays it out: converted headless to PDF, its text read
 * back with pdftotext, and its pages drawn as PNGs into tests/e2e/screenshots for review.
 */
describe("the .docx report in LibreOffice", () => {
  let dir: string | undefined;
  let converted: Promise<{ pdf: string; pdfText: string; odtContent: string }> | undefined;

  /**
   * Converts once, when the first test asks; done inside the tests rather than in a hook, so a
   * machine without LibreOffice shows every check failing with the message saying what to install.
   */
  function render(): Promise<{ pdf: string; pdfText: string; odtContent: string }> {
    converted ??= (async () => {
      requireTool("soffice", ["--version"], "libreoffice-writer");
      requireTool("pdftotext", ["-v"], "poppler-utils");
      requireTool("pdftoppm", ["-v"], "poppler-utils");
      requireTool("pdfimages", ["-v"], "poppler-utils");

      dir = await mkdtemp(join(tmpdir(), "tandai-docx-render-"));
      const docx = join(dir, "laporan.docx");
      await writeFile(docx, await reportToDocx(sampleReport()));
      // A profile of its own: LibreOffice refuses to start a second instance on a profile in use,
      // and a stale one from an earlier run can hold its first-start dialogs.
      const profile = pathToFileURL(join(dir, "profile")).href;
      const convert = (format: string) => run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", dir!, docx], { timeout: 120_000 });
      await convert("pdf");
      const pdf = join(dir, "laporan.pdf");
      const pdfText = (await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { timeout: 60_000 })).stdout;
      // What LibreOffice understood the file as, in its own format: headings, index, tables.
      await convert("odt");
      const odt = await JSZip.loadAsync(await readFile(join(dir, "laporan.odt")));
      const odtContent = await odt.file("content.xml")!.async("string");
      return { pdf, pdfText, odtContent };
    })();
    return converted;
  }

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("shows the title, the headings and the table of contents with page numbers", async () => {
    const { pdfText } = await render();
    const report = sampleReport();
    expect(pdfText).toContain(report.title);
    for (const line of report.subtitle) expect(pdfText).toContain(line);
    for (const heading of SAMPLE.headings) {
      expect(pdfText).toContain(heading);
      // The table of contents came filled in: an entry, its dot leader, its page number.
      expect(pdfText).toMatch(new RegExp(`${heading}\\.{3,}\\s*\\d+`));
    }
    expect(pdfText).toContain(SAMPLE.tocTitle);
  });

  it("is read by LibreOffice as real headings with outline levels, a table of contents and a table with a repeating header", async () => {
    const { odtContent } = await render();
    const headings = [...odtContent.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>(.*?)<\/text:h>/g)].map(([, level, inner]) => ({
      level: Number(level),
      text: inner!.replace(/<[^>]+>/g, ""),
    }));
    const [h1, h2, h3, appendix] = SAMPLE.headings;
    expect(headings).toEqual([
      { level: 1, text: h1 },
      { level: 2, text: h2 },
      { level: 3, text: h3 },
      { level: 1, text: appendix },
    ]);
    expect(odtContent).toMatch(/<text:table-of-content[ >]/);
    expect(odtContent.match(/<table:table /g)).toHaveLength(1);
    expect(odtContent).toContain("<table:table-header-rows>");
  });

  it("keeps Vietnamese, Korean and curly quotes, in the text, the table cells and the quotes", async () => {
    const { pdfText } = await render();
    const text = squash(pdfText);
    for (const expected of [SAMPLE.vietnamese, SAMPLE.korean, ...SAMPLE.tableHeader, ...SAMPLE.tableRows.flat()]) {
      expect(text, expected).toContain(squash(expected));
    }
    for (const [quote, citation] of [
      [SAMPLE.supporting, SAMPLE.supportingCitation],
      [SAMPLE.contradicting, SAMPLE.contradictingCitation],
      [SAMPLE.koreanQuote, SAMPLE.koreanCitation],
    ]) {
      expect(text).toContain(squash(`“${quote}”${citation}`));
    }
    expect(pdfText).toContain(SAMPLE.chartTitle);
  });

  it("draws the chart as an image", async () => {
    const { pdf } = await render();
    const { stdout } = await run("pdfimages", ["-list", pdf], { timeout: 60_000 });
    const images = stdout.split("\n").slice(2).filter((line) => /\bimage\b/.test(line));
    expect(images.length).toBeGreaterThanOrEqual(1);
  });

  it("saves the pages as images for review", async () => {
    const { pdf } = await render();
    await mkdir(SCREENSHOTS, { recursive: true });
    const pages = async () => (await readdir(SCREENSHOTS)).filter((name) => name.startsWith(`${PAGE_PREFIX}-`) && name.endsWith(".png"));
    // Last run's pages go first, so a report that got shorter leaves no stale page behind.
    for (const old of await pages()) await rm(join(SCREENSHOTS, old));
    await run("pdftoppm", ["-png", "-r", "60", pdf, join(SCREENSHOTS, PAGE_PREFIX)], { timeout: 60_000 });
    expect((await pages()).length).toBeGreaterThanOrEqual(1);
  });
});
