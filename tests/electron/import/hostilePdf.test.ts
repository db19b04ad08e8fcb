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
  it("never import with pages, lines or text changed without saying the file was damaged", async () => {
    const pages = [1, 2, 3].map((p) => Array.from({ length: 8 }, (_, l) => `Halaman ${p} baris ${l + 1}: kerja sama Padang dan Vung Tau.`));
    const original = await textPdf(pages, new Date("2026-01-01T00:00:00Z"));
    const expected = await importDocument("asli.pdf", original);
    let changed = 0;
    for (let seed = 0; seed < 200; seed++) {
      const bit = (seed * 2654435761) % (original.length * 8);
      const doc = await importDocument("balik.pdf", flipBit(original, bit)).catch((error: unknown) => error);
      if (!(doc && typeof doc === "object" && "content" in doc)) continue;
      const imported = doc as typeof expected;
      // Any difference at all: text lost, pages shifted, a line changed. Bits 518, 3091 and 5664
      // flip a digit of an object's header ("6 0 obj" → "v 0 obj"): pdf.js dropped that page's
      // content stream without a warning, so page 1 came out empty.
      if (imported.content.text === expected.content.text && imported.pageCount === expected.pageCount) continue;
      changed++;
      expect(imported.notices.map((n) => n.code), `bit ${bit}`).toContain("import.notices.pdfRepaired");
    }
    expect(changed).toBeGreaterThan(0);
  });

  it("names the object whose header no longer matches the cross-reference table, in a classic xref table too", async () => {
    const classic = await textPdf([["Kerja sama dimulai tahun 2010."], ["Halaman dua."]], new Date("2026-01-01T00:00:00Z"), { useObjectStreams: false });
    expect(Buffer.from(classic).toString("latin1")).toMatch(/\nxref\n/);
    expect((await importDocument("utuh.pdf", classic)).notices).toEqual([]);
    const text = Buffer.from(classic).toString("latin1");
    const at = text.indexOf("\n4 0 obj") + 1;
    const damaged = classic.slice();
    damaged[at] = "v".charCodeAt(0);
    const doc = await importDocument("rusak.pdf", damaged);
    expect(doc.notices).toHaveLength(1);
    expect(doc.notices[0]).toMatchObject({ code: "import.notices.pdfRepaired", params: { file: "rusak.pdf" } });
    expect(String(doc.notices[0]!.params.detail)).toContain("object 4");
  });
});
