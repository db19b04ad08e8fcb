import { describe, expect, it } from "vitest";
import { importDocument } from "../../../electron/import/index.js";
import { paragraphs } from "../../../electron/import/pdf.js";
import { blockTexts, expectImportError, expectWellFormed, imageOnlyPdf, passwordPdf, randomBytes, textPdf, utf8 } from "./fixtures.js";

describe("pdf", () => {
  it("builds paragraphs per page from the text layer, each block knowing its page", async () => {
    const bytes = await textPdf([
      ["Wawancara dengan narasumber di Padang,", "bagian pertama tentang kerja sama", "", "Paragraf kedua, café."],
      ["Halaman dua dimulai di sini", "dan berlanjut.", "", "", "Paragraf terakhir."],
      ["Halaman tiga."],
    ]);
    const doc = await importDocument("Laporan.pdf", bytes);
    expect(doc).toMatchObject({ title: "Laporan", kind: "pdf", pageCount: 3 });
    expectWellFormed(doc);
    expect(blockTexts(doc.content)).toEqual([
      "Wawancara dengan narasumber di Padang, bagian pertama tentang kerja sama",
      "Paragraf kedua, café.",
      "Halaman dua dimulai di sini dan berlanjut.",
      "Paragraf terakhir.",
      "Halaman tiga.",
    ]);
    expect(doc.content.blocks.map((b) => b.page)).toEqual([1, 1, 2, 2, 3]);
    expect(doc.content.blocks.every((b) => b.kind === "paragraph")).toBe(true);
    expect(doc.content.text).toBe(blockTexts(doc.content).join("\n"));
  });

  it("counts pages without text but keeps page numbers of the pages with text", async () => {
    const bytes = await textPdf([["Sampul"], [], ["Isi halaman tiga"]]);
    const doc = await importDocument("campur.PDF", bytes);
    expect(doc.pageCount).toBe(3);
    expect(doc.content.blocks.map((b) => b.page)).toEqual([1, 3]);
  });

  it("does not consume the caller's bytes", async () => {
    const bytes = await textPdf([["Satu baris."]]);
    await importDocument("a.pdf", bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    const again = await importDocument("a.pdf", bytes);
    expect(blockTexts(again.content)).toEqual(["Satu baris."]);
  });

  it("refuses a PDF with no text layer (scanned) and says to run OCR", async () => {
    await expectImportError(importDocument("pindaian.pdf", await imageOnlyPdf(2)), "import.errors.pdfNoText", "pindaian.pdf");
  });

  it("refuses a password-protected PDF", async () => {
    await expectImportError(importDocument("rahasia.pdf", await passwordPdf()), "import.errors.pdfEncrypted", "rahasia.pdf");
  });

  it("refuses random bytes, a truncated PDF and a header with junk as invalid", async () => {
    await expectImportError(importDocument("acak.pdf", randomBytes(4096)), "import.errors.pdfInvalid", "acak.pdf");
    const bytes = await textPdf([["Teks yang terpotong."]]);
    await expectImportError(importDocument("terpotong.pdf", bytes.subarray(0, bytes.length >> 1)), "import.errors.pdfInvalid", "terpotong.pdf");
    await expectImportError(importDocument("sampah.pdf", utf8(`%PDF-1.7\n${"sampah ".repeat(100)}`)), "import.errors.pdfInvalid", "sampah.pdf");
  });

  it("refuses a 0-byte PDF as empty", async () => {
    await expectImportError(importDocument("nol.pdf", new Uint8Array()), "import.errors.empty", "nol.pdf");
  });
});

describe("pdf paragraph heuristic", () => {
  const item = (str: string, x: number, y: number, hasEOL = false, size = 11) => ({ str, dir: "ltr", transform: [size, 0, 0, size, x, y], width: str.length * 5, height: size, fontName: "g_d0_f1", hasEOL });

  it("joins the items of a line, and lines 1.15 apart into one paragraph", () => {
    const items = [
      item("Narasumber ", 72, 700),
      item("menjelaskan", 130, 700),
      item("", 190, 700, true),
      item("latar belakang.", 72, 687.35, true),
      item("Paragraf baru", 72, 660, true),
    ];
    expect(paragraphs(items)).toEqual(["Narasumber menjelaskan latar belakang.", "Paragraf baru"]);
  });

  it("ends a line when the baseline moves even without hasEOL, but not for a superscript", () => {
    const items = [item("Kalimat satu", 72, 700), item("1", 130, 703, false, 7), item("kalimat dua", 72, 687)];
    expect(paragraphs(items)).toEqual(["Kalimat satu1 kalimat dua"]);
  });

  it("starts a new paragraph when the text jumps up (next column)", () => {
    const items = [item("Kolom kiri bawah", 72, 120, true), item("Kolom kanan atas", 320, 700, true), item("berlanjut", 320, 687, true)];
    expect(paragraphs(items)).toEqual(["Kolom kiri bawah", "Kolom kanan atas berlanjut"]);
  });

  it("skips whitespace-only lines and returns nothing for no items", () => {
    expect(paragraphs([item("   ", 72, 700, true)])).toEqual([]);
    expect(paragraphs([])).toEqual([]);
  });
});
