/**
 * Words of a verbatim text with their exact UTF-16 offsets. A word is a run of letters, digits and
 * combining marks (so "e" + U+0301 stays one word, an emoji or a hyphen separates words); its
 * folded form drops case and diacritics, which is how search compares words. Offsets always come
 * from the verbatim text, never from the folded one, so a hit is exactly what a coding would cover.
 */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Anything but printable ASCII (words hold no control characters: they are letters, digits and marks). */
const NON_ASCII = /[^ -~]/;

/** Lower case without diacritics: "Kerjasama" and "kerjasamá" compare equal. ASCII words (most) skip normalising. */
export function foldWord(word: string): string {
  return NON_ASCII.test(word) ? word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() : word.toLowerCase();
}

export interface Tokens {
  starts: Int32Array;
  ends: Int32Array;
  /** Folded forms, one per word. */
  words: string[];
}

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    words.push(foldWord(m[0]));
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), words };
}

/** The folded words of a short text (a query word, a phrase). */
export function foldedWords(text: string): string[] {
  return tokenize(text).words;
}
