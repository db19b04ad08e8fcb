import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** The project's own thesis-like fixtures (never ../shared): one file per importable format. */

export const transcriptText = [
  "Pewawancara: Apa tujuan Pemerintah Kota Padang menjalin kerja sama dengan Bà Rịa–Vũng Tàu?",
  "Narasumber: Kami ingin membuka pasar ekspor perikanan dan menarik investasi ke pelabuhan Teluk Bayur.",
  "Narasumber: Hambatan terbesar adalah keterbatasan anggaran dan perbedaan bahasa.",
].join("\r\n");

/** UTF-16 LE with a byte-order mark, as Windows Notepad saves it. */
export function utf16Transcript(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(transcriptText, "utf16le")]);
}

export const notesMarkdown = "# Catatan lapangan\n\nKunjungan ke Vũng Tàu ditunda karena pandemi Covid-19.\n";

export async function reportDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Laporan Kerja Sama Luar Negeri", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Latar belakang", heading: HeadingLevel.HEADING_2 }),
          new Paragraph("Letter of Intent ditandatangani pada tahun 2016 oleh kedua wali kota."),
          new Paragraph("Memorandum of Understanding belum dilaksanakan karena anggaran tidak tersedia."),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function articlePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pages = [
    ["Paradiplomacy of Padang City", "The cooperation began with a visit of a delegation in 2016."],
    ["Findings", "The economic motive is dominant: fisheries exports and port investment."],
  ];
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 40, size: 12, font }));
  }
  return Buffer.from(await pdf.save());
}
