import type { Block, DocumentContent } from "../model/project.js";
import { offset } from "../model/ids.js";

/** Where an offset stands: its paragraph (1-based, headings included) and PDF page. */
export interface Location {
  paragraph: number;
  page: number | null;
}

/** Index of the block containing `pos`, or of the block after it when `pos` falls between blocks. */
export function blockIndexAt(blocks: readonly Block[], pos: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function locationOf(content: DocumentContent, pos: number): Location {
  const index = blockIndexAt(content.blocks, pos);
  return { paragraph: index + 1, page: content.blocks[index]?.page ?? null };
}

/**
 * Blocks for plain text: one paragraph per non-empty line (CRLF, LF and CR all end a line), so a
 * transcript's speaker turns stay apart and the text itself is kept exactly.
 */
export function linesToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) blocks.push({ start: offset(start), end: offset(end), kind: "paragraph" });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return blocks;
}
