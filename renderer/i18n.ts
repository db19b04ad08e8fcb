import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { catalogues, type Language } from "../shared/index.js";

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

export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
