import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { documentRemovalImpact, type DocumentId } from "../../../shared/index.js";
import { useMirror, useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";

/** Asks before deleting a document, saying what goes with it: its codings and the memos on it and on them. */
export function DeleteDocumentDialog({ documentId, onConfirm, onCancel }: { documentId: DocumentId; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { state, index } = useProject();
  const mirror = useMirror();
  // Its codings (to count them and the memos on them) are asked for first if not loaded yet.
  const loaded = index.isLoaded(documentId);
  useEffect(() => {
    if (!loaded) mirror.prioritise(documentId);
  }, [mirror, documentId, loaded]);
  const doc = state.documents[documentId];
  if (!doc) return null;
  if (!loaded) {
    return (
      <Dialog title={t("documents.delete.title")} confirmLabel={t("documents.delete.confirm")} tone="danger" confirmDisabled testId="delete-document-dialog" onConfirm={onConfirm} onCancel={onCancel}>
        <p className="dialog-text muted" role="status">{t("loadingCodings.document")}</p>
      </Dialog>
    );
  }
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
