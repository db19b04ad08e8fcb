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

/** What a row shows besides its counts, compared by identity (the handlers too: useRowHandlers keeps them). */
const SHOWN = ["code", "depth", "shortcut", "pinned", "selected", "focusable", "expanded", "menuOpen", "nameEditor", "drop", "dragging", "labels", ...HANDLERS] as const satisfies readonly (keyof CodeRowProps)[];

// A prop added to CodeRowProps and not to SHOWN fails here, rather than a row that never redraws for it.
const everyPropCompared: Exclude<keyof CodeRowProps, "stats" | (typeof SHOWN)[number]> extends never ? true : never = true;
void everyPropCompared;

/** Whether a row would draw the same: its counts compared by value (a new object per version), the rest by identity. */
function sameRow(a: CodeRowProps, b: CodeRowProps): boolean {
  for (const key of SHOWN) if (!Object.is(a[key], b[key])) return false;
  const s = a.stats;
  const t = b.stats;
  return Object.is(s.own, t.own) && Object.is(s.total, t.total) && s.nested === t.nested && s.children === t.children;
}

/** CodeRow, drawn again only when what it shows changed (with handlers from useRowHandlers). */
export const MemoCodeRow = memo(CodeRow, sameRow);
