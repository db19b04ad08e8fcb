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

/** Ends a sentence or a clause a paragraph may end on. */
const PARAGRAPH_END = /[.!?:;…"”’')\]]\s*$/;

/** Whitespace as String.prototype.trim sees it. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * Blocks for plain text. Normally one paragraph per non-empty line (CRLF, LF and CR all end a line),
 * so a transcript's speaker turns stay apart. Text extracted from a PDF is often "double-spaced":
 * every line, even mid-sentence, followed by a blank line. There a blank line cannot mark a paragraph,
 * so a line runs on into the next unless it ends a sentence or is clearly short (a heading, the end
 * of a paragraph). The text itself is kept exactly either way: a reflowed block simply spans the
 * line breaks.
 *
 * Lines are found in one pass over the characters and kept as pairs of numbers, not as objects or
 * substrings: a file of a million short lines would otherwise cost hundreds of megabytes more.
 */
export function linesToBlocks(text: string): Block[] {
  // A block spans its line without the spaces around it, so quotes and highlights start at words.
  const bounds: number[] = [];
  let blankLines = 0;
  let first = -1;
  let last = -1;
  const endLine = () => {
    if (first < 0) blankLines++;
    else bounds.push(first, last + 1);
    first = last = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      endLine();
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    } else if (!isSpace(c)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  endLine();
  const lineCount = bounds.length / 2;
  const toBlock = (start: number, end: number): Block => ({ start: offset(start), end: offset(end), kind: "paragraph" });
  const blocks: Block[] = [];
  if (!isDoubleSpaced(lineCount, blankLines)) {
    for (let i = 0; i < bounds.length; i += 2) blocks.push(toBlock(bounds[i]!, bounds[i + 1]!));
    return blocks;
  }

  const lengths = Array.from({ length: lineCount }, (_, i) => bounds[2 * i + 1]! - bounds[2 * i]!).sort((a, b) => a - b);
  const short = 0.6 * lengths[Math.floor(lengths.length / 2)]!;
  let from = bounds[0]!;
  for (let i = 0; i < lineCount; i++) {
    const [start, end] = [bounds[2 * i]!, bounds[2 * i + 1]!];
    if (i === lineCount - 1 || PARAGRAPH_END.test(text.slice(start, end)) || end - start < short) {
      blocks.push(toBlock(from, end));
      if (i < lineCount - 1) from = bounds[2 * i + 2]!;
    }
  }
  return blocks;
}

/** Nearly every line followed by a blank one, over enough lines to tell. */
function isDoubleSpaced(lineCount: number, blankLines: number): boolean {
  return lineCount >= 8 && blankLines >= 0.8 * lineCount;
}
