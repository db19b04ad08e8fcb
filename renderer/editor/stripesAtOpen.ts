import type { TextPositions } from "../../shared/text/positions.js";
import type { CodingHighlight } from "./codingHighlights.js";

/**
 * When a document opens (in the open's task, codingStripes.ts), the coding stripes measure and draw only the bars of codings
 * within this band around the window (in window heights, from its top); the rest of those
 * sections follow in an idle moment. A section holds 16 blocks, which for long speaker turns is
 * several screens, and measuring a bar costs two caret positions.
 */
const OPEN_BAND = [-0.25, 1.25] as const;
const IDLE_TIMEOUT_MS = 300;

/** A section of the view as the stripes know it: its element and its text offsets. */
export interface StripeSection {
  dom: HTMLElement;
  start: number;
  end: number;
}

/**
 * Which codings of section `index` lie within the band at open, judged by the boxes of the blocks
 * they start and end in (one rectangle per block), and start before text offset `until` (where
 * the codings drawn at the open end: one starting below the window's bottom waits with its span).
 * Null when the whole section does; a predicate that keeps none when it lies wholly outside
 * (nothing inside it is laid out to find that out).
 */
export function nearAtOpen(section: StripeSection, index: number, positions: TextPositions, until = Infinity): ((h: CodingHighlight) => boolean) | null {
  const height = section.dom.ownerDocument.defaultView?.innerHeight ?? 0;
  if (section.start >= until) return () => false;
  const box = section.dom.getBoundingClientRect();
  const [top, bottom] = [OPEN_BAND[0] * height, OPEN_BAND[1] * height];
  if (box.top >= top && box.bottom <= bottom && section.end <= until) return null;
  if (box.top >= bottom || box.bottom <= top) return () => false;
  const first = index * positions.sectionSize;
  const blocks = section.dom.children;
  const rects = new Map<number, DOMRect>();
  const rect = (block: number) => {
    let r = rects.get(block);
    if (!r) rects.set(block, (r = (blocks[Math.min(blocks.length - 1, Math.max(0, block - first))] as Element).getBoundingClientRect()));
    return r;
  };
  const blockOf = (offset: number) => positions.blockIndexAtPos(positions.offsetToPos(offset));
  return (h) => h.start < until && rect(blockOf(Math.max(h.start, section.start))).top < bottom && rect(blockOf(Math.max(h.start, Math.min(h.end, section.end) - 1))).bottom > top;
}

/** Runs `complete` in an idle moment (or a task where there are none); returns how to cancel it. */
export function whenIdle(win: Window & typeof globalThis, complete: () => void): () => void {
  if (win.requestIdleCallback) {
    const id = win.requestIdleCallback(complete, { timeout: IDLE_TIMEOUT_MS });
    return () => win.cancelIdleCallback(id);
  }
  const id = win.setTimeout(complete, 0);
  return () => win.clearTimeout(id);
}
