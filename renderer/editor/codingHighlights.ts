import type { CodeId, CodingId } from "../../shared/model/ids.js";
import type { Code, Coding } from "../../shared/model/project.js";

/** What the document view draws for one coding: a span of text in its code's colour. */
export interface CodingHighlight {
  id: CodingId;
  start: number;
  end: number;
  color: string;
  contradicts: boolean;
  /** Its code (for the stripes' label: its name is looked up only for the bars drawn). */
  codeId?: CodeId;
}

/** Drawn for a coding whose code is not (or no longer) in the codebook. */
export const UNKNOWN_CODE_COLOR = "#8a8a8a";

export function highlightOf(coding: Coding, codes: Readonly<Record<string, Code>>): CodingHighlight {
  return {
    id: coding.id,
    start: coding.start,
    end: coding.end,
    color: codes[coding.codeId as CodeId]?.color ?? UNKNOWN_CODE_COLOR,
    contradicts: coding.stance === "contradicts",
    codeId: coding.codeId,
  };
}

const same = (a: CodingHighlight, b: CodingHighlight) =>
  a.start === b.start && a.end === b.end && a.color === b.color && a.contradicts === b.contradicts && a.codeId === b.codeId;

export interface HighlightChanges {
  /** Every highlight now shown, by coding id. */
  next: Map<CodingId, CodingHighlight>;
  /** Highlights to draw (new codings, or changed ones: their old drawing is in `remove`). */
  add: CodingHighlight[];
  /** Codings whose drawing goes. */
  remove: CodingId[];
}

/**
 * What changed between the highlights drawn and the codings now given, by coding id: a coding
 * added or removed, or one whose range, stance, code or code colour changed. Linear in the codings.
 */
export function diffHighlights(
  drawn: ReadonlyMap<CodingId, CodingHighlight>,
  codings: readonly Coding[],
  codes: Readonly<Record<string, Code>>,
): HighlightChanges {
  const next = new Map<CodingId, CodingHighlight>();
  const add: CodingHighlight[] = [];
  const remove: CodingId[] = [];
  for (const coding of codings) {
    const h = highlightOf(coding, codes);
    const before = drawn.get(h.id);
    if (!before) add.push(h);
    else if (!same(before, h)) {
      remove.push(h.id);
      add.push(h);
    }
    next.set(h.id, before && same(before, h) ? before : h);
  }
  if (next.size !== drawn.size || remove.length > 0 || add.length > 0) {
    for (const id of drawn.keys()) if (!next.has(id)) remove.push(id);
  }
  return { next, add, remove };
}
