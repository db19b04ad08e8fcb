import { describe, expect, it } from "vitest";
import { importDocument } from "../../../electron/import/index.js";
import { blockTexts, emptyDocx, expectImportError, expectWellFormed, interviewDocx, randomBytes, storedZip } from "./fixtures.js";

describe("docx", () => {
  it("keeps headings with their levels, paragraphs, list items and table cells, in order", async () => {
    const doc = await importDocument("Wawancara Padang.docx", await interviewDocx());
    expect(doc).toMatchObject({ title: "Wawancara Padang", kind: "docx", pageCount: null });
    expect(doc.encoding).toBeUndefined();
    expectWellFormed(doc);
    const blocks = doc.content.blocks.map((b) => ({ kind: b.kind, level: b.level, text: doc.content.text.slice(b.start, b.end) }));
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Wawancara Padang" },
      { kind: "paragraph", level: undefined, text: "P: Bagaimana kerja sama “sister city” dimulai?" },
      { kind: "paragraph", level: undefined, text: "N: Awalnya dari Bà Rịa–Vũng Tàu." },
      { kind: "heading", level: 2, text: "Latar belakang" },
      { kind: "paragraph", level: undefined, text: "Literal <script>alert(1)</script> & <b>not bold</b> &amp;" },
      { kind: "paragraph", level: undefined, text: "Poin pertama" },
      { kind: "paragraph", level: undefined, text: "Baris satu" },
      { kind: "paragraph", level: undefined, text: "Baris dua" },
      { kind: "heading", level: 3, text: "Rincian" },
      { kind: "paragraph", level: undefined, text: "Sel A" },
      { kind: "paragraph", level: undefined, text: "Sel B" },
      { kind: "paragraph", level: undefined, text: "Penutup" },
    ]);
  });

  it("stores the blocks joined by line feeds, with no markup anywhere", async () => {
    const doc = await importDocument("w.docx", await interviewDocx());
    expect(doc.content.text).toBe(blockTexts(doc.content).join("\n"));
    expect(doc.content.text).toContain("<script>alert(1)</script>");
    expect(doc.content.text).not.toMatch(/<p>|<h1>|<strong>|&lt;|&amp;amp;/);
  });

  it("matches the extension case-insensitively", async () => {
    const doc = await importDocument("LAPORAN.DOCX", await interviewDocx());
    expect(doc).toMatchObject({ title: "LAPORAN", kind: "docx" });
  });

  it("refuses a truncated docx, naming the file", async () => {
    const bytes = await interviewDocx();
    await expectImportError(importDocument("terpotong.docx", bytes.subarray(0, bytes.length >> 1)), "import.errors.docxInvalid", "terpotong.docx");
  });

  it("refuses random bytes named .docx", async () => {
    await expectImportError(importDocument("acak.docx", randomBytes(2048)), "import.errors.docxInvalid", "acak.docx");
  });

  it("refuses a zip archive that is not a Word document", async () => {
    const zip = storedZip({ "readme.txt": "bukan dokumen Word", "data/nilai.csv": "a,b\n1,2\n" });
    await expectImportError(importDocument("arsip.docx", zip), "import.errors.docxInvalid", "arsip.docx");
  });

  it("refuses a docx without any text, and a 0-byte docx", async () => {
    await expectImportError(importDocument("kosong.docx", await emptyDocx()), "import.errors.noText", "kosong.docx");
    await expectImportError(importDocument("nol.docx", new Uint8Array()), "import.errors.empty", "nol.docx");
  });
});
