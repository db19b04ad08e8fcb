import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentId } from "../../shared/index.js";
import { useApp } from "../state/app.js";
import { useProject } from "../state/context.js";
import { ExportDialog } from "./export/index.js";
import { UndoButtons, UndoToast } from "./history/index.js";
import { ImportButton } from "./ImportDrop.js";
import { LanguageSwitch } from "./LanguageSwitch.js";
import { PreferencesDialog } from "./PreferencesDialog.js";
import { TeamBadge } from "./team/index.js";

export function TopBar({ onImported, documentId = null }: { onImported(first: DocumentId | null): void; documentId?: DocumentId | null }) {
  const { t } = useTranslation();
  const app = useApp();
  const { state, dir } = useProject();
  const [prefsOpen, setPrefsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  // The Electron menu's File › Export opens the same dialog.
  useEffect(() => {
    const onMenu = (e: Event) => (e as CustomEvent<string>).detail === "export" && setExportOpen(true);
    window.addEventListener("tandai:menu", onMenu);
    return () => window.removeEventListener("tandai:menu", onMenu);
  }, []);
  return (
    <header className="topbar">
      <div className="brand" title={dir}>
        <span className="logo" aria-hidden="true" />
        <strong data-testid="project-name">{state.name}</strong>
      </div>
      <div className="toolbar">
        <ImportButton onImported={onImported} />
        <button onClick={() => setExportOpen(true)} title={t("app.export.openHint")} data-testid="export-open">
          {t("app.export.open")}
        </button>
        <UndoButtons />
      </div>
      <div className="toolbar right">
        <TeamBadge documentId={documentId} />
        <LanguageSwitch />
        <button onClick={() => setPrefsOpen(true)} data-testid="preferences">
          {t("app.preferences.open")}
        </button>
        <button onClick={() => void app.closeProject()} data-testid="close-project">
          {t("app.closeProject")}
        </button>
      </div>
      {prefsOpen && <PreferencesDialog onClose={() => setPrefsOpen(false)} />}
      {exportOpen && <ExportDialog onClose={() => setExportOpen(false)} />}
      <UndoToast />
    </header>
  );
}
