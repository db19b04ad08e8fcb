import { useTranslation } from "react-i18next";
import { toErrorPayload, typedPathProblem } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";

/** What a picker button asks the main process for: a folder, or a .tandai package to open or save. */
export type PathPick = "pickFolder" | "openPackage" | "savePackage";

/**
 * The path of a coder's copy, typed or picked. In Electron the buttons open the main process's own
 * dialogs (through the contract's pickFolder and pickPackage); the web build cannot browse the
 * computer, so it says so and the path is typed, checked as it is typed (a full path is needed).
 */
export function PathField({ id, label, value, onChange, picks }: { id: string; label: string; value: string; onChange(path: string): void; picks: readonly PathPick[] }) {
  const { t } = useTranslation();
  const app = useApp();
  const native = Boolean(app.info?.canPickFolders);
  const problem = typedPathProblem(value);
  const pick = async (what: PathPick) => {
    try {
      const chosen = what === "pickFolder" ? await api.pickFolder({}) : await api.pickPackage({ purpose: what === "openPackage" ? "open" : "save" });
      if (chosen) onChange(chosen);
    } catch (e) {
      app.showError(toErrorPayload(e));
    }
  };
  const note = problem === "relative" ? t("agreement.paths.relative") : native ? null : t("agreement.paths.webHint");
  return (
    <div className="path-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={problem === "relative"} aria-describedby={note ? `${id}-note` : undefined} data-testid={id} />
      {native && (
        <div className="path-picks">
          {picks.map((what) => (
            <button key={what} type="button" onClick={() => void pick(what)} data-testid={`${id}-${what}`}>
              {t(`agreement.paths.${what}`)}
            </button>
          ))}
        </div>
      )}
      {note && (
        <p id={`${id}-note`} className={problem === "relative" ? "path-problem" : "muted path-hint"} role={problem === "relative" ? "alert" : undefined} data-testid={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}
