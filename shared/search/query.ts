import { TandaiError } from "../errors.js";
import { isStopWord } from "./stopWords.js";
import { foldWord, WORD } from "./tokens.js";

/**
 * The query language: words (all must occur in the same paragraph), "exact phrases", a OR b,
 * NOT word / -word (no paragraph with it), and * as a wildcard inside a word (angg*). Words are
 * compared folded; single words may match by stem, phrases and wildcards only by their letters.
 */
export interface QueryWord {
  /** Folded text; with a wildcard, the pattern's parts around each `*`. */
  text: string;
  wildcard: RegExp | null;
}

/** One word or a phrase (several words in a row). */
export interface Atom {
  words: QueryWord[];
  phrase: boolean;
}

export interface Clause {
  negated: boolean;
  /** Any of these satisfies the clause (OR). */
  alternatives: Atom[];
}

export interface Query {
  clauses: Clause[];
}

interface Piece {
  text: string;
  quoted: boolean;
  negated: boolean;
}

function pieces(input: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  let negateNext = false;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if (c === "-" && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"' || input[i] === "“") {
      const close = input.slice(i + 1).search(/["”]/);
      if (close === -1) throw new TandaiError("search.errors.unclosedQuote", { query: input });
      out.push({ text: input.slice(i + 1, i + 1 + close), quoted: true, negated });
      i += close + 2;
      continue;
    }
    const end = input.slice(i).search(/\s/);
    const text = end === -1 ? input.slice(i) : input.slice(i, i + end);
    i += text.length;
    if (text === "NOT") {
      negateNext = true;
      continue;
    }
    out.push({ text, quoted: false, negated });
  }
  if (negateNext) throw new TandaiError("search.errors.danglingOperator", { operator: "NOT" });
  return out;
}

function wordOf(raw: string): QueryWord {
  const text = foldWord(raw);
  if (!text.includes("*")) return { text, wildcard: null };
  const source = text
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\p{L}\\p{N}]*");
  return { text, wildcard: new RegExp(`^${source}$`, "u") };
}

/** The words of a piece: runs of letters, digits and `*` (so "kerja-sama" is the phrase kerja sama). */
function atomOf(piece: Piece): Atom | null {
  const raw = piece.text.match(new RegExp(`(?:${WORD.source}|\\*)+`, "gu")) ?? [];
  const words = raw.filter((w) => w.replace(/\*/g, "")).map(wordOf);
  if (!words.length) return null;
  return { words, phrase: piece.quoted || words.length > 1 };
}

export function parseQuery(input: string): Query {
  const clauses: Clause[] = [];
  let joinNext = false;
  for (const piece of pieces(input)) {
    if (piece.text === "OR" && !piece.quoted) {
      if (!clauses.length || joinNext) throw new TandaiError("search.errors.danglingOperator", { operator: "OR" });
      joinNext = true;
      continue;
    }
    const atom = atomOf(piece);
    if (!atom) continue;
    const last = clauses[clauses.length - 1];
    if (joinNext && last && !piece.negated && !last.negated) last.alternatives.push(atom);
    else clauses.push({ negated: piece.negated, alternatives: [atom] });
    joinNext = false;
  }
  if (joinNext) throw new TandaiError("search.errors.danglingOperator", { operator: "OR" });
  const positive = clauses.filter((c) => !c.negated);
  if (!clauses.length) throw new TandaiError("search.errors.emptyQuery");
  if (!positive.length) throw new TandaiError("search.errors.onlyNegative", { query: input.trim() });
  const meaningful = positive.some((c) => c.alternatives.some((a) => a.phrase || a.words.some((w) => w.wildcard || !isStopWord(w.text))));
  if (!meaningful) throw new TandaiError("search.errors.onlyStopWords", { query: input.trim() });
  return { clauses };
}
