import { firstEndingAfter, type TextRange } from "./units.js";

/** A coding reduced to what agreement needs: which coder applied which value (a category's index) where. */
export interface Mark {
  start: number;
  end: number;
  coder: number;
  value: number;
}

/**
 * A stretch of text every coder treated alike: one unit (paragraph, sentence), or a run of
 * characters of `weight` length. `active[coder * values + value]` > 0 when that coder applied that value there.
 */
export interface Piece {
  start: number;
  end: number;
  weight: number;
  active: Int32Array;
}

/**
 * Calls `visit` for each unit some mark touches, in text order; untouched text is not visited (the
 * caller knows how much there is). With `ranges` null the unit is the character: a sweep over the
 * marks' ends, O(m log m) for m marks whatever the document's length; it reuses one `active` array, so
 * a visitor that keeps it must copy it.
 */
export function visitPieces(marks: readonly Mark[], coders: number, values: number, ranges: readonly TextRange[] | null, visit: (piece: Piece) => void): void {
  const width = coders * values;
  if (ranges) {
    const touched = new Map<number, Int32Array>();
    for (const m of marks) {
      for (let i = firstEndingAfter(ranges, m.start); i < ranges.length && ranges[i]!.start < m.end; i++) {
        let active = touched.get(i);
        if (!active) touched.set(i, (active = new Int32Array(width)));
        active[m.coder * values + m.value]! += 1;
      }
    }
    for (const i of [...touched.keys()].sort((a, b) => a - b)) visit({ ...ranges[i]!, weight: 1, active: touched.get(i)! });
    return;
  }
  // Events as [position, slot, +1 | −1], ends before starts at one position (ranges are half-open).
  const events: number[] = [];
  for (const m of marks) {
    if (m.end <= m.start) continue;
    events.push(m.start, m.coder * values + m.value, 1, m.end, m.coder * values + m.value, -1);
  }
  const order = Array.from({ length: events.length / 3 }, (_, i) => i * 3);
  order.sort((a, b) => events[a]! - events[b]! || events[a + 2]! - events[b + 2]!);
  const active = new Int32Array(width);
  let open = 0;
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!;
    active[events[e + 1]!]! += events[e + 2]!;
    open += events[e + 2]!;
    const here = events[e]!;
    const next = k + 1 < order.length ? events[order[k + 1]!]! : here;
    if (open > 0 && next > here) visit({ start: here, end: next, weight: next - here, active });
  }
}
