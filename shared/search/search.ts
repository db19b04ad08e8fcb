import { TandaiError } from "../errors.js";
import type { DocumentId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import { locationOf } from "../text/blocks.js";
import { tokenAt, type CorpusIndex, type IndexedDocument } from "./corpus.js";
import { contextOf } from "./kwic.js";
import { languageSetFor } from "./language.js";
import { compileQuery, matchDocument, type RawHit } from "./match.js";
import type { SearchHit, SearchRequest, SearchResult } from "./model.js";
import { parseQuery } from "./query.js";
import { codingsByDocument, resolveSearchScope } from "./scope.js";
import { sameSpeaker } from "./speakers.js";
import type { SearchLanguage } from "./stemmers.js";

/** Regular-expression hits per document, found elsewhere (the backend runs them on a worker it can stop). */
export type RegexHits = Map<DocumentId, [number, number][]>;

export interface FoundHit extends RawHit {
  doc: IndexedDocument;
}

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

function turnOf(doc: IndexedDocument, pos: number) {
  // Turns are few per document and in order; a linear pass is fine next to building a hit.
  for (const turn of doc.turns) if (turn.start <= pos && pos < turn.end) return turn;
  return null;
}

/**
 * Every hit of a request in its scope, in document order. Regex requests take their raw ranges
 * from `regex` (computed off this thread); word queries are matched here over the index.
 */
export function findHits(index: CorpusIndex, state: ProjectState, request: SearchRequest, regex?: RegexHits): { hits: FoundHit[]; documents: number } {
  const scope = resolveSearchScope(state, request.scope);
  const compiled = request.options.regex ? null : compileQuery(parseQuery(request.query), index.vocabulary, request.options.stem);
  const speaker = request.scope.speaker;
  const found: FoundHit[] = [];
  for (const id of scope.documentIds) {
    const doc = index.get(id);
    if (!doc) continue;
    const raw: RawHit[] = compiled
      ? matchDocument(doc, compiled, languageOf(state, doc))
      : (regex?.get(id) ?? []).map(([start, end]) => ({ start, end, firstToken: tokenAt(doc, start), lastToken: Math.max(tokenAt(doc, start), tokenAt(doc, end) - 1) }));
    for (const hit of raw) {
      if (speaker) {
        const turn = turnOf(doc, hit.start);
        if (!turn || !sameSpeaker(turn.speaker, speaker)) continue;
      }
      if (!scope.allows(id, hit.start, hit.end)) continue;
      found.push({ ...hit, doc });
    }
  }
  return { hits: found, documents: scope.documentIds.length };
}

const AFTER_WORDS = 3;

/** Sort keys for keyword-in-context: the words after the hit, or before it read backwards. */
function sortKey(index: CorpusIndex, hit: FoundHit, side: "after" | "before"): string {
  const { terms } = hit.doc;
  const words: string[] = [];
  for (let k = 1; k <= AFTER_WORDS; k++) {
    const t = side === "after" ? hit.lastToken + k : hit.firstToken - k;
    if (t < 0 || t >= terms.length) break;
    words.push(index.vocabulary.words[terms[t]!]!);
  }
  return words.join(" ");
}

export function sortHits(index: CorpusIndex, hits: FoundHit[], sort: SearchRequest["sort"]): FoundHit[] {
  if (sort === "document") return hits;
  const keyed = hits.map((hit, i) => ({ hit, i, key: sortKey(index, hit, sort) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return keyed.map((k) => k.hit);
}

/** The requested page of hits as keyword-in-context lines, with the counts per document. */
export function searchResult(index: CorpusIndex, state: ProjectState, request: SearchRequest, hits: FoundHit[], documents: number): SearchResult {
  const counts = new Map<DocumentId, number>();
  for (const hit of hits) counts.set(hit.doc.id, (counts.get(hit.doc.id) ?? 0) + 1);
  const sorted = sortHits(index, hits, request.sort);
  const page = sorted.slice(request.offset, request.offset + request.limit);
  const pageDocs = new Set(page.map((h) => h.doc.id));
  const codings = codingsByDocument(state, (c) => pageDocs.has(c.documentId));
  const title = (id: DocumentId) => state.documents[id]?.title ?? "";
  const kwic = page.map((hit): SearchHit => {
    const { doc, start, end } = hit;
    const codeIds = [...new Set((codings.get(doc.id) ?? []).filter((c) => c.start < end && start < c.end).map((c) => c.codeId))];
    return {
      documentId: doc.id,
      document: title(doc.id),
      start,
      end,
      text: doc.text.slice(start, end),
      ...contextOf(doc, start, end),
      location: locationOf(doc, start),
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
  };
}
