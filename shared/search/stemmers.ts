/**
 * Stemming is injected: shared/ stays free of packages' module formats, and the backend passes the
 * Snowball stemmers of @orama/stemmers (Indonesian: "penganggaran" → "anggar"; English).
 */
export type Stemmer = (word: string) => string;

export const SEARCH_LANGUAGES = ["id", "en"] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

export type Stemmers = Record<SearchLanguage, Stemmer>;

/** No stemming: each word is its own stem (tests, and when stemming is switched off). */
export const identityStemmers: Stemmers = { id: (w) => w, en: (w) => w };
