import type { DocumentContent } from "../model/project.js";
import { blockIndexAt } from "./blocks.js";

/** Line breaks inside a block with the spaces around them: the view shows them as a space. */
const BREAK_IN_BLOCK = /[^\S\r\n]*(?:\r\n|\n|\r)\s*/g;

/**
 * The text of `[start, end)` as the coding view shows it, which is what every export and the
 * retrieval view quote: within a block (a PDF paragraph reflowed over its lines spans line breaks)
 * a line break and the blank around it read as one space; blocks are joined by one line break,
 * as the view sets them apart; what lies between blocks (blank lines) is not shown at all.
 * Text outside every block (content without blocks) keeps only its words, line breaks as spaces.
 */
export function displayText(content: DocumentContent, start: number, end: number): string {
  const { text, blocks } = content;
  // Within one block (nearly every coding): its text, without gathering pieces.
  const first = blocks.length ? blockIndexAt(blocks, start) : -1;
  const only = blocks[first];
  if (only && only.start <= start && end <= only.end) return oneLine(text.slice(start, end));
  const pieces: string[] = [];
  for (let i = Math.max(first, 0); i < blocks.length && blocks[i]!.start < end; i++) {
    const block = blocks[i]!;
    if (block.end <= start) continue;
    pieces.push(oneLine(text.slice(Math.max(start, block.start), Math.min(end, block.end))));
  }
  if (!pieces.length) return oneLine(text.slice(start, end));
  return pieces.join("\n");
}

/** Most passages hold no line break: those are returned as they are, without a regex pass. */
function oneLine(text: string): string {
  return text.includes("\n") || text.includes("\r") ? text.replace(BREAK_IN_BLOCK, " ") : text;
}
