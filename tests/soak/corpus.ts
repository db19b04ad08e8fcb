/**
 * The fuzz corpus: malformed and hostile files of every kind Tandai imports, generated from a
 * seed into a folder (never read from anywhere else). Each file has a class (its extension) and a
 * kind (how it was made), so the report can say which kind of file costs what.
 */
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDeflate } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import yazl from "yazl";
import { MAX_IMPORT_BYTES } from "../../shared/model/limits.js";

export interface FuzzFile {
  path: string;
  name: string;
  /** The extension: txt, md, docx, pdf, qdc. */
  ext: string;
  /** How it was made: truncated, bitflip, bomb, xxe, … */
  kind: string;
  /** Imported by `tandai codebook import` (qdc) or `tandai import`. */
  command: "import" | "codebook";
}

type Random = () => number;

const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="soak">
  <Codes>
    <Code guid="a1" name="Motif" isCodable="true" color="#1f77b4">
      <Description>Alasan kerja sama</Description>
      <Code guid="a2" name="Ekonomi" isCodable="true"/>
      <Code guid="a3" name="Budaya" isCodable="true"/>
    </Code>
    <Code guid="b1" name="Hambatan" isCodable="true"/>
  </Codes>
</CodeBook>
`;

const TRANSCRIPT = Array.from({ length: 40 }, (_, i) => `Narasumber ${i % 2 ? "B" : "A"}: kerja sama sister city Bandung–Braunschweig, giliran ${i + 1}.`);

async function baseDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: TRANSCRIPT.map((line) => new Paragraph(line)) }] }));
}

async function basePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  TRANSCRIPT.slice(0, 30).forEach((line, i) => page.drawText(line.replace("–", "-"), { x: 40, y: 800 - i * 24, size: 10, font }));
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

const truncated = (bytes: Buffer, random: Random) => bytes.subarray(0, Math.floor(random() * bytes.length));

function bitflipped(bytes: Buffer, random: Random): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + Math.floor(random() * 40);
  for (let i = 0; i < flips; i++) copy[Math.floor(random() * copy.length)]! ^= 1 << Math.floor(random() * 8);
  return copy;
}

const randomBytes = (length: number, random: Random) => Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));

/** A zip of the given entries; an entry given as a function streams its (possibly huge) bytes. */
async function zip(entries: [string, Buffer | (() => Readable)][]): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of entries) {
    if (typeof data === "function") file.addReadStream(data(), name);
    else file.addBuffer(data, name);
  }
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `total` bytes of `unit` repeated, as a stream (a bomb's payload is never in memory). */
function repeated(unit: string, total: number, head = "", tail = ""): Readable {
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  return Readable.from(
    (function* () {
      yield Buffer.from(head);
      for (let sent = 0; sent < total; sent += block.length) yield block;
      yield Buffer.from(tail);
    })(),
  );
}

async function deflated(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const deflate = createDeflate({ level: 9 });
  const done = pipeline(source, deflate);
  for await (const chunk of deflate) chunks.push(chunk as Buffer);
  await done;
  return Buffer.concat(chunks);
}

const WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);
/** A hand-made .docx whose word/document.xml is `document` (a string or a stream). */
const docxWith = (document: string | (() => Readable), extra: [string, Buffer][] = []) =>
  zip([["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", RELS], ["word/document.xml", typeof document === "string" ? Buffer.from(document) : document], ...extra]);
const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${WORD}><w:body>${inner}</w:body></w:document>`;
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A PDF from raw objects (1: catalog, 2: pages, 3: page, 4: contents, 5: font, …), xref computed. */
function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(object) ? object : Buffer.from(object, "latin1"), Buffer.from("\nendobj\n")]);
    offsets.push(length);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
const stream = (data: Buffer, dict = "") => Buffer.concat([Buffer.from(`<< /Length ${data.length} ${dict} >>\nstream\n`), data, Buffer.from("\nendstream")]);
const PAGE_TEXT = Buffer.from("BT /F1 12 Tf 72 720 Td (Wawancara soak: kerja sama daerah.) Tj ET");
const pdfObjects = (overrides: Record<number, string | Buffer> = {}, extra: (string | Buffer)[] = []) => {
  const objects: (string | Buffer)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream(PAGE_TEXT),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...extra,
  ];
  for (const [i, object] of Object.entries(overrides)) objects[Number(i) - 1] = object;
  return rawPdf(objects);
};

const XXE_DOCTYPE = (root: string) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>`;
const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>';

/**
 * Writes the corpus into `dir`. `copies` is how many truncated and how many bit-flipped copies
 * of each valid base file (docx, pdf, qdc, txt) to make; the hand-made hostile files come once each.
 * `bomb` scales the bombs' inflated sizes (200–300 MB at 1; compressing them is most of the time
 * the corpus takes).
 */
export async function writeCorpus(dir: string, random: Random, copies: number, bomb = 1): Promise<FuzzFile[]> {
  const files: FuzzFile[] = [];
  const add = async (name: string, kind: string, data: Buffer | string | (() => Readable)) => {
    const path = join(dir, name);
    if (typeof data === "function") await pipeline(data(), createWriteStream(path));
    else await writeFile(path, data);
    const ext = name.slice(name.lastIndexOf(".") + 1);
    files.push({ path, name, ext, kind, command: ext === "qdc" ? "codebook" : "import" });
  };
  const docx = await baseDocx();
  const pdf = await basePdf();
  const qdc = Buffer.from(QDC);
  const txt = Buffer.from(TRANSCRIPT.join("\n"));
  for (const [ext, base] of [["docx", docx], ["pdf", pdf], ["qdc", qdc], ["txt", txt]] as const) {
    await add(`valid.${ext}`, "valid", base);
    for (let i = 0; i < copies; i++) await add(`truncated-${i}.${ext}`, "truncated", truncated(base, random));
    for (let i = 0; i < copies; i++) await add(`bitflip-${i}.${ext}`, "bitflip", bitflipped(base, random));
    for (let i = 0; i < 2; i++) await add(`random-${i}.${ext}`, "random", randomBytes(64 + Math.floor(random() * 64 * 1024), random));
    await add(`empty.${ext}`, "empty", Buffer.alloc(0));
    await add(`nul.${ext}`, "nul", Buffer.alloc(64 * 1024));
  }

  // Plain text and Markdown: NUL bytes, encodings, sizes.
  await add("nul-sprinkled.txt", "nul", TRANSCRIPT.join("\n").replace(/ /g, " \0"));
  await add("invalid-utf8.txt", "encoding", Buffer.concat([txt, Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xed, 0xa0, 0x80])]));
  await add("utf16-odd-length.txt", "encoding", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("halo dunia", "utf16le"), Buffer.from([0x41])]));
  await add("bom-only.txt", "encoding", Buffer.from([0xef, 0xbb, 0xbf]));
  await add("control-chars.txt", "encoding", Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 32)));
  await add("huge-line.txt", "huge", () => repeated("kata ", 20 * 1024 * 1024));
  await add("million-lines.txt", "huge", () => repeated("b\n", 2 * 1024 * 1024));
  await add("cr-only.txt", "huge", () => repeated("baris\r", 4 * 1024 * 1024));
  await add("over-limit.txt", "tooLarge", () => repeated("x", MAX_IMPORT_BYTES + 1024));
  await add("deep-headings.md", "deep", `${"#".repeat(100_000)} judul\n`);
  await add("many-headings.md", "huge", () => repeated("# h\n", 4 * 1024 * 1024));
  await add("nested-quotes.md", "deep", `${">".repeat(200_000)} kutipan\n`);
  await add("huge-line.md", "huge", () => repeated("**tebal** ", 20 * 1024 * 1024));

  // .docx: bombs, hostile XML, broken packages.
  await add("bomb-document.docx", "bomb", await docxWith(() => repeated(para("a"), bomb * 200 * 1024 * 1024, `<?xml version="1.0"?><w:document ${WORD}><w:body>`, "</w:body></w:document>")));
  await add("bomb-one-paragraph.docx", "bomb", await docxWith(() => repeated("a", bomb * 300 * 1024 * 1024, `<?xml version="1.0"?><w:document ${WORD}><w:body><w:p><w:r><w:t>`, "</w:t></w:r></w:p></w:body></w:document>")));
  await add("bomb-media.docx", "bomb", await zip([["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", RELS], ["word/document.xml", Buffer.from(body(para("halo")))], ["word/media/big.bin", () => repeated("\0", bomb * 256 * 1024 * 1024)]]));
  await add("deep-nesting.docx", "deep", await docxWith(body(`${"<w:sdt><w:sdtContent>".repeat(50_000)}${para("dalam")}${"</w:sdtContent></w:sdt>".repeat(50_000)}`)));
  await add("deep-tables.docx", "deep", await docxWith(body(`${"<w:tbl><w:tr><w:tc>".repeat(20_000)}${para("sel")}${"</w:tc></w:tr></w:tbl>".repeat(20_000)}`)));
  await add("xxe.docx", "xxe", await docxWith(`<?xml version="1.0"?>${XXE_DOCTYPE("w:document")}<w:document ${WORD}><w:body>${para("&xxe;")}${para("&net;")}</w:body></w:document>`));
  await add("billion-laughs.docx", "entities", await docxWith(`<?xml version="1.0"?>${LAUGHS}<w:document ${WORD}><w:body>${para("&lol9;")}</w:body></w:document>`));
  await add("no-document-xml.docx", "broken", await zip([["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", RELS]]));
  await add("no-content-types.docx", "broken", await zip([["_rels/.rels", RELS], ["word/document.xml", Buffer.from(body(para("halo")))]]));
  await add("document-not-xml.docx", "broken", await docxWith("this is not xml <<<"));
  await add("document-nul.docx", "nul", await docxWith(body(para("ha\0lo"))));
  // yazl refuses ".." in a name, so the entry is renamed in the bytes (names are outside the CRC).
  const slip = await zip([["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", RELS], ["word/document.xml", Buffer.from(body(para("halo")))], ["xx/xx/xx/xx/tmp/tandai-soak-zip-slip.txt", Buffer.from("escaped")]]);
  await add("zip-slip.docx", "broken", Buffer.from(slip.toString("latin1").replaceAll("xx/xx/xx/xx/", "../../../../"), "latin1"));
  await add("many-entries.docx", "huge", await zip([["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", RELS], ["word/document.xml", Buffer.from(body(para("halo")))], ...Array.from({ length: 20_000 }, (_, i): [string, Buffer] => [`word/x${i}.xml`, Buffer.from("<x/>")])]));
  await add("many-paragraphs.docx", "huge", await docxWith(() => repeated(para("kalimat pendek"), 30 * 1024 * 1024, `<?xml version="1.0"?><w:document ${WORD}><w:body>`, "</w:body></w:document>")));
  await add("pdf-named-docx.docx", "mislabelled", pdf);

  // .pdf: structure attacks on a hand-made file.
  await add("no-text.pdf", "broken", pdfObjects({ 4: stream(Buffer.from("")) }));
  await add("kids-loop.pdf", "loop", pdfObjects({ 2: "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>" }));
  await add("parent-loop.pdf", "loop", pdfObjects({ 3: "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>" }));
  await add("deep-arrays.pdf", "deep", pdfObjects({}, [`${"[".repeat(100_000)}${"]".repeat(100_000)}`]));
  await add("deep-dicts.pdf", "deep", pdfObjects({ 3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /X ${"<< /A ".repeat(50_000)}1${" >>".repeat(50_000)} >>` }));
  await add("flate-bomb.pdf", "bomb", pdfObjects({ 4: stream(await deflated(repeated("(a) Tj ", bomb * 200 * 1024 * 1024, "BT /F1 12 Tf 72 720 Td ", " ET")), "/Filter /FlateDecode") }));
  await add("huge-content.pdf", "huge", pdfObjects({ 4: stream(Buffer.from(`BT /F1 12 Tf ${"0 -14 Td (baris teks soak) Tj ".repeat(300_000)} ET`)) }));
  await add("wrong-length.pdf", "broken", pdfObjects({ 4: `<< /Length 999999999 >>\nstream\n${PAGE_TEXT.toString()}\nendstream` }));
  await add("bad-xref.pdf", "broken", Buffer.from(pdfObjects().toString("latin1").replace(/startxref\n\d+/, "startxref\n7"), "latin1"));
  await add("encrypted.pdf", "broken", Buffer.from(pdfObjects().toString("latin1").replace("/Root 1 0 R", "/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /O (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) /U (yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy) /P -4 /Length 128 >> /ID [<00> <00>]"), "latin1"));
  await add("many-pages.pdf", "huge", rawPdf(["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${Array.from({ length: 20_000 }, () => "3 0 R").join(" ")}] /Count 20000 >>`, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", stream(PAGE_TEXT), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]));
  await add("bogus-font.pdf", "broken", pdfObjects({ 5: `<< /Type /Font /Subtype /TrueType /BaseFont /X /FontDescriptor 6 0 R >>` }, [`<< /Type /FontDescriptor /FontName /X /FontFile2 7 0 R >>`, stream(randomBytes(4096, random))]));
  await add("header-only.pdf", "broken", "%PDF-1.7\n");
  await add("docx-named-pdf.pdf", "mislabelled", docx);

  // .qdc: hostile XML.
  const book = (inner: string, head = "") => `<?xml version="1.0" encoding="utf-8"?>${head}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${inner}</Codes></CodeBook>`;
  await add("xxe.qdc", "xxe", book('<Code name="&xxe;"/><Code name="&net;"/>', XXE_DOCTYPE("CodeBook")));
  await add("billion-laughs.qdc", "entities", book('<Code name="&lol9;"/>', LAUGHS));
  await add("deep-nesting.qdc", "deep", book(`${'<Code name="k">'.repeat(100_000)}${"</Code>".repeat(100_000)}`));
  await add("many-codes.qdc", "huge", book(Array.from({ length: 100_000 }, (_, i) => `<Code name="kode ${i}"/>`).join("")));
  await add("huge-name.qdc", "huge", book(`<Code name="${"n".repeat(10 * 1024 * 1024)}"/>`));
  await add("wrong-namespace.qdc", "broken", QDC.replace("urn:QDA-XML:codebook:1.0", "urn:example:other"));
  await add("utf16.qdc", "encoding", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QDC.replace('encoding="utf-8"', 'encoding="utf-16"'), "utf16le")]));
  await add("no-codes.qdc", "broken", book(""));
  await add("nameless.qdc", "broken", book('<Code color="#ff0000"/>'));
  await add("unclosed.qdc", "broken", book('<Code name="a">'));
  return files;
}
