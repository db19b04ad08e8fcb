import { describe, expect, it } from "vitest";
import { importDocument } from "../../../electron/import/index.js";
import { translate } from "../../../shared/index.js";
import { MAX_BLOCKS } from "../../../electron/import/limits.js";
import { blockTexts, expectImportError, expectWellFormed, randomBytes, utf16, utf8 } from "./fixtures.js";

const VIETNAMESE = "Kunjungan ke Bà Rịa–Vũng Tàu";
const INDONESIAN = "Padang menjalin kerja sama “sister city”";
const KOREAN = "자매도시 부산 방문";
const TRANSCRIPT = `P: ${INDONESIAN}?\r\nN: ${VIETNAMESE}, lalu ${KOREAN}.\r\n\r\nP: Terima kasih.\r\n`;

describe("plain text encodings", () => {
  it("reads UTF-8 without a BOM verbatim, CRLF kept, one paragraph per non-empty line", async () => {
    const doc = await importDocument("wawancara-01.txt", utf8(TRANSCRIPT));
    expect(doc).toMatchObject({ title: "wawancara-01", kind: "txt", encoding: "utf-8", pageCount: null });
    expect(doc.content.text).toBe(TRANSCRIPT);
    expect(blockTexts(doc.content)).toEqual([`P: ${INDONESIAN}?`, `N: ${VIETNAMESE}, lalu ${KOREAN}.`, "P: Terima kasih."]);
    expect(doc.content.blocks.every((b) => b.kind === "paragraph" && b.page === undefined)).toBe(true);
    expectWellFormed(doc);
  });

  it("drops a UTF-8 BOM and keeps the rest", async () => {
    const doc = await importDocument("bom.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TRANSCRIPT)]));
    expect(doc.encoding).toBe("utf-8");
    expect(doc.content.text).toBe(TRANSCRIPT);
    expect(doc.content.blocks[0]).toMatchObject({ start: 0 });
  });

  it.each([
    ["le", "utf-16le"],
    ["be", "utf-16be"],
  ] as const)("reads UTF-16 %s with a BOM (Korean, Vietnamese)", async (endian, encoding) => {
    const doc = await importDocument("notepad.txt", utf16(TRANSCRIPT, endian, true));
    expect(doc.encoding).toBe(encoding);
    expect(doc.content.text).toBe(TRANSCRIPT);
    expect(blockTexts(doc.content)[1]).toBe(`N: ${VIETNAMESE}, lalu ${KOREAN}.`);
  });

  it.each([
    ["le", "utf-16le"],
    ["be", "utf-16be"],
  ] as const)("recognises UTF-16 %s without a BOM by its NUL bytes", async (endian, encoding) => {
    const doc = await importDocument("tanpa-bom.txt", utf16(TRANSCRIPT, endian, false));
    expect(doc.encoding).toBe(encoding);
    expect(doc.content.text).toBe(TRANSCRIPT);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    // "Café “kopi” – 5€" as Notepad's "ANSI" saves it on a Western/Indonesian Windows.
    const bytes = new Uint8Array([...utf8("Caf"), 0xe9, 0x20, 0x93, ...utf8("kopi"), 0x94, 0x20, 0x96, 0x20, 0x35, 0x80, 0x0d, 0x0a, ...utf8("baris dua")]);
    const doc = await importDocument("ansi.txt", bytes);
    expect(doc.encoding).toBe("windows-1252");
    expect(doc.content.text).toBe("Café “kopi” – 5€\r\nbaris dua");
    expect(blockTexts(doc.content)).toEqual(["Café “kopi” – 5€", "baris dua"]);
  });

  it("maps every Windows-1252 character that differs from Latin-1", async () => {
    const doc = await importDocument("simbol.txt", new Uint8Array([0x80, 0x82, 0x84, 0x85, 0x8a, 0x8c, 0x91, 0x92, 0x97, 0x99, 0x9f, 0x20, 0xe0]));
    expect(doc.content.text).toBe("€‚„…ŠŒ‘’—™Ÿ à");
  });

  it("prefers UTF-8 when the bytes are valid UTF-8 (é is not read as Ã©)", async () => {
    const doc = await importDocument("cafe.txt", utf8("café"));
    expect(doc.encoding).toBe("utf-8");
    expect(doc.content.text).toBe("café");
  });

  it("keeps lone CR and LF line endings verbatim", async () => {
    const text = "satu\rdua\nTiga";
    const doc = await importDocument("mac.txt", utf8(text));
    expect(doc.content.text).toBe(text);
    expect(blockTexts(doc.content)).toEqual(["satu", "dua", "Tiga"]);
  });
});

describe("plain text refusals", () => {
  it("refuses random bytes named .txt as not text", async () => {
    await expectImportError(importDocument("rekaman.txt", randomBytes(4096)), "import.errors.notText", "rekaman.txt");
  });

  it("refuses text with NUL bytes that are not UTF-16", async () => {
    const bytes = new Uint8Array([...utf8("header"), 0, 0, 0, 0, 7, 0, 0, 0, ...utf8("more"), 0, 1, 2, 3]);
    await expectImportError(importDocument("data.txt", bytes), "import.errors.notText", "data.txt");
  });

  it("refuses a Word file renamed to .txt as not text", async () => {
    const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...randomBytes(500, 7)]);
    await expectImportError(importDocument("transkrip.txt", zipLike), "import.errors.notText", "transkrip.txt");
  });

  it("refuses a 0-byte file as empty", async () => {
    await expectImportError(importDocument("kosong.txt", new Uint8Array()), "import.errors.empty", "kosong.txt");
    await expectImportError(importDocument("kosong.md", new Uint8Array()), "import.errors.empty", "kosong.md");
  });

  it("refuses a file of blank lines (or a bare BOM) as having no text", async () => {
    await expectImportError(importDocument("spasi.txt", utf8("  \r\n\t\r\n")), "import.errors.noText", "spasi.txt");
    await expectImportError(importDocument("bom.md", new Uint8Array([0xef, 0xbb, 0xbf])), "import.errors.noText", "bom.md");
  });

  it("refuses a BOM followed by bytes that break its encoding", async () => {
    const error = await expectImportError(importDocument("rusak.txt", new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0xfe, 0x62])), "import.errors.badEncoding", "rusak.txt");
    expect(error.params.encoding).toBe("UTF-8");
  });
});

describe("markdown", () => {
  const MD = ["# Bab 1: Pendahuluan", "", `Paragraf tentang ${VIETNAMESE}.`, "### Sub bagian ###", "#tagar bukan judul", "```", "# komentar dalam kode", "```", "####### tujuh pagar", "##", "Akhir **tebal**"].join("\n");

  it("stores the text verbatim and makes # lines heading blocks without their # prefix", async () => {
    const doc = await importDocument("Catatan.MD", utf8(MD));
    expect(doc).toMatchObject({ title: "Catatan", kind: "md", encoding: "utf-8", pageCount: null });
    expect(doc.content.text).toBe(MD);
    expectWellFormed(doc);
    const blocks = doc.content.blocks.map((b) => ({ kind: b.kind, level: b.level, text: doc.content.text.slice(b.start, b.end) }));
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Bab 1: Pendahuluan" },
      { kind: "paragraph", level: undefined, text: `Paragraf tentang ${VIETNAMESE}.` },
      { kind: "heading", level: 3, text: "Sub bagian" },
      { kind: "paragraph", level: undefined, text: "#tagar bukan judul" },
      { kind: "paragraph", level: undefined, text: "```" },
      { kind: "paragraph", level: undefined, text: "# komentar dalam kode" },
      { kind: "paragraph", level: undefined, text: "```" },
      { kind: "paragraph", level: undefined, text: "####### tujuh pagar" },
      { kind: "paragraph", level: undefined, text: "Akhir **tebal**" },
    ]);
  });

  it("reads CRLF markdown in UTF-16 with headings at the right offsets", async () => {
    const text = `## ${KOREAN}\r\nIsi ${INDONESIAN}\r\n`;
    const doc = await importDocument("korea.md", utf16(text, "le", true));
    expect(doc.encoding).toBe("utf-16le");
    expect(doc.content.text).toBe(text);
    expect(doc.content.blocks[0]).toEqual({ start: 3, end: 3 + KOREAN.length, kind: "heading", level: 2 });
    expect(blockTexts(doc.content)).toEqual([KOREAN, `Isi ${INDONESIAN}`]);
  });
});

describe("text encodings", () => {
  const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
  // Made with iconv from the UTF-8 text beside each.
  const LEGACY = [
    ["euc-kr", "안녕하세요. 저는 인도네시아에서 온 학생입니다. 국제관계를 공부하고 있습니다.", "bec8b3e7c7cfbcbcbfe42e20c0fab4c220c0ceb5b5b3d7bdc3bec6bfa1bcad20bfc220c7d0bbfdc0d4b4cfb4d92e20b1b9c1a6b0fcb0e8b8a620b0f8bacec7cfb0ed20c0d6bdc0b4cfb4d92e"],
    ["gb18030", "你好，我是来自印度尼西亚的学生。我正在学习国际关系。", "c4e3bac3a3acced2cac7c0b4d7d4d3a1b6c8c4e1cef7d1c7b5c4d1a7c9faa1a3ced2d5fdd4dad1a7cfb0b9fabccab9d8cfb5a1a3"],
    ["shift_jis", "こんにちは、私はインドネシアから来た学生です。国際関係を勉強しています。", "82b182f182c982bf82cd81418e8482cd834383938368836c8356834182a982e7978882bd8a7790b682c582b781428d918ddb8ad68c5782f095d78bad82b582c482a282dc82b78142"],
  ] as const;
  const KOI8R = { text: "Привет, я студент из Индонезии. Я изучаю международные отношения.", bytes: hex("f0d2c9d7c5d42c20d120d3d4d5c4c5ced420c9da20e9cec4cfcec5dac9c92e20f120c9dad5dec1c020cdc5d6c4d5cec1d2cfc4ced9c520cfd4cecfdbc5cec9d12e") };

  it.each(LEGACY)("detects %s and decodes it exactly (was Windows-1252 mojibake or 'binary')", async (encoding, text, bytes) => {
    const doc = await importDocument("asing.txt", hex(bytes));
    expect(doc.encoding).toBe(encoding);
    expect(doc.content.text).toBe(text);
    expect(doc.notices).toEqual([]);
  });

  it("decodes KOI8-R, and says the encoding was assumed when the detector is unsure", async () => {
    const doc = await importDocument("rusia.txt", KOI8R.bytes);
    expect(doc.content.text).toBe(KOI8R.text);
    expect(doc.notices).toEqual([{ code: "import.notices.encodingAssumed", params: { file: "rusia.txt", encoding: "KOI8-R" } }]);
    expect(translate("en", doc.notices[0]!.code, doc.notices[0]!.params)).toContain("read as KOI8-R");
  });

  it("reads a file in the encoding the user chose, and refuses a name that is no encoding", async () => {
    const doc = await importDocument("rusia.txt", KOI8R.bytes, { encoding: "windows-1251" });
    expect(doc.encoding).toBe("windows-1251");
    expect(doc.content.text).not.toBe(KOI8R.text);
    expect((await importDocument("rusia.txt", KOI8R.bytes, { encoding: "KOI8-R" })).notices).toEqual([]);
    const error = await expectImportError(importDocument("rusia.txt", KOI8R.bytes, { encoding: "klingon" }), "import.errors.unknownEncoding", "rusia.txt");
    expect(error.params.encoding).toBe("klingon");
  });

  it("takes text with a stray NUL for binary, not UTF-16", async () => {
    await expectImportError(importDocument("nul.txt", utf8("hello\0world")), "import.errors.notText", "nul.txt");
    await expectImportError(importDocument("nul.txt", utf8("hello\0world!")), "import.errors.notText", "nul.txt");
  });

  it("reads UTF-8 with one bad byte as UTF-8, replacing that byte and saying so (was refused as binary)", async () => {
    const line = utf8("Kerja sama antara Padang dan Bà Rịa–Vũng Tàu dimulai tahun 2010.\n");
    const doc = await importDocument("rusak.txt", new Uint8Array([...line, 0xff, ...line]));
    expect(doc.encoding).toBe("utf-8");
    expect(doc.content.text).toBe("Kerja sama antara Padang dan Bà Rịa–Vũng Tàu dimulai tahun 2010.\n\uFFFDKerja sama antara Padang dan Bà Rịa–Vũng Tàu dimulai tahun 2010.\n");
    expect(doc.notices).toEqual([{ code: "import.notices.badBytesReplaced", params: { file: "rusak.txt", encoding: "UTF-8", count: 1 } }]);
  });
});

describe("text with very many lines", () => {
  it("refuses more non-blank lines than a document may have paragraphs, before making a block per line", async () => {
    const lines = MAX_BLOCKS + 1;
    const error = await expectImportError(importDocument("baris.txt", utf8("a\n".repeat(lines))), "import.errors.tooManyParagraphs", "baris.txt");
    expect(error.params).toMatchObject({ count: lines, max: MAX_BLOCKS });
    await expectImportError(importDocument("baris.md", utf8("a\r\n".repeat(lines))), "import.errors.tooManyParagraphs", "baris.md");
  });

  it("counts only non-blank lines: blank ones make no block", async () => {
    const doc = await importDocument("jarang.txt", utf8(`${"\n".repeat(MAX_BLOCKS + 10)}satu\n\n dua \n`));
    expect(blockTexts(doc.content)).toEqual(["satu", "dua"]);
  });
});
