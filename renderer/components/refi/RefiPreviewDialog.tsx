import { useTranslation } from "react-i18next";
import { refiPreviewLines, type RefiPreview } from "../../../shared/index.js";
import { Modal } from "../Modal.js";

/**
 * What importing a REFI-QDA project will bring in and what it cannot, before anything is written:
 * Import applies it as one step, Cancel leaves the project as it is.
 */
export function RefiPreviewDialog({ preview, busy, onImport, onCancel }: { preview: RefiPreview; busy: boolean; onImport(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t("refi.preview.title", { name: preview.name })} className="refi-preview" testId="refi-preview" fallbackFocus="button.primary" busy={busy} onSubmit={onImport} onClose={onCancel}>
      <ul className="refi-preview-lines">
        {refiPreviewLines(preview, (key, params) => t(key, params)).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy} data-testid="refi-cancel">
          {t("refi.preview.cancel")}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="refi-import">
          {t("refi.preview.import")}
        </button>
      </div>
    </Modal>
  );
}
