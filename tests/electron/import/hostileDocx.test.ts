import { describe, expect, it } from "vitest";
import { importDocument } from "../../../electron/import/index.js";
import { MAX_DOCX_PARAGRAPHS } from "../../../electron/import/limits.js";
import { TandaiError } from "../../../shared/index.js";
import { expectImportError } from "./fixtures.js";
import { bombDocx, flipBit, manyParagraphsDocx, minimalDocx, withDeclaredSize, withWrongCrc, wordParagraph, zipEntry } from "./hostile.js";

describe("hostile .docx files", () => {
  it("refuses a decompression bomb from the zip's directory, before inflating it", async () => {
    const bytes = await bombDocx(40 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(100_000);
    const error = await expectImportError(importDocument("bom.docx", bytes), "import.errors.bombRatio", "bom.docx");
    expect(error.params).toMatchObject({ detail: "word/document.xml", size: "40.0" });
    expect(Number(error.params.ratio)).toBeGreaterThan(200);
  });

  it("refuses a file whose parts declare more than the unpacked limit together, reading only the directory", async () => {
    const bytes = withDeclaredSize(await minimalDocx(wordParagraph("Halo")), "word/document.xml", 300 * 1024 * 1024);
    const error = await expectImportError(importDocument("besar.docx", bytes), "import.errors.tooLargeUnpacked", "besar.docx");
    expect(error.params).toMatchObject({ size: "300.0", max: 256 });
  });

  it("imports a document whose parts compress well but not suspiciously", async () => {
    const text = "Kerja sama sister city Padang dengan Vũng Tàu. ".repeat(40);
    const doc = await importDocument("panjang.docx", await minimalDocx(Array.from({ length: 500 }, () => wordParagraph(text)).join("")));
    expect(doc.content.blocks).toHaveLength(500);
  });

  it("refuses a small file of too many paragraphs, counted before mammoth builds them", async () => {
    const bytes = await manyParagraphsDocx(MAX_DOCX_PARAGRAPHS + 1);
    const error = await expectImportError(importDocument("paragraf.docx", bytes), "import.errors.tooManyParagraphs", "paragraf.docx");
    expect(error.params.max).toBe(MAX_DOCX_PARAGRAPHS);
  });

  it("counts line breaks, which split a paragraph into blocks, with the paragraphs", async () => {
    const breaks = Array.from({ length: MAX_DOCX_PARAGRAPHS + 1 }, (_, i) => `<w:t>${i}</w:t><w:br/>`).join("");
    const bytes = await minimalDocx(`<w:p><w:r>${breaks}</w:r></w:p>`);
    await expectImportError(importDocument("baris.docx", bytes), "import.errors.tooManyParagraphs", "baris.docx");
  });

  it("refuses a part whose CRC-32 does not match, naming it (its text may have changed)", async () => {
    const bytes = withWrongCrc(await minimalDocx(wordParagraph("P: “Kami mulai tahun 2010.”"), "STORE"), "word/document.xml");
    const error = await expectImportError(importDocument("rusak.docx", bytes), "import.errors.damaged", "rusak.docx");
    expect(error.params.detail).toBe("word/document.xml");
  });

  it("never imports a bit-flipped document with changed text: each flip is refused or changes nothing", async () => {
    const quote = "P: “Kerja sama dimulai tahun 2010, kata Bapak Wali Kota.”";
    for (const compression of ["STORE", "DEFLATE"] as const) {
      const original = await minimalDocx([quote, "N: “Lalu pertukaran pelajar.”"].map(wordParagraph).join(""), compression);
      const { dataStart, compressedSize } = zipEntry(original, "word/document.xml");
      const expected = (await importDocument("asli.docx", original)).content.text;
      for (let seed = 0; seed < 30; seed++) {
        const bit = dataStart * 8 + ((seed * 2654435761) % (compressedSize * 8));
        const outcome = await importDocument("balik.docx", flipBit(original, bit)).then(
          (doc) => doc.content.text,
          (error: unknown) => error,
        );
        if (typeof outcome === "string") expect(outcome, `${compression} bit ${bit}`).toBe(expected);
        else expect((outcome as TandaiError).params?.file, `${compression} bit ${bit}: ${String(outcome)}`).toBe("balik.docx");
      }
    }
  });
});
