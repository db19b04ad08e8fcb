/**
 * A document's words grouped by vocabulary id: where each distinct word of the document occurs.
 * `ids` lists the document's distinct word ids in ascending order; the positions (token indices,
 * ascending) of `ids[k]` are `positions[offsets[k] .. offsets[k + 1])`. A word query then visits
 * only the places its words occur — for a common word a few hundred per document — instead of
 * every one of the corpus's five million words. 4 bytes a word, plus 8 per distinct word.
 */
export interface Postings {
  ids: Int32Array;
  offsets: Int32Array;
  positions: Int32Array;
}

/** Scratch space shared by every build: a slot per vocabulary id, -1 when unused (reset after each document). */
let slots = new Int32Array(0);

export function buildPostings(terms: Int32Array, vocabularySize: number): Postings {
  if (slots.length < vocabularySize) {
    const grown = new Int32Array(Math.max(vocabularySize, slots.length * 2)).fill(-1);
    grown.set(slots);
    slots = grown;
  }
  // Distinct ids, in ascending order (a typed array sorts numerically, without a comparator).
  const seen: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    const id = terms[t]!;
    if (slots[id] === -1) {
      slots[id] = 0;
      seen.push(id);
    }
  }
  const ids = Int32Array.from(seen).sort();
  for (let k = 0; k < ids.length; k++) slots[ids[k]!] = k;
  const offsets = new Int32Array(ids.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[slots[terms[t]!]! + 1]!++;
  for (let k = 0; k < ids.length; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, ids.length);
  const positions = new Int32Array(terms.length);
  for (let t = 0; t < terms.length; t++) positions[fill[slots[terms[t]!]!]!++] = t;
  for (let k = 0; k < ids.length; k++) slots[ids[k]!] = -1;
  return { ids, offsets, positions };
}

/**
 * The positions, ascending, of every word of the document whose id is in `wanted` (ascending).
 * Walks the shorter of the two id lists and binary-searches the other.
 */
export function positionsOf(postings: Postings, wanted: Int32Array): Int32Array {
  const { ids, offsets, positions } = postings;
  const ranges: number[] = [];
  let total = 0;
  const take = (k: number) => {
    ranges.push(offsets[k]!, offsets[k + 1]!);
    total += offsets[k + 1]! - offsets[k]!;
  };
  if (wanted.length <= ids.length) {
    for (let w = 0, lo = 0; w < wanted.length; w++) {
      const k = lowerBound(ids, wanted[w]!, lo);
      if (k < ids.length && ids[k] === wanted[w]) take(k);
      lo = k;
    }
  } else {
    for (let k = 0, lo = 0; k < ids.length; k++) {
      const w = lowerBound(wanted, ids[k]!, lo);
      if (w < wanted.length && wanted[w] === ids[k]) take(k);
      lo = w;
    }
  }
  if (ranges.length === 2) return positions.subarray(ranges[0]!, ranges[1]!);
  const out = new Int32Array(total);
  for (let r = 0, at = 0; r < ranges.length; r += 2) {
    out.set(positions.subarray(ranges[r]!, ranges[r + 1]!), at);
    at += ranges[r + 1]! - ranges[r]!;
  }
  return out.sort();
}

function lowerBound(sorted: Int32Array, value: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
