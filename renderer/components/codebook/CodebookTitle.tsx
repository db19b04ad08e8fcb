import { useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { ImportCodebookButton } from "./ImportCodebookButton.js";

/** The codebook's title row: how many codes, a new code, a codebook imported, and what the import did. */
export function CodebookTitle({ total, newButtonRef, onNew }: { total: number; newButtonRef: RefObject<HTMLButtonElement | null>; onNew(): void }) {
  const { t } = useTranslation();
  const [importSummary, setImportSummary] = useState<string | null>(null);
  return (
    <>
      <div className="panel-title codebook-title">
        <span>
          {t("codebook.title")} <span className="codebook-total">{total}</span>
        </span>
        <button ref={newButtonRef} type="button" className="codebook-new" title={t("codebook.newCodeHint")} data-testid="new-code" onClick={onNew}>
          {t("codebook.newCode")}
        </button>
        <ImportCodebookButton onSummary={setImportSummary} />
      </div>
      {importSummary && (
        <p className="empty" role="status" data-testid="import-codebook-summary">
          {importSummary}
        </p>
      )}
    </>
  );
}
