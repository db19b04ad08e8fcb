import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProject } from "../../state/context.js";
import { useDescribe } from "./describe.js";
import { showStepAgain } from "./useRevealStep.js";

/** How long the toast stays: long enough to read a code's path. */
const SHOW_MS = 6000;

/**
 * Says what an undo or redo did ("Undone: link of code “Stage/Initiation”"), wherever it was asked
 * from (button, Ctrl+Z, the Edit menu, the history list). "Show" takes the user there again.
 */
export function UndoToast() {
  const { t } = useTranslation();
  const { lastStep } = useProject();
  const describe = useDescribe();
  const [hidden, setHidden] = useState<number | null>(null);

  useEffect(() => {
    if (!lastStep) return;
    const timer = setTimeout(() => setHidden(lastStep.version), SHOW_MS);
    return () => clearTimeout(timer);
  }, [lastStep]);

  if (!lastStep || hidden === lastStep.version) return null;
  const step = describe(lastStep.description);
  const text =
    lastStep.direction === "redo"
      ? t("history.redone", { step })
      : lastStep.count > 1
        ? t("history.undoneMany", { step, count: lastStep.count })
        : t("history.undone", { step });
  return (
    <div className="undo-toast" role="status" aria-live="polite" data-testid="undo-toast" data-direction={lastStep.direction}>
      <span>{text}</span>
      {lastStep.description?.place && (
        <button onClick={showStepAgain} data-testid="undo-toast-show">
          {t("history.show")}
        </button>
      )}
      <button className="icon" onClick={() => setHidden(lastStep.version)} aria-label={t("history.dismiss")} title={t("history.dismiss")}>
        ×
      </button>
    </div>
  );
}
