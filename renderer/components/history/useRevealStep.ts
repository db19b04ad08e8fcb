import { useCallback, useEffect, useRef } from "react";
import type { CodeId, DocumentId, Place } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";

/** How long the undone place stays highlighted. */
const FLASH_MS = 1600;

export interface RevealTargets {
  /** Opens the document, scrolls to the passage and flashes it. */
  jumpTo(documentId: DocumentId, start: number, end: number): void;
  openDocument(documentId: DocumentId): void;
  /** Selects the code, which reveals its row in the codebook. */
  selectCode(codeId: CodeId): void;
  showIndicators(): void;
}

function flash(selector: string): void {
  // After the view has drawn what the switch brought on screen.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) return;
      el.scrollIntoView?.({ block: "nearest" });
      el.classList.add("undo-flash");
      setTimeout(() => el.classList.remove("undo-flash"), FLASH_MS);
    }),
  );
}

/**
 * After each undo or redo, takes the user to what changed: the passage of a coding, the code's row
 * in the codebook, the document, or the Indicators tab for frameworks and cases.
 */
export function useRevealStep(targets: RevealTargets): void {
  const { lastStep, state } = useProject();
  const latest = useRef(targets);
  latest.current = targets;

  const reveal = useCallback(
    (place: Place | null | undefined) => {
      const go = latest.current;
      if (!place) return;
      switch (place.kind) {
        case "passage":
          if (state.documents[place.documentId]) go.jumpTo(place.documentId, place.start, place.end);
          return;
        case "document":
          if (state.documents[place.documentId]) go.openDocument(place.documentId);
          return;
        case "code":
          if (!state.codes[place.codeId]) return;
          go.selectCode(place.codeId);
          flash(`[data-testid="code-row"][data-code-id="${place.codeId}"]`);
          return;
        case "framework":
          go.showIndicators();
          flash(`[data-testid="framework-card"][data-framework-id="${place.frameworkId}"]`);
          return;
        case "cases":
          go.showIndicators();
          return;
      }
    },
    [state],
  );

  useEffect(() => {
    if (lastStep) reveal(lastStep.description?.place);
  }, [lastStep?.version]);

  // The toast's "Show" (in the top bar, which does not hold the workspace's navigation) asks again.
  useEffect(() => {
    const again = () => reveal(lastStep?.description?.place);
    window.addEventListener(SHOW_STEP_EVENT, again);
    return () => window.removeEventListener(SHOW_STEP_EVENT, again);
  }, [reveal, lastStep]);
}

/** Fired to show the latest undo or redo's place again. */
export const SHOW_STEP_EVENT = "tandai:show-step";

export const showStepAgain = () => window.dispatchEvent(new Event(SHOW_STEP_EVENT));
