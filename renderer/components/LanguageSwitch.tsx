import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../shared/index.js";
import { useApp } from "../state/app.js";

/** Switches the whole interface between Bahasa Indonesia and English at run time. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const app = useApp();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("app.language.label")}</span>
      <select value={app.preferences.language} onChange={(e) => void app.setPreferences({ language: e.target.value as Language })} data-testid="language">
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`app.language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
