import { describe, expect, it } from "vitest";
import { importDocument } from "../../../electron/import/index.js";
import { MAX_PDF_PAGES } from "../../../electron/import/limits.js";
import { expectImportError, textPdf } from "./fixtures.js";
import { bombPdf, flipBit, manyPagesPdf, withBrokenXref } from "./hostile.js";

describe("hostile .pdf files", () => {
  it("refuses a content stream that inflates a thousandfold, before pdf.js inflates it", async () => {
    const bytes = await bombPdf(64 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(200_000);
    const error = await expectImportError(importDocument("bom.pdf", bytes), "import.errors.bombRatio", "bom.pdf");
    expect(String(error.params.detail)).toMatch(/^stream @\d+$/);
  });

  it("imports a PDF with ordinary compressed streams", async () => {
    const doc = await importDocument("biasa.pdf", await textPdf([["Halaman satu."], ["Halaman dua."]]));
    expect(doc.content.text).toBe("Halaman satu.\nHalaman dua.");
    expect(doc.notices).toEqual([]);
  });

  it("says so when pdf.js had to repair the file (a broken cross-reference table)", async () => {
    const doc = await importDocument("diperbaiki.pdf", withBrokenXref(await textPdf([["Kerja sama dimulai tahun 2010."]])));
    expect(doc.content.text).toBe("Kerja sama dimulai tahun 2010.");
    expect(doc.notices).toHaveLength(1);
    expect(doc.notices[0]).toMatchObject({ code: "import.notices.pdfRepaired", params: { file: "diperbaiki.pdf" } });
  });

  it("refuses more pages than a document may have, naming the file", async () => {
    const error = await expectImportError(importDocument("halaman.pdf", await manyPagesPdf(MAX_PDF_PAGES + 1)), "import.errors.tooManyPages", "halaman.pdf");
    expect(error.params).toMatchObject({ count: MAX_PDF_PAGES + 1, max: MAX_PDF_PAGES });
  });
});

describe("bit-flipped PDFs", () => {
  it("never import with pages, lines or text missing without saying the file was damaged", async () => {
    const pages = [1, 2, 3].map((p) => Array.from({ length: 8 }, (_, l) => `Halaman ${p} baris ${l + 1}: kerja sama Padang dan Vung Tau.`));
    const original = await textPdf(pages, new Date("2026-01-01T00:00:00Z"));
    const expected = await importDocument("asli.pdf", original);
    let lossy = 0;
    for (let seed = 0; seed < 60; seed++) {
      const bit = (seed * 2654435761) % (original.length * 8);
      const doc = await importDocument("balik.pdf", flipBit(original, bit)).catch((error: unknown) => error);
      if (!(doc && typeof doc === "object" && "content" in doc)) continue;
      const imported = doc as typeof expected;
      // Text lost, as the damaged files that were accepted lost pages or lines. (A flip that swaps
      // two objects' numbers can reorder pages undetectably: a PDF has no checksum of its own.)
      const lost = imported.content.blocks.length < expected.content.blocks.length || (imported.pageCount ?? 0) < (expected.pageCount ?? 0) || imported.content.text.length < expected.content.text.length;
      if (!lost) continue;
      lossy++;
      expect(imported.notices.map((n) => n.code), `bit ${bit}`).toContain("import.notices.pdfRepaired");
    }
    expect(lossy).toBeGreaterThan(0);
  });
});
