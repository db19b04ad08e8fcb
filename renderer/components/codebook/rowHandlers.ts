import { memo, useRef } from "react";
import type { CodeId } from "../../../shared/index.js";
import { CodeRow, type CodeRowProps } from "./CodeRow.js";

/** What a code's row does when used: the callbacks of CodeRowProps. */
export type RowHandlers = Pick<CodeRowProps, "onSelect" | "onToggle" | "onRename" | "onMenu" | "onRecolor" | "onKeyDown" | "onDragStart" | "onDragOver" | "onDragLeave" | "onDrop" | "onDragEnd">;

const HANDLERS = ["onSelect", "onToggle", "onRename", "onMenu", "onRecolor", "onKeyDown", "onDragStart", "onDragOver", "onDragLeave", "onDrop", "onDragEnd"] as const satisfies readonly (keyof RowHandlers)[];

/**
 * The same callbacks for a code's row from one render to the next, each calling what the latest
 * render of the codebook made (so nothing a row calls is stale), so that a memoised row
 * (MemoCodeRow) is not drawn again merely because its parent was: after each coding applied the
 * codebook re-renders for its counts, and drawing 200 rows again (each translating its titles)
 * was a large part of a coding's redraw at a million codings.
 */
export function useRowHandlers(current: (id: CodeId) => RowHandlers): (id: CodeId) => RowHandlers {
  const latest = useRef(current);
  latest.current = current;
  const made = useRef(new Map<CodeId, RowHandlers>());
  return (id) => {
    let handlers = made.current.get(id);
    if (!handlers) {
      const entries = HANDLERS.map((name) => [name, (...args: unknown[]) => (latest.current(id)[name] as (...a: unknown[]) => void)(...args)]);
      made.current.set(id, (handlers = Object.fromEntries(entries) as RowHandlers));
    }
    return handlers;
  };
}

/** Whether a row would draw the same: its counts compared by value (a new object per version), the rest by identity. */
function sameRow(a: CodeRowProps, b: CodeRowProps): boolean {
  for (const key of Object.keys(b) as (keyof CodeRowProps)[]) {
    if (key === "stats") continue;
    if (!Object.is(a[key], b[key])) return false;
  }
  if (Object.keys(a).length !== Object.keys(b).length) return false;
  const s = a.stats;
  const t = b.stats;
  return Object.is(s.own, t.own) && Object.is(s.total, t.total) && s.nested === t.nested && s.children === t.children;
}

/** CodeRow, drawn again only when what it shows changed (with handlers from useRowHandlers). */
export const MemoCodeRow = memo(CodeRow, sameRow);
