import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { reportToDocx } from "../../electron/export/docx.js";
import { longReport } from "../electron/export/longReport.js";
import { SAMPLE } from "../electron/export/sampleReport.js";

const run = promisify(execFile);

/**
 * The streamed .docx (a report long enough that its quotes are written by docxStream.ts, not the
 * docx library) as LibreOffice reads it: converted headless to plain text, every quote found in it.
 * Like docxRender.test.ts, fails rather than skips without LibreOffice.
 */
describe("the streamed .docx report in LibreOffice", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("opens, with every quote and its citation in order", async () => {
    const probe = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    if (probe.error) throw new Error(`This check needs \`soffice\` (Debian package libreoffice-writer): ${probe.error.message}`);
    dir = await mkdtemp(join(tmpdir(), "tandai-docx-stream-"));
    const report = longReport(2_000);
    // The generated quotes, numbered; the sample report's own three are checked by name below.
    const numbered = report.blocks.filter((block) => block.type === "quote" && / #\d+$/.test(block.text)).length;
    expect(numbered).toBe(2_000);
    const docx = join(dir, "laporan.docx");
    await writeFile(docx, await reportToDocx(report));
    const profile = pathToFileURL(join(dir, "profile")).href;
    await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, docx], { timeout: 120_000 });
    const text = await readFile(join(dir, "laporan.txt"), "utf8");
    // Each quote's number, in order, and each citation after its quote.
    let at = 0;
    for (let i = 0; i < numbered; i++) {
      const found = text.indexOf(`#${i}”`, at);
      expect(found, `quote #${i}`).toBeGreaterThanOrEqual(at);
      const citation = text.indexOf(`Wawancara ${i}`, found);
      expect(citation, `citation of quote #${i}`).toBeGreaterThan(found);
      at = citation;
    }
    // The headings and the sample's quotes (streamed as well), between the generated ones.
    for (const words of ["Ringkasan hasil koding", "Lampiran", SAMPLE.supporting, SAMPLE.contradicting, SAMPLE.koreanQuote]) expect(text).toContain(words);
  });
});
