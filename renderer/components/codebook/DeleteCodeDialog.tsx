import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { countWords, type CodeId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { CodingsProgress } from "../loading/index.js";
import { Dialog } from "./Dialog.js";
import { codingSpread, subtreeOf } from "./model.js";

/** What deleting a code takes with it: the codes nested under it and all their codings. */
export function deleteQuestion(t: (key: string, params?: Record<string, unknown>) => string, name: string, nested: number, codings: number): string {
  const params = { name, ...countWords(t, { nested, codings }) };
  if (nested > 0) return t(codings > 0 ? "codebook.delete.withNested" : "codebook.delete.withNestedOnly", params);
  return t(codings > 0 ? "codebook.delete.withCodings" : "codebook.delete.plain", params);
}

export function DeleteCodeDialog({ codeId, onConfirm, onCancel }: { codeId: CodeId; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { state, version, loading } = useProject();
  const code = state.codes[codeId];
  const counts = useMemo(() => {
    const subtree = subtreeOf(state, codeId);
    return { nested: subtree.size - 1, ...codingSpread(state, subtree) };
  }, [state, version, codeId]);
  if (!code) return null;
  return (
    <Dialog
      title={t("codebook.delete.title")}
      confirmLabel={t("codebook.delete.confirm")}
      tone="danger"
      initialFocus="[data-testid=confirm]"
      testId="delete-code-dialog"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p className="dialog-text" data-testid="delete-question">
        {loading ? <CodingsProgress loading={loading} inline /> : deleteQuestion(t, code.name, counts.nested, counts.codings)} {t("codebook.undoHint")}
      </p>
    </Dialog>
  );
}
