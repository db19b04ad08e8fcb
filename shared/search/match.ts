import type { IndexedDocument } from "./corpus.js";
import { positionsOf } from "./postings.js";
import type { Query, QueryWord } from "./query.js";
import type { SearchLanguage } from "./stemmers.js";
import type { Vocabulary } from "./vocabulary.js";

/** A hit: a range of a document's text and the words it spans. */
export interface RawHit {
  doc: IndexedDocument;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

/** A query word as the set of vocabulary ids it matches. */
type WordSet = Set<number>;

/**
 * A parsed query compiled against the vocabulary, per language: single words match by stem when
 * stemming is on (the query word stemmed with the document's language), phrases and wildcards by
 * their folded letters. The first words of all atoms share one bit mask over the vocabulary; a
 * document is visited only where one of those words occurs (its postings).
 */
export interface CompiledQuery {
  clauseOfAtom: number[];
  negated: boolean[];
  /** Per atom, the sets of its words after the first. */
  rest: WordSet[][];
  first: Record<SearchLanguage, Uint32Array>;
  /** Per language, the ids whose mask is not 0, ascending: what a document's postings are asked for. */
  firstIds: Record<SearchLanguage, Int32Array>;
}

const MAX_ATOMS = 32;

function surfaceSet(vocabulary: Vocabulary, word: QueryWord): WordSet {
  if (word.wildcard) {
    const set = new Set<number>();
    const { words } = vocabulary;
    for (let i = 0; i < words.length; i++) if (word.wildcard.test(words[i]!)) set.add(i);
    return set;
  }
  const id = vocabulary.find(word.text);
  return new Set(id === -1 ? [] : [id]);
}

function stemSet(vocabulary: Vocabulary, language: SearchLanguage, word: QueryWord): WordSet {
  const set = surfaceSet(vocabulary, word);
  const stem = vocabulary.findStem(language, vocabulary.stemText(language, word.text));
  if (stem === -1) return set;
  for (let i = 0; i < vocabulary.size; i++) if (vocabulary.stem(language, i) === stem) set.add(i);
  return set;
}

export function compileQuery(query: Query, vocabulary: Vocabulary, stem: boolean): CompiledQuery {
  const clauseOfAtom: number[] = [];
  const rest: WordSet[][] = [];
  const first = { id: new Uint32Array(vocabulary.size), en: new Uint32Array(vocabulary.size) };
  query.clauses.forEach((clause, c) => {
    for (const atom of clause.alternatives) {
      const a = clauseOfAtom.length;
      if (a >= MAX_ATOMS) return;
      clauseOfAtom.push(c);
      rest.push(atom.words.slice(1).map((w) => surfaceSet(vocabulary, w)));
      const head = atom.words[0]!;
      for (const language of ["id", "en"] as const) {
        const set = stem && !atom.phrase && !head.wildcard ? stemSet(vocabulary, language, head) : surfaceSet(vocabulary, head);
        for (const id of set) first[language][id]! |= 1 << a;
      }
    }
  });
  const nonZero = (mask: Uint32Array) => {
    const ids: number[] = [];
    for (let id = 0; id < mask.length; id++) if (mask[id] !== 0) ids.push(id);
    return Int32Array.from(ids);
  };
  return { clauseOfAtom, negated: query.clauses.map((c) => c.negated), rest, first, firstIds: { id: nonZero(first.id), en: nonZero(first.en) } };
}

/**
 * The hits of a compiled query in one document. Words and clauses combine within a paragraph
 * (block): a paragraph yields its hits when every positive clause occurs in it and no negated one.
 */
export function matchDocument(doc: IndexedDocument, compiled: CompiledQuery, language: SearchLanguage): RawHit[] {
  const { starts, ends, terms, blocks } = doc;
  const mask = compiled.first[language];
  const clauses = compiled.negated.length;
  const hits: RawHit[] = [];
  let block = 0;
  // The current paragraph's candidate hits and the clause of each; kept only if the paragraph passes.
  const blockHits: RawHit[] = [];
  const blockClauses: number[] = [];
  const seen = new Uint8Array(clauses);
  const flush = () => {
    if (!blockHits.length) return;
    let ok = true;
    for (let c = 0; c < clauses && ok; c++) ok = compiled.negated[c] ? !seen[c] : seen[c] === 1;
    if (ok) for (let k = 0; k < blockHits.length; k++) if (!compiled.negated[blockClauses[k]!]) hits.push(blockHits[k]!);
    blockHits.length = 0;
    blockClauses.length = 0;
    seen.fill(0);
  };
  // Only the places where some atom's first word occurs: the words in between add nothing.
  const candidates = positionsOf(doc.postings, compiled.firstIds[language]);
  for (let c = 0; c < candidates.length; c++) {
    const t = candidates[c]!;
    const bits = mask[terms[t]!]!;
    while (block < blocks.length - 1 && blocks[block]!.end <= starts[t]!) {
      flush();
      block++;
    }
    const blockEnd = blocks[block]!.end;
    for (let a = 0; a < compiled.clauseOfAtom.length; a++) {
      if (!(bits & (1 << a))) continue;
      const rest = compiled.rest[a]!;
      const last = t + rest.length;
      if (last >= terms.length || ends[last]! > blockEnd) continue;
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) ok = rest[k]!.has(terms[t + 1 + k]!);
      if (!ok) continue;
      const clause = compiled.clauseOfAtom[a]!;
      seen[clause] = 1;
      blockHits.push({ doc, start: starts[t]!, end: ends[last]!, firstToken: t, lastToken: last });
      blockClauses.push(clause);
    }
  }
  flush();
  // One atom finds each range once, in text order, already.
  return compiled.clauseOfAtom.length > 1 ? dedupe(hits) : hits;
}

/** Two atoms may find the same range (a OR a*): keep each range once, in text order. */
function dedupe(hits: RawHit[]): RawHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((h, i) => i === 0 || h.start !== hits[i - 1]!.start || h.end !== hits[i - 1]!.end);
}
