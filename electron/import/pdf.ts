import { TandaiError, type DocumentContent, type ErrorPayload } from "../../shared/index.js";
import { detailOf, importError, importNotice } from "./errors.js";
import { MAX_BLOCKS, MAX_PDF_PAGES, MAX_TEXT_CHARS, unpackedParams } from "./limits.js";
import { checkPdfStreams } from "./pdfStreams.js";
import { checkPdfXref } from "./pdfXref.js";
import { joinPieces, type Piece } from "./pieces.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;
type TextItem = Extract<Awaited<ReturnType<PdfPage["getTextContent"]>>["items"][number], { str: string }>;

export interface ImportedPdf {
  content: DocumentContent;
  pageCount: number;
  notices: ErrorPayload[];
}

/** pdf.js warnings that say nothing about damage: a standard font it has no data for is drawn with another. */
const HARMLESS_WARNING = /standardFontDataUrl|attempting to fallback|fetchStandardFontData/;

/** A line of a page: its text and where it stands (baseline y, growing upwards) and how tall. */
interface Line {
  text: string;
  y: number;
  height: number;
}

/**
 * A gap between two baselines wider than this many line heights starts a new paragraph: single-
 * and 1.15-spaced lines stay together, a blank line or paragraph spacing separates.
 */
const PARAGRAPH_GAP = 1.5;

/**
 * .pdf through pdfjs-dist's legacy build, which runs in plain Node (and Electron's main process)
 * on its built-in fake worker: no worker file, no canvas, no eval, no fonts loaded. Its text
 * layer is grouped into paragraphs per page (see `paragraphs`); each block records its page.
 */
export async function importPdf(file: string, data: Uint8Array): Promise<ImportedPdf> {
  const { damaged } = await checkPdfStreams(file, data);
  // Loaded on first use: pdf.js is large and most sessions never import a PDF.
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js says when it had to repair a damaged file (rebuilt its cross-reference table, skipped
  // a broken stream or operator) only as console warnings: they are collected while it reads,
  // and reported, since a repaired file may have lost pages or lines.
  const warnings: string[] = [];
  const consoleWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(" ");
    if (!message.startsWith("Warning: ")) return consoleWarn(...args);
    if (!HARMLESS_WARNING.test(message)) warnings.push(message.slice("Warning: ".length));
  };
  // pdf.js may take ownership of (transfer) the buffer it is given: give it a copy.
  const task = getDocument({
    data: data.slice(),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 1,
  });
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PDF_PAGES) throw importError("tooManyPages", file, { count: pdf.numPages, max: MAX_PDF_PAGES });
    const pieces: Piece[] = [];
    let chars = 0;
    for (let page = 1; page <= pdf.numPages; page++) {
      const { items } = await (await pdf.getPage(page)).getTextContent();
      for (const text of paragraphs(items.filter((item): item is TextItem => "str" in item))) {
        pieces.push({ text, kind: "paragraph", page });
        chars += text.length + 1;
      }
      if (chars > MAX_TEXT_CHARS) throw importError("tooLargeUnpacked", file, unpackedParams(chars, MAX_TEXT_CHARS));
      if (pieces.length > MAX_BLOCKS) throw importError("tooManyParagraphs", file, { count: `${pieces.length}+`, max: MAX_BLOCKS });
    }
    if (!pieces.length) throw importError("pdfNoText", file, { pages: pdf.numPages });
    if (damaged.length) warnings.unshift(`${damaged.length} damaged compressed stream(s), the first at byte ${damaged[0]}`);
    // pdf.js reads past an object whose header was damaged without a word (the page loses its text).
    const xref = checkPdfXref(data);
    if (xref) warnings.unshift(xref);
    const notices = warnings.length ? [importNotice("pdfRepaired", file, { detail: warnings[0]!.slice(0, 160) })] : [];
    return { content: joinPieces(pieces), pageCount: pdf.numPages, notices };
  } catch (error) {
    if (error instanceof TandaiError) throw error;
    const name = (error as { name?: unknown } | null)?.name;
    if (name === "PasswordException") throw importError("pdfEncrypted", file);
    throw importError("pdfInvalid", file, { detail: detailOf(error) });
  } finally {
    await task.destroy();
    console.warn = consoleWarn;
  }
}

/**
 * One page's paragraphs. Text items are put on lines (an item ends its line when pdf.js marks
 * `hasEOL` or the next item's baseline moves by more than half a line); consecutive lines stay in
 * one paragraph, joined with a space, while the baseline gap is at most PARAGRAPH_GAP line heights
 * and goes downwards (a jump up is a new column). Words are kept as pdf.js gives them: no
 * de-hyphenation, no reordering.
 */
export function paragraphs(items: readonly TextItem[]): string[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const item of items) {
    const y = Number(item.transform[5]);
    const height = Math.max(item.height, Math.abs(Number(item.transform[3])) || 0);
    if (line && Math.abs(y - line.y) > Math.max(line.height, height) / 2) {
      lines.push(line);
      line = null;
    }
    if (line) {
      line.text += item.str;
      line.height = Math.max(line.height, height);
    } else if (item.str) {
      line = { text: item.str, y, height };
    }
    if (item.hasEOL && line) {
      lines.push(line);
      line = null;
    }
  }
  if (line) lines.push(line);

  const result: string[] = [];
  let current: string[] = [];
  let previous: Line | null = null;
  const flush = () => {
    if (current.length) result.push(current.join(" "));
    current = [];
  };
  for (const next of lines) {
    const text = next.text.trim();
    if (!text) continue;
    if (previous) {
      const gap = previous.y - next.y;
      const lineHeight = Math.max(previous.height, next.height, 1);
      if (gap <= 0 || gap > PARAGRAPH_GAP * lineHeight) flush();
    }
    current.push(text);
    previous = next;
  }
  flush();
  return result;
}
