import { useTranslation } from "react-i18next";
import type { TeamConflict } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { conflictWords } from "./conflictWords.js";

/** The conflicts a merge surfaced, oldest first, each with who and when and its two choices. */
export function ConflictList({ conflicts, disabled, onResolve }: { conflicts: TeamConflict[]; disabled: boolean; onResolve(id: string, choice: "keep" | "other"): void }) {
  const { t, i18n } = useTranslation();
  const { state } = useProject();
  if (!conflicts.length) return <p className="muted" data-testid="team-no-conflicts">{t("teamApp.dialog.noConflicts")}</p>;
  return (
    <ul className="team-conflicts" data-testid="team-conflicts">
      {conflicts.map((conflict) => {
        const words = conflictWords(conflict, state, t, i18n.language);
        return (
          <li key={conflict.id} data-testid="team-conflict" data-kind={conflict.kind}>
            <strong>{words.subject}</strong>
            <p>{words.message}</p>
            <div className="team-conflict-actions">
              <button type="button" disabled={disabled} onClick={() => onResolve(conflict.id, "keep")} data-testid="team-conflict-keep">
                {words.keep}
              </button>
              {words.other && (
                <button type="button" disabled={disabled} onClick={() => onResolve(conflict.id, "other")} data-testid="team-conflict-other">
                  {words.other}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
