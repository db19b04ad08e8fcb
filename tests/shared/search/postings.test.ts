import { describe, expect, it } from "vitest";
import { buildPostings, positionsOf } from "../../../shared/search/postings.js";
import { seededRandom } from "../../../shared/random.js";

/** Random word ids with a skewed distribution (a few common words, many rare ones), as text has. */
function randomTerms(random: () => number, length: number, vocabulary: number): Int32Array {
  return Int32Array.from({ length }, () => Math.floor(vocabulary * random() ** 3));
}

const brute = (terms: Int32Array, wanted: Set<number>) => [...terms.keys()].filter((t) => wanted.has(terms[t]!));

describe("postings: where each distinct word of a document occurs", () => {
  it("list every position of every word, ascending, for random documents", () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 30; trial++) {
      const vocabulary = 1 + Math.floor(random() * 500);
      const terms = randomTerms(random, Math.floor(random() * 3000), vocabulary);
      const postings = buildPostings(terms, vocabulary + Math.floor(random() * 100));
      expect([...postings.ids]).toEqual([...new Set(terms)].sort((a, b) => a - b));
      postings.ids.forEach((id, k) => expect([...postings.positions.subarray(postings.offsets[k], postings.offsets[k + 1])]).toEqual(brute(terms, new Set([id]))));
    }
  });

  it("give the positions of any set of words, ascending, whichever list is the shorter", () => {
    const random = seededRandom(12);
    for (let trial = 0; trial < 200; trial++) {
      const vocabulary = 1 + Math.floor(random() * 300);
      const terms = randomTerms(random, Math.floor(random() * 2000), vocabulary);
      const postings = buildPostings(terms, vocabulary);
      // From none to more ids than the document has, some of them absent from it.
      const wanted = new Set(Array.from({ length: Math.floor(random() * vocabulary * 1.5) }, () => Math.floor(random() * (vocabulary + 20))));
      const ids = Int32Array.from(wanted).sort();
      expect([...positionsOf(postings, ids)], `trial ${trial}`).toEqual(brute(terms, wanted));
    }
  });

  it("an empty document has no postings", () => {
    const postings = buildPostings(new Int32Array(0), 10);
    expect(postings.ids.length).toBe(0);
    expect([...positionsOf(postings, Int32Array.of(1, 2, 3))]).toEqual([]);
  });
});
