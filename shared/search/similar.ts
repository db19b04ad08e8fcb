import { TandaiError } from "../errors.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import { locationOf } from "../text/blocks.js";
import type { CorpusIndex } from "./corpus.js";
import type { SimilarPassage, SimilarRequest } from "./model.js";
import { codingsByDocument, resolveSearchScope } from "./scope.js";
import { languageOf } from "./search.js";
import { isStopWord } from "./stopWords.js";
import { walkWords } from "./walk.js";

const K1 = 1.2;
const B = 0.75;
const REASONS = 6;

interface Candidate {
  documentId: DocumentId;
  block: number;
  length: number;
  /** term index → [tf, first word index]. */
  terms: Map<number, [number, number]>;
}

/**
 * "More passages like this": the paragraphs of the scope ranked by BM25 against the stemmed words of
 * a coding (or of all codings of a code), stop words left out. Paragraphs a coding with that code
 * already touches are left out; each result names the shared words that made it similar.
 */
export function similarPassages(index: CorpusIndex, state: ProjectState, request: SimilarRequest): SimilarPassage[] {
  const sources = sourceCodings(state, request);
  const codeId: CodeId = sources[0]!.codeId;
  const { vocabulary } = index;
  // The query: stems of the source passages, keyed "language:stem id" so Indonesian and English stems stay apart.
  const queryTerms = new Map<string, { index: number; qtf: number }>();
  const termOf = { id: new Map<number, number>(), en: new Map<number, number>() };
  for (const coding of sources) {
    const doc = index.get(coding.documentId);
    if (!doc) continue;
    const language = languageOf(state, doc);
    walkWords(doc, [[coding.start, coding.end]], undefined, (t) => {
      const w = doc.terms[t]!;
      if (isStopWord(vocabulary.words[w]!)) return;
      const stem = vocabulary.stem(language, w);
      const key = `${language}:${stem}`;
      let term = queryTerms.get(key);
      if (!term) {
        term = { index: queryTerms.size, qtf: 0 };
        queryTerms.set(key, term);
        termOf[language].set(stem, term.index);
      }
      term.qtf++;
    });
  }
  if (!queryTerms.size) throw new TandaiError("search.errors.nothingToCompare");
  const qtf = [...queryTerms.values()].map((t) => t.qtf);

  const scope = resolveSearchScope(state, request.scope);
  const coded = codingsByDocument(state, (c) => c.codeId === codeId);
  const df = new Int32Array(qtf.length);
  let paragraphs = 0;
  let words = 0;
  const candidates: Candidate[] = [];
  for (const id of scope.documentIds) {
    const doc = index.get(id);
    if (!doc) continue;
    const language = languageOf(state, doc);
    const lookup = termOf[language];
    let current: Candidate | null = null;
    const close = () => {
      if (!current) return;
      paragraphs++;
      words += current.length;
      for (const t of current.terms.keys()) df[t]!++;
      if (current.terms.size) candidates.push(current);
      current = null;
    };
    walkWords(doc, scope.spans(id), request.scope.speaker, (t, block) => {
      if (!current || current.block !== block) {
        close();
        current = { documentId: id, block, length: 0, terms: new Map() };
      }
      current.length++;
      const term = lookup.get(vocabulary.stem(language, doc.terms[t]!));
      if (term === undefined) return;
      const entry = current.terms.get(term);
      if (entry) entry[0]++;
      else current.terms.set(term, [1, t]);
    });
    close();
  }
  const average = words / Math.max(1, paragraphs);
  const idf = Array.from(df, (n) => Math.log(1 + (paragraphs - n + 0.5) / (n + 0.5)));
  const scored = candidates
    .filter((c) => {
      const block = index.get(c.documentId)!.blocks[c.block]!;
      return !(coded.get(c.documentId) ?? []).some((x) => x.start < block.end && block.start < x.end);
    })
    .map((c) => {
      const parts = [...c.terms].map(([term, [tf, first]]) => ({ first, weight: idf[term]! * qtf[term]! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * c.length) / average))) }));
      return { c, parts, score: parts.reduce((sum, p) => sum + p.weight, 0) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, request.limit);
  return scored.map(({ c, parts, score }) => {
    const doc = index.get(c.documentId)!;
    const block = doc.blocks[c.block]!;
    const terms = parts
      .sort((a, b) => b.weight - a.weight)
      .slice(0, REASONS)
      .map((p) => doc.text.slice(doc.starts[p.first]!, doc.ends[p.first]!));
    return {
      documentId: c.documentId,
      document: state.documents[c.documentId]?.title ?? "",
      start: block.start,
      end: block.end,
      text: doc.text.slice(block.start, block.end),
      location: locationOf(doc, block.start),
      score: Math.round(score * 1000) / 1000,
      terms,
    };
  });
}

function sourceCodings(state: ProjectState, request: SimilarRequest): Coding[] {
  if (request.codingId) {
    const coding = state.codings[request.codingId];
    if (!coding) throw new TandaiError("errors.op.unknownCoding", { id: request.codingId });
    return [coding];
  }
  if (!request.codeId) throw new TandaiError("search.errors.similarNeedsSource");
  if (!state.codes[request.codeId]) throw new TandaiError("errors.op.unknownCode", { id: request.codeId });
  const codings = Object.values(state.codings).filter((c) => c.codeId === request.codeId);
  if (!codings.length) throw new TandaiError("search.errors.codeNotUsed", { code: state.codes[request.codeId]!.name });
  return codings;
}
