import { useEffect } from "react";
import { useApp } from "../state/app.js";
import { useMirror } from "../state/context.js";

/** True where the keyboard belongs to a text field (inputs, memo editors), whose own undo applies. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(target.closest("input, textarea, select, [data-memo-editor]") || (target.isContentEditable && !target.closest("[data-document-view]")));
}

/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo project changes across documents, from the
 * keyboard in the browser and from the Edit menu in Electron, except while typing in a field.
 */
export function useUndoShortcuts() {
  const mirror = useMirror();
  const app = useApp();
  useEffect(() => {
    const run = (command: "undo" | "redo") => void mirror[command]().catch(app.showError);
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === "z" || key === "y") {
        e.preventDefault();
        run(key === "y" || e.shiftKey ? "redo" : "undo");
      }
    };
    const onMenu = (e: Event) => {
      const command = (e as CustomEvent<string>).detail;
      if (command !== "undo" && command !== "redo") return;
      // The menu's accelerator also fires while typing: give the field its own undo there.
      if (isTyping(document.activeElement)) document.execCommand(command);
      else run(command);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("tandai:menu", onMenu);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("tandai:menu", onMenu);
    };
  }, [mirror, app]);
}
