import { deflateSync } from "node:zlib";
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, StandardFonts } from "pdf-lib";
import JSZip from "jszip";

/**
 * Generators of hostile and damaged import files, made in memory (never committed): decompression
 * bombs, documents of millions of paragraphs, zips with a wrong checksum, bit flips. Reusable by
 * the soak/fuzz corpus.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The smallest .docx Word and mammoth read: content types, the package relationship, a body. */
export async function minimalDocx(bodyXml: string, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression, compressionOptions: { level: 9 } });
}

/** A paragraph of text in document.xml. */
export const wordParagraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A .docx whose document.xml inflates to about `bytes` of blank space: a decompression bomb (1000:1). */
export function bombDocx(bytes: number): Promise<Uint8Array> {
  return minimalDocx(`${wordParagraph("Halo")}<w:p><w:r><w:t>${" ".repeat(bytes)}</w:t></w:r></w:p>`);
}

/**
 * A small .docx of `count` empty paragraphs (3 million made a 297 KB file that killed the process).
 * Each carries a pseudo-random revision id, as Word writes, so the file compresses like real XML
 * rather than like a bomb.
 */
export function manyParagraphsDocx(count: number): Promise<Uint8Array> {
  const parts = [wordParagraph("Halo")];
  let x = 0x2545f491;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    parts.push(`<w:p w:rsidR="${(x >>> 0).toString(16).padStart(8, "0")}"/>`);
  }
  return minimalDocx(parts.join(""));
}

/** Where a zip entry's compressed data lies, and where its CRC-32 is written, from the central directory. */
export function zipEntry(zip: Uint8Array, name: string): { dataStart: number; compressedSize: number; crcOffsets: [number, number]; sizeOffset: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const decoder = new TextDecoder();
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (decoder.decode(zip.subarray(i + 46, i + 46 + nameLength)) !== name) continue;
    const local = view.getUint32(i + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    return { dataStart, compressedSize: view.getUint32(i + 20, true), crcOffsets: [i + 16, local + 14], sizeOffset: i + 24 };
  }
  throw new Error(`no ${name} in the zip`);
}

/** The zip with `name`'s CRC-32 changed in both the central directory and the local header. */
export function withWrongCrc(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  for (const at of zipEntry(copy, name).crcOffsets) copy[at]! ^= 0x01;
  return copy;
}

/** The bytes with one bit flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

/** The zip with `name`'s uncompressed size, as the central directory declares it, set to `bytes`. */
export function withDeclaredSize(zip: Uint8Array, name: string, bytes: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(zipEntry(copy, name).sizeOffset, bytes, true);
  return copy;
}

/**
 * A one-page PDF with real text, plus a second content stream on the page whose FlateDecode data
 * inflates to `bytes` of spaces: a PDF decompression bomb (pdf.js would allocate it all at once).
 */
export async function bombPdf(bytes: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText("Halo dari Padang.", { x: 56, y: 780, size: 12, font });
  const spaces = deflateSync(Buffer.alloc(bytes, 0x20), { level: 9 });
  const stream = PDFRawStream.of(pdf.context.obj({ Filter: "FlateDecode", Length: spaces.length }), new Uint8Array(spaces));
  page.node.addContentStream(pdf.context.register(stream));
  return pdf.save({ useObjectStreams: false });
}

/** A PDF whose `startxref` points at the wrong place: readers (pdf.js too) rebuild the cross-reference table. */
export function withBrokenXref(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const at = text.lastIndexOf("startxref");
  const fixed = text.slice(0, at) + text.slice(at).replace(/startxref\s+(\d+)/, (_, n: string) => `startxref\n${Number(n) - 7}`);
  return new Uint8Array(Buffer.from(fixed, "latin1"));
}

/** A PDF of `count` pages that are one page object listed `count` times (small, and quick to make). */
export async function manyPagesPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  const pages = pdf.catalog.lookup(PDFName.of("Pages"), PDFDict);
  pages.set(PDFName.of("Kids"), pdf.context.obj(Array.from({ length: count }, () => page.ref)));
  pages.set(PDFName.of("Count"), PDFNumber.of(count));
  return pdf.save();
}

/** One file of a malformed corpus: its name (which every refusal must name) and bytes. */
export interface CorpusFile {
  name: string;
  data: Uint8Array;
}

/**
 * A corpus of `count` small malformed import files for fuzzing and soak runs, made
 * deterministically from a few valid ones: bit flips, truncations, random bytes under each
 * extension, a wrong CRC, tiny bombs, NULs and bad bytes in text. Each name is unique.
 */
export async function malformedCorpus(count: number): Promise<CorpusFile[]> {
  const text = new TextEncoder().encode("P: Bagaimana kerja sama “sister city” dimulai?\nN: Dari kunjungan wali kota ke Bà Rịa–Vũng Tàu.\n");
  const docx = await minimalDocx([wordParagraph("P: “Kerja sama dimulai tahun 2010.”"), wordParagraph("N: Lalu pertukaran pelajar.")].join(""));
  const pdf = await (async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText("Kerja sama Padang dan Vung Tau.", { x: 56, y: 780, size: 12, font });
    return doc.save();
  })();
  const valid: [string, Uint8Array][] = [
    ["txt", text],
    ["md", text],
    ["docx", docx],
    ["pdf", pdf],
  ];
  let x = 0x1234567;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
  const makers: ((i: number) => Promise<CorpusFile> | CorpusFile)[] = [
    (i) => {
      const [ext, bytes] = valid[i % valid.length]!;
      return { name: `flip-${i}.${ext}`, data: flipBit(bytes, next() % (bytes.length * 8)) };
    },
    (i) => {
      const [ext, bytes] = valid[i % valid.length]!;
      return { name: `cut-${i}.${ext}`, data: bytes.subarray(0, next() % bytes.length) };
    },
    (i) => ({ name: `random-${i}.${valid[i % valid.length]![0]}`, data: Uint8Array.from({ length: 64 + (next() % 4096) }, () => next() & 0xff) }),
    (i) => ({ name: `crc-${i}.docx`, data: withWrongCrc(docx, "word/document.xml") }),
    async (i) => ({ name: `bomb-${i}.docx`, data: await bombDocx(2 * 1024 * 1024 + (i % 7) * 1024) }),
    (i) => ({ name: `nul-${i}.txt`, data: Uint8Array.from([...text.subarray(0, 20), 0, ...text.subarray(20)]) }),
    (i) => ({ name: `badbyte-${i}.txt`, data: Uint8Array.from([...text.subarray(0, 30), 0xff, 0xfe, ...text.subarray(30)]) }),
    (i) => ({ name: `empty-${i}.${valid[i % valid.length]![0]}`, data: new Uint8Array() }),
  ];
  const corpus: CorpusFile[] = [];
  for (let i = 0; i < count; i++) corpus.push(await makers[i % makers.length]!(i));
  return corpus;
}
