import { blockIndexAt } from "../text/blocks.js";
import type { IndexedDocument } from "./corpus.js";

/** About a line of text either side of a hit. */
export const CONTEXT_CHARS = 80;

/** What \s matches, by code unit, without a regular expression (this runs once per hit, 100k times for a common word). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const flat = (s: string) => (s.includes("\n") || s.includes("\r") ? s.replace(/\r\n|[\r\n]/g, " ") : s);

/** The index of the block a hit stands in (the block after it, between blocks; the last one past the end). */
export function blockOf(doc: IndexedDocument, start: number): number {
  return Math.min(blockIndexAt(doc.blocks, start), doc.blocks.length - 1);
}

/**
 * The context of a range, within its paragraph, cut at whole words, with "…" where the paragraph
 * goes on. Line breaks inside a block read as spaces, as the document view shows them.
 */
export function contextOf(doc: IndexedDocument, start: number, end: number, chars = CONTEXT_CHARS, block = doc.blocks[blockOf(doc, start)]!): { before: string; after: string } {
  const { text } = doc;
  let from = Math.max(Math.min(block.start, start), start - chars);
  let to = Math.min(Math.max(block.end, end), end + chars);
  let before: string;
  let after: string;
  if (from > block.start) {
    // Drop the cut word at the front, and the space after it.
    let i = from;
    while (i < start && !isSpace(text.charCodeAt(i))) i++;
    if (i < start) from = i + 1;
    before = "…" + text.slice(from, start);
  } else before = text.slice(from, start);
  if (to < block.end) {
    // Drop the cut word at the end, and the space before it.
    let i = to - 1;
    while (i >= end && !isSpace(text.charCodeAt(i))) i--;
    if (i >= end) to = i;
    after = text.slice(end, to) + "…";
  } else after = text.slice(end, to);
  return { before: flat(before), after: flat(after) };
}
