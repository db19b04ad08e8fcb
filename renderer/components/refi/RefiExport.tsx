import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toErrorPayload } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";

/**
 * In the Export dialog: the whole project for another QDA program (REFI-QDA .qdpx) or its codebook
 * (.qdc). Written at once (no job: it takes seconds even for 100k codings), then the path is shown.
 */
export function RefiExport({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const run = async (format: "qdpx" | "qdc") => {
    setBusy(true);
    setWritten(null);
    try {
      const result = await api.exportRefiProject({ format });
      if (result) setWritten(result.path);
    } catch (error) {
      app.showError(toErrorPayload(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="export-checklist" disabled={disabled || busy}>
      <legend>{t("refi.export.legend")}</legend>
      <p className="hint">{t("refi.export.hint")}</p>
      <div className="actions">
        <button type="button" onClick={() => void run("qdpx")} data-testid="refi-export-qdpx">
          {t("refi.export.qdpx")}
        </button>
        <button type="button" onClick={() => void run("qdc")} data-testid="refi-export-qdc">
          {t("refi.export.qdc")}
        </button>
      </div>
      {written && (
        <p role="status" data-testid="refi-export-done">
          {t("refi.export.done", { path: written })}
        </p>
      )}
    </fieldset>
  );
}
