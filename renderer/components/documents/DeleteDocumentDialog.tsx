import { useTranslation } from "react-i18next";
import { documentRemovalImpact, type DocumentId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";

/** Asks before deleting a document, saying what goes with it: its codings and the memos on it and on them. */
export function DeleteDocumentDialog({ documentId, onConfirm, onCancel }: { documentId: DocumentId; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { state, index } = useProject();
  const doc = state.documents[documentId];
  if (!doc) return null;
  const impact = documentRemovalImpact(state, doc.id, index.codingsOf(state, doc.id).map((c) => c.id));
  return (
    <Dialog title={t("documents.delete.title")} confirmLabel={t("documents.delete.confirm")} tone="danger" initialFocus="[data-testid=confirm]" testId="delete-document-dialog" onConfirm={onConfirm} onCancel={onCancel}>
      <p className="dialog-text" data-testid="delete-document-question">
        {t("documents.delete.question", {
          title: doc.title,
          codings: t("documents.delete.codings", { count: impact.codings }),
          memos: t("documents.delete.memos", { count: impact.memos }),
        })}{" "}
        {t("documents.delete.undoHint")}
      </p>
    </Dialog>
  );
}
