import type { Block } from "../model/project.js";
import { offset } from "../model/ids.js";

/**
 * The one conversion between a document's text offsets (UTF-16 code units of the stored text) and
 * positions in the editor document that shows it.
 *
 * The editor document is `doc > section > (paragraph | heading)`, each section holding up to
 * `sectionSize` consecutive blocks (so the browser can skip laying out sections off screen), and
 * each block holding exactly the text `text.slice(block.start, block.end)` as one text node. In
 * ProseMirror's counting, opening or closing a node takes one position and each UTF-16 code unit
 * one, so inside a block offsets and positions advance together (emoji take two, a combining accent
 * one, exactly as in the stored text). The text between blocks (line ends, blank lines) is not
 * shown: an offset there snaps to the nearest block edge, and a position between blocks to the
 * nearest edge of a block.
 *
 * Pure: it works on the block list alone, so shared code, the renderer and tests agree on it.
 */

/** Blocks per section: small enough that updating one section is cheap, large enough to be few. */
export const SECTION_SIZE = 16;

export interface TextPositions {
  /** The blocks as the editor shows them (never empty: a text without blocks is one paragraph). */
  readonly blocks: readonly Block[];
  readonly sectionSize: number;
  readonly sectionCount: number;
  /** The size of the editor document's content (`doc.content.size`). */
  readonly size: number;
  /** The editor position of `offset`; offsets outside every block snap to the nearest block edge. */
  offsetToPos(offset: number): number;
  /** The text offset of editor position `pos`; positions between blocks snap to the nearest block edge. */
  posToOffset(pos: number): number;
  /** Editor positions of the range [start, end), or null when it covers no shown text. */
  rangeToPos(start: number, end: number): { from: number; to: number } | null;
  /** The position where block `index`'s text starts (just inside its node). */
  blockPos(index: number): number;
  /** Index of the block whose text contains `pos`, or the last block starting before it. */
  blockIndexAtPos(pos: number): number;
}

/**
 * Lays out `blocks` (ordered, non-overlapping ranges of a text of `textLength` units) into sections
 * and builds prefix arrays so both conversions are a binary search.
 */
export function textPositions(blocks: readonly Block[], textLength: number, sectionSize = SECTION_SIZE): TextPositions {
  if (!(sectionSize >= 1)) throw new RangeError(`sectionSize must be at least 1, not ${sectionSize}`);
  const shown: readonly Block[] = blocks.length > 0 ? blocks : [{ start: offset(0), end: offset(textLength), kind: "paragraph" }];
  const n = shown.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  /** contentPos[i]: the position where block i's text begins. */
  const contentPos = new Float64Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const b = shown[i]!;
    if (b.end < b.start || (i > 0 && b.start < shown[i - 1]!.end)) {
      throw new RangeError(`block ${i} (${b.start}–${b.end}) is not an ordered, non-overlapping range`);
    }
    if (i % sectionSize === 0) pos += 1; // the section opens
    pos += 1; // the block opens
    starts[i] = b.start;
    ends[i] = b.end;
    contentPos[i] = pos;
    pos += b.end - b.start + 1; // its text, then it closes
    if (i % sectionSize === sectionSize - 1 || i === n - 1) pos += 1; // the section closes
  }
  const size = pos;
  const endPos = (i: number) => contentPos[i]! + (ends[i]! - starts[i]!);

  /** First block whose end is at or after `o` (n when none). */
  const firstEndingAtOrAfter = (o: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Last block whose text starts at or before `p` (-1 when none). */
  const lastStartingAtOrBefore = (p: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (contentPos[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const offsetToPos = (o: number): number => {
    const i = firstEndingAtOrAfter(o);
    if (i === n) return endPos(n - 1);
    if (o >= starts[i]!) return contentPos[i]! + (o - starts[i]!);
    // Between blocks (or before the first): the nearer edge, the earlier one on a tie.
    if (i > 0 && o - ends[i - 1]! <= starts[i]! - o) return endPos(i - 1);
    return contentPos[i]!;
  };

  const posToOffset = (p: number): number => {
    const i = lastStartingAtOrBefore(p);
    if (i < 0) return starts[0]!;
    const end = endPos(i);
    if (p <= end) return starts[i]! + (p - contentPos[i]!);
    if (i + 1 < n && contentPos[i + 1]! - p < p - end) return starts[i + 1]!;
    return ends[i]!;
  };

  return {
    blocks: shown,
    sectionSize,
    sectionCount: Math.ceil(n / sectionSize),
    size,
    offsetToPos,
    posToOffset,
    rangeToPos(start, end) {
      const from = offsetToPos(Math.min(start, end));
      const to = offsetToPos(Math.max(start, end));
      return from < to ? { from, to } : null;
    },
    blockPos: (index) => contentPos[index]!,
    blockIndexAtPos: (p) => Math.max(0, lastStartingAtOrBefore(p)),
  };
}
