import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { escapeCodeName, flattenCodebook, type CodeId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "./Dialog.js";
import { nameProblem, subtreeOf } from "./model.js";

const TOP = "";

/** The keyboard way to nest a code: choose its new parent (or the top level) from a list. */
export function MoveDialog({ codeId, onConfirm, onCancel }: { codeId: CodeId; onConfirm(parentId: CodeId | null): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const code = state.codes[codeId];
  const selectId = useId();
  const [parent, setParent] = useState<string>(code?.parentId ?? TOP);
  const options = useMemo(() => {
    const own = subtreeOf(state, codeId);
    return flattenCodebook(state).filter(({ code: c }) => !own.has(c.id));
  }, [state, version, codeId]);
  if (!code) return null;
  const parentId = parent === TOP ? null : (parent as CodeId);
  const unchanged = parentId === code.parentId;
  const problem = unchanged ? null : nameProblem(state, code.name, parentId, code.id);
  return (
    <Dialog
      title={t("codebook.move.title", { name: code.name })}
      confirmLabel={t("codebook.move.confirm")}
      confirmDisabled={unchanged || problem !== null}
      testId="move-code-dialog"
      onConfirm={() => onConfirm(parentId)}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={selectId}>{t("codebook.move.parent")}</label>
        <select id={selectId} value={parent} onChange={(e) => setParent(e.target.value)} data-testid="move-parent">
          <option value={TOP}>{t("codebook.move.topLevel")}</option>
          {options.map(({ code: c, depth }) => (
            <option key={c.id} value={c.id}>
              {"\u00a0\u00a0\u00a0".repeat(depth + 1)}
              {escapeCodeName(c.name)}
            </option>
          ))}
        </select>
      </div>
      <p className="dialog-text muted">{t("codebook.move.hint", { name: code.name })}</p>
      {problem && (
        <p className="dialog-problem" role="alert">
          {t(problem.key, problem.params)}
        </p>
      )}
    </Dialog>
  );
}
