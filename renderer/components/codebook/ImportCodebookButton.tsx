import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_IMPORT_BYTES, TandaiError, tooLargeParams } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useMirror } from "../../state/context.js";

/**
 * "Import codebook…": a REFI-QDA codebook (.qdc) from another QDA program, added as one undo step;
 * codes named like an indicator of the project's frameworks are linked to it (the backend decides).
 */
export function ImportCodebookButton({ onSummary }: { onSummary(text: string | null): void }) {
  const { t } = useTranslation();
  const mirror = useMirror();
  const { showError } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function importCodebook(file: File) {
    onSummary(null);
    if (file.size > MAX_IMPORT_BYTES) return showError(new TandaiError("import.errors.tooLarge", { file: file.name, ...tooLargeParams(file.size) }));
    setBusy(true);
    try {
      const result = await api.importCodebook({ file: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } });
      mirror.receive(result.applied);
      onSummary(t("codebook.import.summary", { file: file.name, created: t("count.created", { count: result.created }), merged: result.merged, linked: result.linked.length }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="codebook-import"
        title={t("codebook.import.hint")}
        disabled={busy}
        data-testid="import-codebook"
        onClick={() => input.current?.click()}
      >
        {t("codebook.import.button")}
      </button>
      <input
        ref={input}
        type="file"
        accept=".qdc,.xml"
        hidden
        data-testid="import-codebook-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void importCodebook(file);
        }}
      />
    </>
  );
}
