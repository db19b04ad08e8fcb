import { blockIndexAt } from "../text/blocks.js";
import type { IndexedDocument } from "./corpus.js";

/** About a line of text either side of a hit. */
export const CONTEXT_CHARS = 80;

/**
 * The context of a range, within its paragraph, cut at whole words, with "…" where the paragraph
 * goes on. Line breaks inside a block read as spaces, as the document view shows them.
 */
export function contextOf(doc: IndexedDocument, start: number, end: number, chars = CONTEXT_CHARS): { before: string; after: string } {
  const block = doc.blocks[Math.min(blockIndexAt(doc.blocks, start), doc.blocks.length - 1)]!;
  const from = Math.max(Math.min(block.start, start), start - chars);
  const to = Math.min(Math.max(block.end, end), end + chars);
  let before = doc.text.slice(from, start);
  let after = doc.text.slice(end, to);
  if (from > block.start) before = "…" + before.replace(/^\S*\s/u, "");
  if (to < block.end) after = after.replace(/\s\S*$/u, "") + "…";
  const flat = (s: string) => s.replace(/\r\n|[\r\n]/g, " ");
  return { before: flat(before), after: flat(after) };
}
