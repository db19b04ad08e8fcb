import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { PDFDocument, PDFHexString, rgb, StandardFonts } from "pdf-lib";
import { expect } from "vitest";
import { DocumentContent, TandaiError } from "../../../shared/index.js";
import type { ImportedDocument } from "../../../electron/import/index.js";

/** The text of each block, in order. */
export function blockTexts(content: DocumentContent): string[] {
  return content.blocks.map((b) => content.text.slice(b.start, b.end));
}

/** Every imported document must satisfy the stored schema: ordered, in-range, non-overlapping blocks. */
export function expectWellFormed(doc: ImportedDocument): void {
  expect(DocumentContent.safeParse(doc.content).success).toBe(true);
  let previousEnd = 0;
  for (const block of doc.content.blocks) {
    expect(block.start).toBeGreaterThanOrEqual(previousEnd);
    expect(block.end).toBeGreaterThan(block.start);
    expect(block.end).toBeLessThanOrEqual(doc.content.text.length);
    previousEnd = block.end;
  }
}

/** Awaits `promise`, expecting it to fail with TandaiError `code` naming `file`; returns the error. */
export async function expectImportError(promise: Promise<unknown>, code: string, file: string): Promise<TandaiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TandaiError);
  const tandai = error as TandaiError;
  expect(tandai.code).toBe(code);
  expect(tandai.params.file).toBe(file);
  return tandai;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

export function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = (bom ? "\uFEFF" : "") + text;
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), endian === "le");
  return bytes;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure reproduces. */
export function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export async function interviewDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Wawancara Padang", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("P: Bagaimana kerja sama “sister city” dimulai?")] }),
          new Paragraph({ text: "" }),
          new Paragraph({ children: [new TextRun("N: Awalnya dari "), new TextRun({ text: "Bà Rịa–Vũng Tàu", bold: true }), new TextRun(".")] }),
          new Paragraph({ text: "Latar belakang", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun("Literal <script>alert(1)</script> & <b>not bold</b> &amp;")] }),
          new Paragraph({ text: "Poin pertama", bullet: { level: 0 } }),
          new Paragraph({ children: [new TextRun("Baris satu"), new TextRun({ text: "Baris dua", break: 1 })] }),
          new Paragraph({ text: "Rincian", heading: HeadingLevel.HEADING_3 }),
          new Table({
            rows: [
              new TableRow({
                children: [new TableCell({ children: [new Paragraph("Sel A")] }), new TableCell({ children: [new Paragraph("Sel B")] })],
              }),
            ],
          }),
          new Paragraph({ text: "Penutup" }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function emptyDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: "" }), new Paragraph({ text: "   " })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF whose pages each hold `lines` drawn top-down at 12 pt with 15 pt leading; "" leaves a blank line. */
export async function textPdf(pages: readonly (readonly string[])[], date?: Date, save: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  // A fixed date makes the same bytes every run (pdf-lib stamps "now" otherwise).
  if (date) {
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  }
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 56, y, size: 12, font });
      y -= 15;
    }
  }
  return pdf.save(save);
}

/** A "scanned" PDF: pages with only a drawn rectangle, no text at all. */
export async function imageOnlyPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return pdf.save();
}

/**
 * A PDF with a Standard security handler whose user password is not empty: its /U entry matches
 * no password, so a reader asks for one. pdf-lib cannot encrypt; adding the dictionary is enough.
 */
export async function passwordPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText("rahasia", { x: 50, y: 700, size: 12, font });
  const context = pdf.context;
  const encrypt = context.obj({ Filter: "Standard", V: 1, R: 2, Length: 40, P: -4, O: PDFHexString.of("11".repeat(32)), U: PDFHexString.of("22".repeat(32)) });
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([PDFHexString.of("33".repeat(16)), PDFHexString.of("33".repeat(16))]);
  return pdf.save({ useObjectStreams: false });
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid, uncompressed ZIP archive of the given files (enough to be "a zip that is not a docx"). */
export function storedZip(files: Record<string, string>): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = [...utf8(name)];
    const data = utf8(text);
    const crc = crc32(data);
    const offset = local.length;
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0)];
    local.push(...u32(0x04034b50), ...common, ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
    count++;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}
