import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useApp } from "../state/app.js";

/** The coder's name recorded on each coding, so a team's codings can be told apart. */
export function PreferencesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const [coderName, setCoderName] = useState(app.preferences.coderName);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void app.setPreferences({ coderName: coderName.trim() }).then(onClose, app.showError);
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" onSubmit={save} role="dialog" aria-labelledby="prefs-title" onKeyDown={(e) => e.key === "Escape" && onClose()}>
        <h2 id="prefs-title">{t("app.preferences.title")}</h2>
        <div className="field">
          <label htmlFor="coder-name">{t("app.preferences.coderName")}</label>
          <input id="coder-name" type="text" autoFocus value={coderName} onChange={(e) => setCoderName(e.target.value)} data-testid="coder-name" />
          <span className="muted">{t("app.preferences.coderHint")}</span>
        </div>
        <div className="actions">
          <button type="button" onClick={onClose}>{t("app.cancel")}</button>
          <button type="submit" className="primary" data-testid="confirm">{t("app.save")}</button>
        </div>
      </form>
    </div>
  );
}
