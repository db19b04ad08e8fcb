import { useState } from "react";
import { MAX_IMPORT_BYTES, tooLargeParams, toErrorPayload, type ImportFile, type RefiPreview } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useMirror } from "../../state/context.js";
import { RefiPreviewDialog } from "./RefiPreviewDialog.js";

/** REFI-QDA projects: .qdpx, a bare .qde, and a .qdpx renamed .zip (electron/import/qdpx reads them alike). */
export const isRefiProjectName = (name: string) => /\.(qdpx|qde|zip)$/i.test(name);

/**
 * Importing a REFI-QDA project from the Import flow: the file is read and previewed by the
 * backend (nothing written), the preview shown, and only Import applies it, as one undo step.
 */
export function useRefiImport(onImported: () => void) {
  const mirror = useMirror();
  const app = useApp();
  const [pending, setPending] = useState<{ file: ImportFile; preview: RefiPreview } | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) return app.showError({ code: "import.errors.tooLarge", params: { file: file.name, ...tooLargeParams(file.size) } });
    setBusy(true);
    try {
      const payload = { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
      setPending({ file: payload, preview: await api.previewRefiProject({ file: payload }) });
    } catch (error) {
      app.showError(toErrorPayload(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const report = await api.importRefiProject({ file: pending.file });
      mirror.receive(report.applied);
      setPending(null);
      onImported();
    } catch (error) {
      setPending(null);
      app.showError(toErrorPayload(error));
    } finally {
      setBusy(false);
    }
  };

  const dialog = pending && <RefiPreviewDialog preview={pending.preview} busy={busy} onImport={() => void confirm()} onCancel={() => setPending(null)} />;
  return { start, dialog, busy };
}
