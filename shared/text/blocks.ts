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

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Ends a sentence or a clause a paragraph may end on. */
const PARAGRAPH_END = /[.!?:;…"”’')\]]\s*$/;

/**
 * Blocks for plain text. Normally one paragraph per non-empty line (CRLF, LF and CR all end a line),
 * so a transcript's speaker turns stay apart. Text extracted from a PDF is often "double-spaced":
 * every line, even mid-sentence, followed by a blank line. There a blank line cannot mark a paragraph,
 * so a line runs on into the next unless it ends a sentence or is clearly short (a heading, the end
 * of a paragraph). The text itself is kept exactly either way: a reflowed block simply spans the
 * line breaks.
 */
export function linesToBlocks(text: string): Block[] {
  const lines: Line[] = [];
  let blankLines = 0;
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  // A block spans its line without the spaces around it, so quotes and highlights start at words.
  const push = (end: number) => {
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (!trimmed) return void blankLines++;
    const from = start + (line.length - line.trimStart().length);
    lines.push({ start: from, end: from + trimmed.length, text: trimmed });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  const toBlock = (first: Line, last: Line): Block => ({ start: offset(first.start), end: offset(last.end), kind: "paragraph" });
  if (!isDoubleSpaced(lines, blankLines)) return lines.map((line) => toBlock(line, line));

  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const short = 0.6 * lengths[Math.floor(lengths.length / 2)]!;
  const blocks: Block[] = [];
  let first = lines[0]!;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!next || PARAGRAPH_END.test(line.text) || line.text.length < short) {
      blocks.push(toBlock(first, line));
      if (next) first = next;
    }
  });
  return blocks;
}

/** Nearly every line followed by a blank one, over enough lines to tell. */
function isDoubleSpaced(lines: readonly Line[], blankLines: number): boolean {
  return lines.length >= 8 && blankLines >= 0.8 * lines.length;
}
