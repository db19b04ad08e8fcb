import { Readable } from "node:stream";
import yauzl from "yauzl";
import yazl from "yazl";
import type { ReportBlock } from "../../shared/export/model.js";
import { CITATION_RUN, STANCE_RULES } from "./docxLook.js";

type Quote = Extract<ReportBlock, { type: "quote" }>;

/**
 * The quotes of a large report, streamed into word/document.xml instead of built by the docx library.
 *
 * The library keeps an object tree per paragraph, then the whole document as one XML string, then the
 * zip in memory: a report quoting 100k codings took 26.6 s and 1.29 GB. Here the library builds the
 * report with one placeholder paragraph per run of consecutive quotes (headings, tables, charts, the
 * table of contents, styles and every other part stay its work), and the quotes' XML — byte for byte
 * what the library writes for them (tests/electron/export/docxStream.test.ts compares) — is generated
 * a slice at a time into the zip entry while it is compressed.
 */

/**
 * The text of the placeholder paragraph standing for quote run `index`: private-use characters and
 * a random word of this export's own, so no text of the report can be taken for one.
 */
export const placeholder = (nonce: string, index: number) => `\uE000${nonce}-${index}\uE000`;
/** What the library writes for `new Paragraph({ children: [new TextRun(placeholder(…))] })`. */
const placeholderXml = (nonce: string, index: number) => `<w:p><w:r><w:t xml:space="preserve">${escape(placeholder(nonce, index))}</w:t></w:r></w:p>`;

/** Quotes serialised between two pushes into the zip stream. */
const QUOTES_PER_CHUNK = 200;

/** The docx library's escaping of text (its xml/stringify.ts): the five entities, and XML-invalid control characters dropped. */
function escape(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping those characters is the point
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? "");
}
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

const LINE_BREAK = /\r\n|\n|\r/;
const CITATION_RPR = `<w:rPr><w:i w:val="${String(CITATION_RUN.italics)}"/><w:iCs w:val="${String(CITATION_RUN.italics)}"/><w:sz w:val="${CITATION_RUN.size}"/><w:szCs w:val="${CITATION_RUN.size}"/></w:rPr>`;
const QUOTE_PPR = Object.fromEntries(
  Object.entries(STANCE_RULES).map(([stance, rule]) => [stance, `<w:pPr><w:pStyle w:val="Quote"/><w:pBdr><w:left w:val="${rule.style}" w:color="${rule.color}" w:sz="${rule.size}" w:space="${rule.space}"/></w:pBdr></w:pPr>`]),
) as Record<Quote["stance"], string>;

/** One quote paragraph: as docx.ts's quote() — the text between curly quotes, then the citation on the next line. */
export function quoteXml(quote: Quote): string {
  let xml = `<w:p>${QUOTE_PPR[quote.stance]}`;
  `“${quote.text}”`.split(LINE_BREAK).forEach((line, i) => (xml += `<w:r>${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escape(line)}</w:t></w:r>`));
  for (const line of quote.citation.split(LINE_BREAK)) xml += `<w:r>${CITATION_RPR}<w:br/><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`;
  return `${xml}</w:p>`;
}

/** word/document.xml with each placeholder replaced by its run of quotes, a slice at a time. */
function* documentXml(head: string, nonce: string, runs: readonly (readonly Quote[])[]): Generator<string> {
  let at = 0;
  for (let index = 0; index < runs.length; index++) {
    const marker = placeholderXml(nonce, index);
    const found = head.indexOf(marker, at);
    if (found < 0) throw new Error(`docx: the placeholder of quote run ${index} is missing from word/document.xml`);
    yield head.slice(at, found);
    const quotes = runs[index]!;
    for (let q = 0; q < quotes.length; q += QUOTES_PER_CHUNK) yield quotes.slice(q, q + QUOTES_PER_CHUNK).map(quoteXml).join("");
    at = found + marker.length;
  }
  yield head.slice(at);
}

interface Part {
  name: string;
  data: Buffer;
  mtime: Date;
}

/** Every part of a .docx (a zip) the library wrote, in its order. */
function unzip(docx: Uint8Array): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("docx: cannot read the library's zip"));
      const parts: Part[] = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(parts));
      zip.on("entry", (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`docx: cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            parts.push({ name: entry.fileName, data: Buffer.concat(chunks), mtime: entry.getLastModDate() });
            zip.readEntry();
          });
        }),
      );
      zip.readEntry();
    });
  });
}

/**
 * The .docx the library wrote (`head`, with placeholders), its document part rewritten with the
 * quote runs streamed in; every other part copied as it is.
 */
export async function withQuotesStreamed(head: Uint8Array, nonce: string, runs: readonly (readonly Quote[])[]): Promise<Uint8Array> {
  const parts = await unzip(head);
  const zip = new yazl.ZipFile();
  for (const part of parts) {
    if (part.name === "word/document.xml") zip.addReadStream(Readable.from(documentXml(part.data.toString("utf8"), nonce, runs)), part.name, { mtime: part.mtime });
    else zip.addBuffer(part.data, part.name, { mtime: part.mtime });
  }
  zip.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.once("end", resolve);
    zip.outputStream.once("error", reject);
  });
  return new Uint8Array(Buffer.concat(chunks));
}
