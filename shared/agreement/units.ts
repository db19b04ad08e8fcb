import type { Block, DocumentContent } from "../model/project.js";
import { SENTENCE_END } from "../search/units.js";

export const AGREEMENT_UNITS = ["paragraph", "sentence", "character"] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

export interface TextRange {
  start: number;
  end: number;
}

/** The sentences of one paragraph, split where the search's sentence unit ends them. */
function sentencesOf(text: string, block: Block): TextRange[] {
  const out: TextRange[] = [];
  const body = text.slice(block.start, block.end);
  let from = 0;
  const push = (end: number) => {
    let s = from;
    while (s < end && /\s/u.test(body[s]!)) s++;
    if (s < end) out.push({ start: block.start + s, end: block.start + end });
    from = end;
  };
  const re = new RegExp(SENTENCE_END.source, SENTENCE_END.flags);
  for (let m = re.exec(body); m; m = re.exec(body)) push(m.index + m[0].length);
  push(body.length);
  return out;
}

/**
 * The units a document is cut into for agreement: its paragraphs (blocks) or their sentences, in
 * order and without overlap. The character unit has no list: every character is a unit, and runs
 * that all coders treated alike are weighed together (see pieces.ts).
 */
export function unitRanges(content: DocumentContent, unit: Exclude<AgreementUnit, "character">): TextRange[] {
  if (unit === "paragraph") return content.blocks.map((b) => ({ start: b.start, end: b.end }));
  return content.blocks.flatMap((b) => sentencesOf(content.text, b));
}

/** The index of the first range that ends after `pos` (ranges ordered and disjoint). */
export function firstEndingAfter(ranges: readonly TextRange[], pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
