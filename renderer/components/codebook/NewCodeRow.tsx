import { useTranslation } from "react-i18next";
import { nextCodeColor, type CodeId, type ProjectState } from "../../../shared/index.js";
import { INDENT } from "./CodeRow.js";
import { newCodeProblem } from "./model.js";
import { NameInput } from "./NameInput.js";

/** The inline field where a new code is named, drawn as a row of the tree at its depth. */
export function NewCodeRow({ state, parentId, depth, onSubmit, onCancel }: { state: ProjectState; parentId: CodeId | null; depth: number; onSubmit(typed: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const parent = parentId ? state.codes[parentId] : undefined;
  return (
    <div className="code-row new-code-row editing" role="none" style={{ paddingLeft: 4 + depth * INDENT }}>
      <span className="code-toggle" aria-hidden="true" />
      <span className="code-swatch" aria-hidden="true" style={{ background: nextCodeColor(Object.keys(state.codes).length) }} />
      <NameInput
        key={`new-${parentId ?? "top"}`}
        initial=""
        label={parent ? t("codebook.newChildLabel", { parent: parent.name }) : t("codebook.newCode")}
        placeholder={parent ? t("codebook.newChildPlaceholder", { parent: parent.name }) : t("codebook.namePlaceholder")}
        check={(name) => newCodeProblem(state, name, parentId)}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </div>
  );
}
