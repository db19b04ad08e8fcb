import type { CodingId } from "../../shared/model/ids.js";
import type { CodingHighlight } from "./codingHighlights.js";

/**
 * The codings under a caret or a selection, innermost (shortest) first, as a click on coded text
 * lists them. A caret at offset o is inside a coding when start ≤ o < end (just after a coded word
 * is outside it); a selection takes every coding it overlaps.
 */
export function codingsAt(highlights: Iterable<CodingHighlight>, start: number, end: number): CodingId[] {
  const found: CodingHighlight[] = [];
  for (const h of highlights) {
    if (start === end ? h.start <= start && start < h.end : h.start < end && h.end > start) found.push(h);
  }
  return found.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start).map((h) => h.id);
}
