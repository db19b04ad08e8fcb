import enApp from "./en/app.js";
import enErrors from "./en/errors.js";
import enImport from "./en/import.js";
import enStore from "./en/store.js";
import idApp from "./id/app.js";
import idErrors from "./id/errors.js";
import idImport from "./id/import.js";
import idStore from "./id/store.js";

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Both languages' catalogues, keyed `area.path`; error codes are keys of `errors` or an area. */
export const catalogues = {
  en: { app: enApp, errors: enErrors, import: enImport, store: enStore },
  id: { app: idApp, errors: idErrors, import: idImport, store: idStore },
} satisfies Record<Language, Record<string, unknown>>;

/** Indonesian for an Indonesian system locale, English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith("id") || locale?.toLowerCase().startsWith("in") ? "id" : "en";
}
