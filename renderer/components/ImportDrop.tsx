import { useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MAX_IMPORT_BYTES, tooLargeParams, toErrorPayload, type DocumentId, type ImportFile, type ImportOutcome } from "../../shared/index.js";
import { api } from "../api/client.js";
import { useApp } from "../state/app.js";
import { useMirror } from "../state/context.js";

const ACCEPT = ".txt,.md,.docx,.pdf";

/**
 * Reads the chosen files and sends them to the backend in one batch. A file over the size limit is
 * reported at once, without being read; every other file is imported or fails on its own.
 */
function useImport(onImported: (first: DocumentId | null) => void) {
  const mirror = useMirror();
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportOutcome[] | null>(null);

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const tooLarge: ImportOutcome[] = [];
      const payload: ImportFile[] = [];
      for (const file of files) {
        if (file.size > MAX_IMPORT_BYTES) {
          tooLarge.push({ file: file.name, ok: false, error: { code: "import.errors.tooLarge", params: { file: file.name, ...tooLargeParams(file.size) } } });
        } else payload.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      }
      const outcomes = [...tooLarge];
      if (payload.length) {
        const result = await api.importFiles({ files: payload });
        mirror.receive(result.applied);
        outcomes.unshift(...result.outcomes);
      }
      setReport(outcomes);
      const first = outcomes.find((o) => o.ok);
      onImported(first?.ok ? first.documentId : null);
    } catch (error) {
      app.showError(toErrorPayload(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, report, importFiles, closeReport: () => setReport(null) };
}

function ImportReport({ outcomes, onClose }: { outcomes: ImportOutcome[]; onClose(): void }) {
  const { t } = useTranslation();
  const ok = outcomes.filter((o) => o.ok).length;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-labelledby="import-title" data-testid="import-report">
        <h2 id="import-title">{ok === outcomes.length ? t("app.import.allDone", { count: ok }) : t("app.import.someFailed", { ok, total: outcomes.length })}</h2>
        <ul className="import-outcomes">
          {outcomes.map((o, i) => (
            <li key={i} className={o.ok ? "ok" : "failed"} data-testid={o.ok ? "import-ok" : "import-failed"}>
              <strong>{o.file}</strong>
              <span>{o.ok ? t("app.import.imported", { title: o.title }) : t(o.error.code, o.error.params)}</span>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button className="primary" onClick={onClose} autoFocus data-testid="confirm">
            {t("app.ok")}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Drag-and-drop of files anywhere on the window imports them. */
export function ImportDrop({ children, onImported }: { children: ReactNode; onImported(first: DocumentId | null): void }) {
  const { t } = useTranslation();
  const { busy, report, importFiles, closeReport } = useImport(onImported);
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
      {report && <ImportReport outcomes={report} onClose={closeReport} />}
    </div>
  );
}

export function ImportButton({ onImported }: { onImported(first: DocumentId | null): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { busy, report, importFiles, closeReport } = useImport(onImported);
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
      {report && <ImportReport outcomes={report} onClose={closeReport} />}
    </>
  );
}
