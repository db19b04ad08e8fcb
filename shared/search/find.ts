/**
 * Find in one document: the text folded (lower case, no diacritics) once, with where each folded
 * unit came from, so each keystroke is a plain indexOf over the folded text and every match maps
 * back to exact offsets of the verbatim text. Unlike corpus search, Find matches any part of a
 * word ("angg" finds "penganggaran"), as a browser's find does.
 */
export interface FoldedText {
  folded: string;
  /** For each folded code unit, the offset of the original character it came from, and that character's end. */
  from: Int32Array;
  to: Int32Array;
}

const MARK = /\p{M}/u;

export function foldText(text: string): FoldedText {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      out.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!);
      from.push(i);
      to.push(i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    for (let k = 0; k < folded.length; k++) {
      out.push(folded[k]!);
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  return { folded: out.join(""), from: Int32Array.from(from), to: Int32Array.from(to) };
}

export function foldQuery(query: string): string {
  return query.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every match of `query` in the text, as [start, end) offsets of the verbatim text, combining marks after a match included. */
export function findInText(text: string, folded: FoldedText, query: string, max = 100_000): [number, number][] {
  const q = foldQuery(query);
  if (!q.trim()) return [];
  const hits: [number, number][] = [];
  for (let at = folded.folded.indexOf(q); at !== -1 && hits.length < max; at = folded.folded.indexOf(q, at + q.length)) {
    const start = folded.from[at]!;
    let end = folded.to[at + q.length - 1]!;
    while (end < text.length && MARK.test(text[end]!)) end++;
    hits.push([start, end]);
  }
  return hits;
}
