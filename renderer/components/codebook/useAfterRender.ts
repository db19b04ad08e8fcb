import { useEffect, useRef } from "react";
import type { CodeId, ProjectState } from "../../../shared/index.js";
import { ancestorsOf } from "./model.js";

/**
 * The tree's rows and new-code button as elements, and where focus and scrolling go once the next
 * render has put a row on screen (after an inline edit closes, a code is made or moved, or a code
 * is selected elsewhere: a highlight in the text, a search).
 */
export function useAfterRender(selectedCodeId: CodeId | null, state: ProjectState, expand: (...ids: CodeId[]) => void) {
  const treeRef = useRef<HTMLDivElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<CodeId | "new-button" | null>(null);
  const pendingReveal = useRef<CodeId | null>(null);
  const rowElement = (id: CodeId) => treeRef.current?.querySelector<HTMLElement>(`[data-testid="code-row"][data-code-id="${id}"]`) ?? null;

  // Before the effect below, so a code selected in this render is revealed in it.
  useEffect(() => {
    if (!selectedCodeId || !state.codes[selectedCodeId]) return;
    pendingReveal.current = selectedCodeId;
    expand(...ancestorsOf(state, selectedCodeId));
  }, [selectedCodeId]);

  useEffect(() => {
    const reveal = pendingReveal.current;
    const revealed = reveal ? rowElement(reveal) : null;
    if (revealed) {
      pendingReveal.current = null;
      revealed.scrollIntoView?.({ block: "nearest" });
    }
    const focus = pendingFocus.current;
    if (!focus) return;
    const target = focus === "new-button" ? newButtonRef.current : rowElement(focus);
    if (!target) return;
    pendingFocus.current = null;
    // Only take back focus that the closing field dropped, never focus the user moved elsewhere.
    if (!document.activeElement || document.activeElement === document.body) target.focus();
  });

  return { treeRef, newButtonRef, pendingFocus, pendingReveal, rowElement };
}
