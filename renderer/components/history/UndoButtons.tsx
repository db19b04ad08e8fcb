import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApp } from "../../state/app.js";
import { useMirror, useProject } from "../../state/context.js";
import { useDescribe } from "./describe.js";
import { HistoryList } from "./HistoryList.js";
import "./history.css";

/**
 * Undo and redo, each naming the step it would take ("Undo: add coding “Motif ekonomi”"), and a
 * list of the steps under the undo button to step back to a point.
 */
export function UndoButtons() {
  const { t } = useTranslation();
  const app = useApp();
  const mirror = useMirror();
  const { canUndo, canRedo, nextUndo, nextRedo } = useProject();
  const describe = useDescribe();
  const [listAt, setListAt] = useState<{ x: number; y: number } | null>(null);
  const listButton = useRef<HTMLButtonElement>(null);
  // A press on this button while the list is open closes it (the list shuts on any press outside
  // it, on mousedown): the click that follows must not open it again. Any other close (Escape, a
  // press elsewhere) leaves the button free to open it at once.
  const pressedWhileOpen = useRef(false);
  const undoTitle = canUndo ? t("history.undoStep", { step: describe(nextUndo) }) : t("history.nothingToUndo");
  const redoTitle = canRedo ? t("history.redoStep", { step: describe(nextRedo) }) : t("history.nothingToRedo");
  return (
    <span className="undo-group">
      <button onClick={() => void mirror.undo().catch(app.showError)} disabled={!canUndo} title={undoTitle} aria-label={undoTitle} data-testid="undo">
        {t("app.undo")}
      </button>
      <button
        ref={listButton}
        className="undo-list-toggle"
        disabled={!canUndo && !canRedo}
        title={t("history.list.open")}
        aria-label={t("history.list.open")}
        aria-haspopup="dialog"
        aria-expanded={listAt !== null}
        data-testid="undo-history"
        onMouseDown={() => {
          pressedWhileOpen.current = listAt !== null;
        }}
        onClick={() => {
          if (pressedWhileOpen.current) return void (pressedWhileOpen.current = false);
          const rect = listButton.current!.getBoundingClientRect();
          setListAt({ x: rect.left - 60, y: rect.bottom + 4 });
        }}
      >
        <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button onClick={() => void mirror.redo().catch(app.showError)} disabled={!canRedo} title={redoTitle} aria-label={redoTitle} data-testid="redo">
        {t("app.redo")}
      </button>
      {listAt && (
        <HistoryList
          at={listAt}
          onChosen={() => setListAt(null)}
          onClose={() => setListAt(null)}
        />
      )}
    </span>
  );
}
