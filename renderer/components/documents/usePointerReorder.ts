import { useCallback, useEffect, useRef, useState, type PointerEvent } from "react";
import type { DocumentId } from "../../../shared/index.js";

/** A row being dragged by its grip, and the row it would be dropped before (null: the end of the list). */
export interface Reorder {
  documentId: DocumentId;
  before: DocumentId | null;
}

/**
 * Drag to reorder with the pointer (mouse, pen, touch): pointer events rather than HTML5 drag and
 * drop, which the window's file drop already listens to. The row under the pointer, found from
 * the list's own elements, is where the dragged one goes; releasing it calls `onDrop`.
 */
export function usePointerReorder(list: () => HTMLElement | null, onDrop: (documentId: DocumentId, before: DocumentId | null) => void) {
  const [reorder, setReorder] = useState<Reorder | null>(null);
  const current = useRef<Reorder | null>(null);
  const drop = useRef(onDrop);
  drop.current = onDrop;

  const targetAt = useCallback(
    (y: number): DocumentId | null => {
      const rows = [...(list()?.querySelectorAll<HTMLElement>("li.document-row") ?? [])];
      for (const row of rows) {
        const rect = row.getBoundingClientRect();
        if (y < rect.top + rect.height / 2) return row.dataset.documentId as DocumentId;
      }
      return null;
    },
    [list],
  );

  useEffect(() => {
    if (!reorder) return;
    const move = (e: globalThis.PointerEvent) => {
      const next = { documentId: current.current!.documentId, before: targetAt(e.clientY) };
      current.current = next;
      setReorder((r) => (r && r.before === next.before ? r : next));
    };
    const up = () => {
      const done = current.current;
      current.current = null;
      setReorder(null);
      if (done && done.before !== done.documentId) drop.current(done.documentId, done.before);
    };
    const cancel = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      current.current = null;
      setReorder(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("keydown", cancel);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("keydown", cancel);
    };
  }, [reorder !== null, targetAt]);

  const start = useCallback((documentId: DocumentId, e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const next = { documentId, before: documentId };
    current.current = next;
    setReorder(next);
  }, []);

  return { reorder, start };
}
