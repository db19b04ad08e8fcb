import mammoth from "mammoth";
import type { DocumentContent } from "../../shared/index.js";
import { detailOf, importError } from "./errors.js";
import { MAX_BLOCKS } from "./limits.js";
import { joinPieces, type Piece } from "./pieces.js";
import { checkDocxZip } from "./zip.js";

/**
 * The parts of mammoth's document model (lib/documents.js) we read. Paragraphs carry their
 * style, runs and hyperlinks nest inline content, tables nest rows, cells and paragraphs.
 */
interface DocxNode {
  type: string;
  children?: DocxNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
}

/**
 * .docx through mammoth's document model, not its HTML. `transformDocument` is mammoth's public
 * hook that receives the parsed document (paragraphs with their style names, runs, tables) before
 * it is rendered; we keep that model and hand mammoth back an empty document, so no HTML is made,
 * no images are decoded, and nothing in the text can ever be read as markup. Walking the model
 * beats tokenising the HTML (no parser to get wrong, no entities to undo) and beats
 * `extractRawText`, which drops heading levels, and mammoth's internal docx reader, which is not
 * part of its API.
 */
export async function importDocx(file: string, data: Uint8Array): Promise<DocumentContent> {
  await checkDocxZip(file, data);
  let body = null as DocxNode[] | null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      {
        transformDocument: (document: DocxNode) => {
          body = document.children ?? [];
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw importError("docxInvalid", file, { detail: detailOf(error) });
  }
  if (body === null) throw importError("docxInvalid", file, { detail: "no document body" });
  const pieces: Piece[] = [];
  collectBlocks(body, pieces);
  if (!pieces.length) throw importError("noText", file);
  if (pieces.length > MAX_BLOCKS) throw importError("tooManyParagraphs", file, { count: pieces.length, max: MAX_BLOCKS });
  return joinPieces(pieces);
}

/** Paragraphs in reading order, including those in tables (each cell's paragraphs in turn). */
function collectBlocks(nodes: readonly DocxNode[], out: Piece[]): void {
  for (const node of nodes) {
    if (node.type === "paragraph") collectParagraph(node, out);
    else if (node.children) collectBlocks(node.children, out);
  }
}

/**
 * One Word paragraph. A line or page break inside it splits it into several blocks, as a line
 * break does in plain text (transcripts often use Shift+Enter between speaker turns). Empty and
 * blank paragraphs are skipped. Paragraphs nested in it (text boxes) follow it.
 */
function collectParagraph(paragraph: DocxNode, out: Piece[]): void {
  const nested: DocxNode[] = [];
  let text = "";
  const inline = (nodes: readonly DocxNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") text += node.value ?? "";
      else if (node.type === "tab") text += "\t";
      else if (node.type === "break") text += "\n";
      else if (node.type === "paragraph" || node.type === "table") nested.push(node);
      else if (node.children) inline(node.children);
    }
  };
  inline(paragraph.children ?? []);
  const level = headingLevel(paragraph);
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    out.push(level === null ? { text: line, kind: "paragraph" } : { text: line, kind: "heading", level });
  }
  collectBlocks(nested, out);
}

/**
 * Heading 1–6 by style name, which Word stores in English ("heading 1") whatever the UI language;
 * the style id ("Heading1") is the fallback for files without a styles part.
 */
function headingLevel(paragraph: DocxNode): number | null {
  const byName = /^heading\s*([1-6])$/i.exec(paragraph.styleName ?? "");
  const byId = byName ? null : /^heading([1-6])$/i.exec(paragraph.styleId ?? "");
  const digit = (byName ?? byId)?.[1];
  return digit === undefined ? null : Number(digit);
}
