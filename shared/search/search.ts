import { TandaiError } from "../errors.js";
import type { DocumentId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import { tokenAt, type CorpusIndex, type IndexedDocument } from "./corpus.js";
import { blockOf, contextOf } from "./kwic.js";
import { languageSetFor } from "./language.js";
import { compileQuery, matchDocument, type RawHit } from "./match.js";
import type { SearchHit, SearchRequest, SearchResult } from "./model.js";
import { parseQuery } from "./query.js";
import { codingsByDocument, resolveSearchScope } from "./scope.js";
import { sameSpeaker, speakersOf } from "./speakers.js";

const MAX_SPEAKERS = 100;
import type { SearchLanguage } from "./stemmers.js";

/** Regular-expression hits per document, found elsewhere (the backend runs them on a worker it can stop). */
export type RegexHits = Map<DocumentId, [number, number][]>;

export type FoundHit = RawHit;

export function languageOf(state: ProjectState, doc: IndexedDocument): SearchLanguage {
  const meta = state.documents[doc.id];
  return (meta && languageSetFor(state, meta)) ?? doc.detected;
}

/** The flags search gives a regular expression; an invalid one is named with the engine's reason. */
export function regexFlags(matchCase: boolean): string {
  return matchCase ? "gu" : "giu";
}

export function checkRegex(source: string, matchCase: boolean): RegExp {
  if (!source.trim()) throw new TandaiError("search.errors.emptyQuery");
  try {
    return new RegExp(source, regexFlags(matchCase));
  } catch (error) {
    throw new TandaiError("search.errors.badRegex", { pattern: source, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** The turn containing `pos` (turns are ordered and disjoint: binary search). */
export function turnOf(doc: IndexedDocument, pos: number) {
  const { turns } = doc;
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const turn = turns[lo];
  return turn && turn.start <= pos && pos < turn.end ? turn : null;
}

/**
 * Every hit of a request in its scope, in document order. Regex requests take their raw ranges
 * from `regex` (computed off this thread); word queries are matched here over the index.
 */
export function findHits(index: CorpusIndex, state: ProjectState, request: SearchRequest, regex?: RegexHits): { hits: FoundHit[]; documents: number; speakers: string[] } {
  const scope = resolveSearchScope(state, request.scope);
  const compiled = request.options.regex ? null : compileQuery(parseQuery(request.query), index.vocabulary, request.options.stem);
  const speaker = request.scope.speaker;
  const found: FoundHit[] = [];
  for (const id of scope.documentIds) {
    const doc = index.get(id);
    if (!doc) continue;
    const raw: RawHit[] = compiled
      ? matchDocument(doc, compiled, languageOf(state, doc))
      : (regex?.get(id) ?? []).map(([start, end]) => ({ doc, start, end, firstToken: tokenAt(doc, start), lastToken: Math.max(tokenAt(doc, start), tokenAt(doc, end) - 1) }));
    for (const hit of raw) {
      if (speaker) {
        const turn = turnOf(doc, hit.start);
        if (!turn || !sameSpeaker(turn.speaker, speaker)) continue;
      }
      if (!scope.allows(id, hit.start, hit.end)) continue;
      found.push(hit);
    }
  }
  const speakers = speakersOf(scope.documentIds.flatMap((id) => speakersOfDocument(index.get(id)))).slice(0, MAX_SPEAKERS);
  return { hits: found, documents: scope.documentIds.length, speakers };
}

/**
 * One turn per distinct speaker of a document, computed once per document (documents never
 * change): a search answers with the scope's speakers, and folding every turn's name of 500
 * transcripts on each search cost more than finding a rare word's hits.
 */
const speakerTurnsOf = new WeakMap<IndexedDocument, IndexedDocument["turns"]>();
function speakersOfDocument(doc: IndexedDocument | undefined): IndexedDocument["turns"] {
  if (!doc) return [];
  let turns = speakerTurnsOf.get(doc);
  if (!turns) {
    const names = new Set(speakersOf(doc.turns));
    turns = doc.turns.filter((t) => names.delete(t.speaker));
    speakerTurnsOf.set(doc, turns);
  }
  return turns;
}

const SORT_WORDS = 3;

/**
 * A page of hits in keyword-in-context order: by the words after the hit (or before it, read
 * outwards), up to three, then document order. Only the distinct neighbouring words are sorted as
 * text; hits are bucketed by their first word's rank (a counting sort), and only the buckets the
 * page reaches are sorted further, so the first page of 100k hits costs little more than one pass.
 */
export function sortHits(index: CorpusIndex, hits: FoundHit[], sort: SearchRequest["sort"], offset = 0, limit = hits.length): FoundHit[] {
  if (sort === "document") return hits.slice(offset, offset + limit);
  const { words } = index.vocabulary;
  const n = hits.length;
  // Per hit, the vocabulary ids of its neighbouring words (-1: the document ends first).
  const keys = new Int32Array(n * SORT_WORDS).fill(-1);
  // Per vocabulary id: 0 unseen, -1 seen, then its rank (a typed array, not a Set and a Map: 100k
  // hits make 300k lookups).
  const rankOf = new Int32Array(words.length);
  const distinct: number[] = [];
  const after = sort === "after";
  for (let i = 0; i < n; i++) {
    const hit = hits[i]!;
    const { terms } = hit.doc;
    for (let k = 1; k <= SORT_WORDS; k++) {
      const t = after ? hit.lastToken + k : hit.firstToken - k;
      if (t < 0 || t >= terms.length) break;
      const term = terms[t]!;
      keys[i * SORT_WORDS + k - 1] = term;
      if (rankOf[term] === 0) {
        rankOf[term] = -1;
        distinct.push(term);
      }
    }
  }
  // Ranks from 1 in alphabetical order; 0 for "no word", which sorts first.
  distinct.sort((a, b) => (words[a]! < words[b]! ? -1 : 1)).forEach((id, r) => (rankOf[id] = r + 1));
  for (let j = 0; j < keys.length; j++) keys[j] = keys[j] === -1 ? 0 : rankOf[keys[j]!]!;
  const buckets = distinct.length + 1;
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[keys[i * SORT_WORDS]! + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const byFirst = new Int32Array(n);
  const fill = starts.slice(0, buckets);
  for (let i = 0; i < n; i++) byFirst[fill[keys[i * SORT_WORDS]!]!++] = i;
  const end = Math.min(n, offset + limit);
  const page: FoundHit[] = [];
  for (let b = 0; b < buckets && starts[b]! < end; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to <= offset || to === from) continue;
    const bucket = Array.from(byFirst.subarray(from, to));
    bucket.sort((x, y) => keys[x * SORT_WORDS + 1]! - keys[y * SORT_WORDS + 1]! || keys[x * SORT_WORDS + 2]! - keys[y * SORT_WORDS + 2]! || x - y);
    for (let k = Math.max(0, offset - from); k < bucket.length && from + k < end; k++) page.push(hits[bucket[k]!]!);
  }
  return page;
}

/** The requested page of hits as keyword-in-context lines, with the counts per document. */
export function searchResult(index: CorpusIndex, state: ProjectState, request: SearchRequest, hits: FoundHit[], documents: number, speakers: string[] = []): SearchResult {
  const counts = new Map<DocumentId, number>();
  for (const hit of hits) counts.set(hit.doc.id, (counts.get(hit.doc.id) ?? 0) + 1);
  const page = sortHits(index, hits, request.sort, request.offset, request.limit);
  const pageDocs = new Set(page.map((h) => h.doc.id));
  const codings = codingsByDocument(state, (c) => pageDocs.has(c.documentId));
  const titles = new Map<DocumentId, string>();
  const title = (id: DocumentId) => {
    let found = titles.get(id);
    if (found === undefined) titles.set(id, (found = state.documents[id]?.title ?? ""));
    return found;
  };
  const kwic = page.map((hit): SearchHit => {
    const { doc, start, end } = hit;
    const list = codings.get(doc.id);
    const codeIds = list ? [...new Set(list.filter((c) => c.start < end && start < c.end).map((c) => c.codeId))] : [];
    const b = blockOf(doc, start);
    const block = doc.blocks[b]!;
    const { before, after } = contextOf(doc, start, end, undefined, block);
    return {
      documentId: doc.id,
      document: title(doc.id),
      start,
      end,
      text: doc.text.slice(start, end),
      before,
      after,
      location: { paragraph: b + 1, page: block.page ?? null },
      speaker: turnOf(doc, start)?.speaker ?? null,
      codeIds,
    };
  });
  return {
    total: hits.length,
    offset: request.offset,
    hits: kwic,
    perDocument: [...counts].map(([documentId, count]) => ({ documentId, document: title(documentId), count })),
    documents,
    speakers,
  };
}
