/**
 * Where a document's title starts to differ from the most alike other title: a list that shows two
 * lines of each title cannot tell "Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota
 * Padang, Maret 2024" from "…, Juli 2024" — both show their first 40 characters. For such a title
 * the row shows the start of the title on one line and, on the second, the title from the word
 * where it differs (DocumentRow). Pure: only strings in, offsets out.
 */

/** A shared start shorter than this fits the two lines anyway (about one line of a 200 px list). */
export const SHARED_START_MIN = 24;

/** The length of the common start of `a` and `b`, in UTF-16 code units. */
function commonStart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * For each title that shares a start of SHARED_START_MIN characters or more with another title
 * and goes on after it, the offset of the word in which it differs; other titles are left out.
 * Sorted, a title's longest common start with any other title is with a neighbour: O(n log n).
 */
export function titleTails<K>(entries: readonly { key: K; title: string }[]): Map<K, number> {
  const sorted = [...entries].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  const tails = new Map<K, number>();
  sorted.forEach((entry, i) => {
    const shared = Math.max(i > 0 ? commonStart(entry.title, sorted[i - 1]!.title) : 0, i + 1 < sorted.length ? commonStart(entry.title, sorted[i + 1]!.title) : 0);
    if (shared < SHARED_START_MIN || shared >= entry.title.length) return;
    // Back to the start of the word it differs in, so that word is shown whole.
    const wordStart = entry.title.slice(0, shared).search(/\S*$/);
    if (wordStart >= SHARED_START_MIN) tails.set(entry.key, wordStart);
  });
  return tails;
}
