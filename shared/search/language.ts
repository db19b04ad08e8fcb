import type { ProjectState, DocumentMeta } from "../model/project.js";
import type { SearchLanguage } from "./stemmers.js";
import { STOP_WORDS } from "./stopWords.js";
import { foldWord } from "./tokens.js";

/** Enough words to tell Indonesian from English; the share of stop words settles quickly. */
const SAMPLE = 4000;

/**
 * A document's language by the share of its words that are Indonesian or English stop words
 * ("yang", "dan", "di" against "the", "of", "and"). Indonesian wins a tie: it is the users' language.
 */
export function detectLanguage(words: readonly string[]): SearchLanguage {
  let id = 0;
  let en = 0;
  const n = Math.min(words.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    if (STOP_WORDS.id.has(w)) id++;
    if (STOP_WORDS.en.has(w)) en++;
  }
  return en > id ? "en" : "id";
}

const LANGUAGE_ATTRIBUTE = new Set(["language", "bahasa"]);
const NAMES: Record<string, SearchLanguage> = { id: "id", in: "id", indonesia: "id", indonesian: "id", "bahasa indonesia": "id", en: "en", english: "en", inggris: "en", "bahasa inggris": "en" };

/**
 * The language the user set for a document, if any: a document attribute named "Language" or
 * "Bahasa" whose value is Indonesian/English (in either language) or id/en.
 */
export function languageSetFor(state: ProjectState, document: DocumentMeta): SearchLanguage | null {
  for (const attribute of Object.values(state.attributes)) {
    if (attribute.appliesTo !== "document" || !LANGUAGE_ATTRIBUTE.has(foldWord(attribute.name.trim()))) continue;
    const value = document.attributes?.[attribute.id];
    if (typeof value === "string") {
      const language = NAMES[foldWord(value.trim())];
      if (language) return language;
    }
  }
  return null;
}
