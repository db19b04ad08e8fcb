import type { ProjectState } from "../model/project.js";
import type { CorpusIndex } from "./corpus.js";
import type { FrequencyRequest, WordFrequency } from "./model.js";
import { resolveSearchScope } from "./scope.js";
import { languageOf } from "./search.js";
import { isStopWord } from "./stopWords.js";
import { walkWords } from "./walk.js";

const NUMBER = /^\p{N}+$/u;

/**
 * The most frequent words of a scope, stop words and bare numbers left out. Stemmed, the words
 * of one stem count together (anggaran, penganggaran → anggar) and show as their most frequent
 * form; `documents` is how many documents use the word.
 */
export function wordFrequencies(index: CorpusIndex, state: ProjectState, request: FrequencyRequest): WordFrequency[] {
  const scope = resolveSearchScope(state, request.scope);
  const { vocabulary } = index;
  const size = vocabulary.size;
  const skip = new Uint8Array(size);
  for (let i = 0; i < size; i++) skip[i] = isStopWord(vocabulary.words[i]!) || NUMBER.test(vocabulary.words[i]!) || vocabulary.words[i]!.length < 2 ? 1 : 0;
  // Counts per (language, word): the stem of a word depends on the document's language.
  const counts = { id: new Int32Array(size), en: new Int32Array(size) };
  const lastDoc = new Int32Array(size).fill(-1);
  const docs = new Int32Array(size);
  const stems = (language: "id" | "en") => ({ last: new Int32Array(vocabulary.stemWords[language].length).fill(-1), docs: new Int32Array(vocabulary.stemWords[language].length) });
  const stemDocs = { id: stems("id"), en: stems("en") };
  scope.documentIds.forEach((id, d) => {
    const doc = index.get(id);
    if (!doc) return;
    const language = languageOf(state, doc);
    const count = counts[language];
    const perStem = stemDocs[language];
    walkWords(doc, scope.spans(id), request.scope.speaker, (t) => {
      const w = doc.terms[t]!;
      if (w >= size || skip[w]) return;
      count[w]!++;
      if (lastDoc[w] !== d) {
        lastDoc[w] = d;
        docs[w]!++;
      }
      const s = vocabulary.stem(language, w);
      if (perStem.last[s] !== d) {
        perStem.last[s] = d;
        perStem.docs[s]!++;
      }
    });
  });
  const groups = new Map<string, { word: string; best: number; stem: string | null; count: number; documents: number }>();
  const counted = new Set<string>();
  for (const language of ["id", "en"] as const) {
    const count = counts[language];
    for (let w = 0; w < size; w++) {
      const n = count[w]!;
      if (!n) continue;
      const stem = request.stem ? vocabulary.stemWords[language][vocabulary.stem(language, w)]! : null;
      const key = stem ?? vocabulary.words[w]!;
      const group = groups.get(key) ?? { word: vocabulary.words[w]!, best: 0, stem, count: 0, documents: 0 };
      group.count += n;
      // Each document has one language, so a stem's documents in the two languages simply add up.
      const s = vocabulary.stem(language, w);
      if (!stem) group.documents = docs[w]!;
      else if (!counted.has(`${language}:${s}`)) {
        counted.add(`${language}:${s}`);
        group.documents += stemDocs[language].docs[s]!;
      }
      if (n > group.best) {
        group.best = n;
        group.word = vocabulary.words[w]!;
      }
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, request.limit)
    .map(({ word, stem, count, documents }) => ({ word, stem, count, documents }));
}
