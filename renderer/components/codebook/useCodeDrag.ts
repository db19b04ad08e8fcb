import { useRef, useState, type DragEvent } from "react";
import type { CodeId, ProjectState } from "../../../shared/index.js";
import { subtreeOf } from "./model.js";

/** A code being dragged, and what it is over: a code, the top-level zone, or nothing. */
export type Drag = { codeId: CodeId; over: CodeId | "root" | null };

/**
 * Dragging codes in the codebook: a code dropped on a code becomes its last child; on the zone
 * below the tree, a top-level code. A code cannot go into its own subtree; files dragged in (an
 * import) pass through untouched.
 */
export function useCodeDrag(state: ProjectState, handlers: { onStart(): void; onDrop(codeId: CodeId, target: CodeId | null): void }) {
  const [drag, setDrag] = useState<Drag | null>(null);
  /** The dragged code and its subtree, readable synchronously in dragover handlers. */
  const dragging = useRef<{ codeId: CodeId; subtree: Set<CodeId> } | null>(null);

  function startDrag(id: CodeId) {
    dragging.current = { codeId: id, subtree: subtreeOf(state, id) };
    handlers.onStart();
    setDrag({ codeId: id, over: null });
  }

  function endDrag() {
    dragging.current = null;
    setDrag(null);
  }

  /** Whether the dragged code may go under `target` (null: top level); it may not go into its own subtree. */
  function accepts(target: CodeId | null): boolean {
    const current = dragging.current;
    return current !== null && (target === null || !current.subtree.has(target));
  }

  function dragOver(e: DragEvent<HTMLElement>, target: CodeId | null) {
    const current = dragging.current;
    if (!current) return; // Not a code (e.g. files being imported): let it pass.
    e.stopPropagation();
    const ok = accepts(target);
    if (ok) e.preventDefault();
    e.dataTransfer.dropEffect = ok ? "move" : "none";
    const over = target ?? "root";
    setDrag((d) => (d && d.over !== over ? { ...d, over } : d));
  }

  function dragLeave(target: CodeId | "root") {
    setDrag((d) => (d && d.over === target ? { ...d, over: null } : d));
  }

  function drop(e: DragEvent<HTMLElement>, target: CodeId | null) {
    const current = dragging.current;
    if (!current) return;
    e.preventDefault();
    e.stopPropagation();
    const ok = accepts(target);
    endDrag();
    if (ok) handlers.onDrop(current.codeId, target);
  }

  return { drag, accepts, startDrag, endDrag, dragOver, dragLeave, drop };
}
