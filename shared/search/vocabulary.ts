import type { SearchLanguage, Stemmers } from "./stemmers.js";
import { SEARCH_LANGUAGES } from "./stemmers.js";

/**
 * Every distinct folded word of the corpus gets a number, so documents are kept as arrays of
 * numbers and a query becomes a mask over the vocabulary: one typed-array lookup per word of the
 * corpus, and each distinct word is stemmed once per language, not once per occurrence.
 */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Per language: the stem id of each word id (stems numbered in `stemWords`). */
  private readonly stemOf: Record<SearchLanguage, number[]> = { id: [], en: [] };
  private readonly stemIds: Record<SearchLanguage, Map<string, number>> = { id: new Map(), en: new Map() };
  readonly stemWords: Record<SearchLanguage, string[]> = { id: [], en: [] };

  constructor(private readonly stemmers: Stemmers) {}

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      for (const language of SEARCH_LANGUAGES) this.stemOf[language].push(this.stemIdOf(language, this.stemmers[language](word)));
    }
    return id;
  }

  /** The id of a word already in the corpus, or -1. */
  find(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  get size(): number {
    return this.words.length;
  }

  stem(language: SearchLanguage, wordId: number): number {
    return this.stemOf[language][wordId]!;
  }

  stemText(language: SearchLanguage, word: string): string {
    return this.stemmers[language](word);
  }

  /** The stem id of a stem text, or -1 when no word of the corpus has it. */
  findStem(language: SearchLanguage, stem: string): number {
    return this.stemIds[language].get(stem) ?? -1;
  }

  private stemIdOf(language: SearchLanguage, stem: string): number {
    const map = this.stemIds[language];
    let id = map.get(stem);
    if (id === undefined) {
      id = this.stemWords[language].length;
      this.stemWords[language].push(stem);
      map.set(stem, id);
    }
    return id;
  }
}
