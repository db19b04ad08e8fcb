import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INDICATOR_STATUSES, type IndicatorResult, type IndicatorStatus } from "../../../shared/index.js";
import { Dialog } from "../codebook/Dialog.js";

/**
 * The researcher's decision on one indicator for one case. The justification is required (the
 * operation's schema refuses an empty one too), so a decision can always be explained in the thesis.
 */
export function OverrideDialog({
  indicatorName,
  result,
  onSave,
  onCancel,
}: {
  indicatorName: string;
  result: IndicatorResult;
  onSave(status: IndicatorStatus, justification: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<IndicatorStatus>(result.override?.status ?? (result.computed === "met" ? "not_met" : "met"));
  const [justification, setJustification] = useState(result.override?.justification ?? "");
  const trimmed = justification.trim();
  return (
    <Dialog
      title={t("indicators.override.title", { indicator: indicatorName })}
      confirmLabel={t("indicators.override.save")}
      confirmDisabled={trimmed === ""}
      testId="override-dialog"
      onCancel={onCancel}
      onConfirm={() => trimmed && onSave(status, trimmed)}
    >
      <p className="muted override-computed">
        {t("indicators.override.computedIs", {
          status: t(`indicators.status.${result.computed}`),
          supporting: result.supporting,
          contradicting: result.contradicting,
          documents: result.documents,
        })}
      </p>
      <div className="field">
        <label htmlFor="override-status">{t("indicators.override.status")}</label>
        <select id="override-status" value={status} onChange={(e) => setStatus(e.target.value as IndicatorStatus)} data-testid="override-status">
          {INDICATOR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`indicators.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="override-justification">{t("indicators.override.justification")}</label>
        <textarea
          id="override-justification"
          rows={4}
          maxLength={5000}
          value={justification}
          required
          onChange={(e) => setJustification(e.target.value)}
          onKeyDown={(e) => {
            // Enter writes a new line here; Ctrl+Enter saves.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && trimmed) {
              e.preventDefault();
              onSave(status, trimmed);
            }
          }}
          data-testid="override-justification"
        />
        <span className="muted ind-hint">{t("indicators.override.justificationHint")}</span>
      </div>
    </Dialog>
  );
}
