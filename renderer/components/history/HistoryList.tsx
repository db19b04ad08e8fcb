import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HistoryList as Steps } from "../../../shared/index.js";
import { useApp } from "../../state/app.js";
import { useMirror, useProject } from "../../state/context.js";
import { Popover } from "../codebook/Popover.js";
import { useDescribe } from "./describe.js";

/**
 * The steps undo can take back, latest first. Choosing one undoes it and every step after it
 * (the backend applies undo that many times); the steps already undone are listed below, greyed.
 */
export function HistoryList({ at, onClose, onChosen }: { at: { x: number; y: number }; onClose(): void; onChosen(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const mirror = useMirror();
  const { version } = useProject();
  const describe = useDescribe();
  const [steps, setSteps] = useState<Steps | null>(null);

  useEffect(() => {
    let live = true;
    mirror.undoHistory().then((list) => live && setSteps(list), app.showError);
    return () => {
      live = false;
    };
  }, [version, app, mirror]);

  return (
    <Popover x={at.x} y={at.y} role="dialog" label={t("history.list.title")} className="history-list" testId="history-list" onClose={onClose}>
      <div className="panel-title">{t("history.list.title")}</div>
      {steps && steps.undo.length === 0 && <p className="empty">{t("history.list.empty")}</p>}
      {steps && steps.undo.length > 0 && <p className="muted history-hint">{t("history.list.hint")}</p>}
      <ol className="history-steps">
        {steps?.undo.map((step, i) => {
          const words = describe(step);
          return (
            <li key={`u${i}`}>
              <button
                className="history-step"
                title={t("history.list.undoTo", { step: words })}
                data-testid="history-step"
                onClick={() => {
                  onChosen();
                  void mirror.undoTo(i + 1).catch(app.showError);
                }}
              >
                <span className="history-words">{words}</span>
                {i === 0 && <span className="badge">{t("history.list.latest")}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      {steps && steps.redo.length > 0 && (
        <>
          <div className="muted history-redo-title">{t("history.list.redoTitle")}</div>
          <ol className="history-steps undone">
            {steps.redo.map((step, i) => (
              <li key={`r${i}`} className="history-step muted" data-testid="history-undone">
                {describe(step)}
              </li>
            ))}
          </ol>
        </>
      )}
    </Popover>
  );
}
