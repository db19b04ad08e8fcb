import { useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MAX_IMPORT_BYTES, tooLargeParams, toErrorPayload, type DocumentId, type ImportFile, type ImportOutcome } from "../../shared/index.js";
import { api } from "../api/client.js";
import { useApp } from "../state/app.js";
import { useMirror } from "../state/context.js";
import { ImportReport, type ReportEntry } from "./ImportReport.js";
import { isRefiProjectName, useRefiImport } from "./refi/useRefiImport.js";

// .zip: a .qdpx renamed (some mail and cloud tools rename it); anything else zipped is refused, naming the file.
const ACCEPT = ".txt,.md,.docx,.pdf,.qdpx,.qde,.zip";

/**
 * Reads the chosen files and sends them to the backend in one batch. A file over the size limit is
 * reported at once, without being read; every other file is imported or fails on its own. The
 * files are kept while the report is open, so one can be sent again from it (another encoding, a
 * duplicate imported anyway).
 */
function useImport(onImported: (first: DocumentId | null) => void) {
  const mirror = useMirror();
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ReportEntry[] | null>(null);

  const send = async (files: ImportFile[]): Promise<ImportOutcome[]> => {
    const result = await api.importFiles({ files });
    mirror.receive(result.applied);
    return result.outcomes;
  };

  // A REFI-QDA project is previewed and imported on its own (see renderer/components/refi).
  const refi = useRefiImport(() => onImported(null));
  const importFiles = async (chosen: File[]) => {
    const project = chosen.find((f) => isRefiProjectName(f.name));
    if (project) void refi.start(project);
    const files = chosen.filter((f) => !isRefiProjectName(f.name));
    if (files.length === 0) return;
    setBusy(true);
    try {
      const tooLarge: ReportEntry[] = [];
      const payload: ImportFile[] = [];
      for (const file of files) {
        if (file.size > MAX_IMPORT_BYTES) {
          tooLarge.push({ file: null, outcome: { file: file.name, ok: false, error: { code: "import.errors.tooLarge", params: { file: file.name, ...tooLargeParams(file.size) } } } });
        } else payload.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      }
      const outcomes = payload.length ? await send(payload) : [];
      setReport([...outcomes.map((outcome, i) => ({ outcome, file: payload[i]! })), ...tooLarge]);
      const first = outcomes.find((o) => o.ok);
      onImported(first?.ok ? first.documentId : null);
    } catch (error) {
      app.showError(toErrorPayload(error));
    } finally {
      setBusy(false);
    }
  };

  /** Sends one reported file again with `changes`, and puts its new outcome in its line. */
  const retry = async (index: number, changes: Partial<ImportFile>) => {
    const entry = report?.[index];
    if (!entry?.file) return;
    setBusy(true);
    try {
      const file = { name: entry.file.name, data: entry.file.data, ...changes };
      const [outcome] = await send([file]);
      if (!outcome) return;
      setReport((entries) => entries && entries.map((e, i) => (i === index ? { outcome, file } : e)));
      if (outcome.ok) onImported(outcome.documentId);
    } catch (error) {
      app.showError(toErrorPayload(error));
    } finally {
      setBusy(false);
    }
  };
  const skip = (index: number) => setReport((entries) => entries && entries.map((e, i) => (i === index ? { ...e, skipped: true } : e)));

  const reportDialog = (
    <>
      {report && <ImportReport entries={report} busy={busy} onRetry={(i, changes) => void retry(i, changes)} onSkip={skip} onClose={() => setReport(null)} />}
      {refi.dialog}
    </>
  );
  return { busy: busy || refi.busy, importFiles, reportDialog };
}

/** Drag-and-drop of files anywhere on the window imports them. */
export function ImportDrop({ children, onImported }: { children: ReactNode; onImported(first: DocumentId | null): void }) {
  const { t } = useTranslation();
  const { busy, importFiles, reportDialog } = useImport(onImported);
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes("Files");
  return (
    <div
      className="drop-zone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        void importFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
      {over && <div className="drop-overlay">{t("app.import.dropHere")}</div>}
      {busy && <div className="busy-overlay" aria-busy="true">{t("app.import.busy")}</div>}
      {reportDialog}
    </div>
  );
}

export function ImportButton({ onImported }: { onImported(first: DocumentId | null): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { busy, importFiles, reportDialog } = useImport(onImported);
  // The Electron menu's File › Import opens the same picker.
  useEffect(() => {
    const onMenu = (e: Event) => (e as CustomEvent<string>).detail === "import" && input.current?.click();
    window.addEventListener("tandai:menu", onMenu);
    return () => window.removeEventListener("tandai:menu", onMenu);
  }, []);
  return (
    <>
      <button className="primary" onClick={() => input.current?.click()} disabled={busy} data-testid="import">
        {t("app.import.button")}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          void importFiles(Array.from(e.target.files ?? []));
          e.target.value = "";
        }}
      />
      {reportDialog}
    </>
  );
}
