import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { catalogues, languageFromLocale, type Language } from "../shared/index.js";

/** i18next over the shared catalogues; the language is switched at run time from preferences. */
export async function initI18n(language: Language) {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: "en",
    resources: { en: { translation: catalogues.en }, id: { translation: catalogues.id } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/**
 * The language to start in: the user's choice if they made one, else the renderer's own locale —
 * in web mode the browser's (`navigator.language`), not the locale of the machine serving it.
 */
export function startLanguage(preferred: Language, chosen: boolean, locale: string | undefined): Language {
  return chosen || !locale ? preferred : languageFromLocale(locale);
}

export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
