import type { JSONContent } from "@tiptap/core";
import type { Block, DocumentContent } from "../../shared/model/project.js";
import type { TextPositions } from "../../shared/text/positions.js";

/** Layout guesses for a section's room before it is drawn; they match documentView.css. */
const CHARS_PER_LINE = 85;
const LINE_HEIGHT_EM = 1.8;
const PARAGRAPH_GAP_EM = 0.9;
const HEADING_EM = 2.6;

/** A block's estimated height in em, before the browser has laid it out. */
export function estimatedHeight(block: Block): number {
  return block.kind === "heading" ? HEADING_EM : Math.max(1, Math.ceil((block.end - block.start) / CHARS_PER_LINE)) * LINE_HEIGHT_EM + PARAGRAPH_GAP_EM;
}

/**
 * How far into `block` (a text offset) its estimated lines reach `em` below its top, rounded up to
 * a whole line; a heading's end (it is one or two lines, drawn whole).
 */
export function estimatedOffsetAt(block: Block, em: number): number {
  if (block.kind === "heading") return block.end;
  const lines = Math.max(1, Math.ceil(em / LINE_HEIGHT_EM));
  return Math.min(block.end, block.start + lines * CHARS_PER_LINE);
}

/**
 * The editor document for `content`, laid out as `positions` says: each block's text verbatim in
 * one text node, `sectionSize` blocks to a section, and a page marker where a new PDF page begins.
 * The first `shownSections` sections are marked as on screen at the open.
 */
export function buildDocument(content: DocumentContent, positions: TextPositions, shownSections = 0): JSONContent {
  const { blocks, sectionSize } = positions;
  const sections: JSONContent[] = [];
  let page: number | undefined;
  for (let first = 0; first < blocks.length; first += sectionSize) {
    const children: JSONContent[] = [];
    let estimate = 0;
    for (let i = first; i < Math.min(first + sectionSize, blocks.length); i++) {
      const b = blocks[i]!;
      // A paragraph reflowed from hard-wrapped lines keeps its line breaks in the stored text; it shows
      // them as spaces, character for character, so offsets and editor positions still map 1:1.
      const text = content.text.slice(b.start, b.end).replace(/[\r\n]/g, " ");
      const pageStart = b.page !== undefined && b.page !== page ? b.page : null;
      if (b.page !== undefined) page = b.page;
      const node: JSONContent =
        b.kind === "heading"
          ? { type: "heading", attrs: { level: b.level ?? 1, pageStart } }
          : { type: "paragraph", attrs: { pageStart } };
      if (text) node.content = [{ type: "text", text }];
      children.push(node);
      estimate += estimatedHeight(b);
    }
    const shown = sections.length < shownSections ? true : null;
    sections.push({ type: "section", attrs: { estimate: Math.round(estimate), shown }, content: children });
  }
  return { type: "doc", content: sections };
}
