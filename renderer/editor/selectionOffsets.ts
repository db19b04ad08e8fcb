import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { TextPositions } from "../../shared/text/positions.js";

export interface TextRange {
  start: number;
  end: number;
}

export interface SelectionOffsetsOptions {
  positions: TextPositions | null;
  /** Called with the text offsets of the selection whenever it changes; null when it is empty. */
  report: (range: TextRange | null) => void;
  /** Called with the caret or selection (start = end for a caret) whenever it moves. */
  caret?: (range: TextRange) => void;
}

export const selectionOffsetsKey = new PluginKey("tandaiSelectionOffsets");

/** Reports the selection as offsets into the document's stored text. */
export const SelectionOffsets = Extension.create<SelectionOffsetsOptions>({
  name: "selectionOffsets",

  addOptions() {
    return { positions: null, report: () => {} };
  },

  addProseMirrorPlugins() {
    const { positions, report, caret } = this.options;
    if (!positions) throw new Error("SelectionOffsets needs positions");
    return [
      new Plugin({
        key: selectionOffsetsKey,
        view: () => {
          let last: TextRange | null = null;
          return {
            update(view, prev) {
              const sel = view.state.selection;
              if (prev.selection.eq(sel)) return;
              const start = positions.posToOffset(sel.from);
              const end = positions.posToOffset(sel.to);
              caret?.({ start, end });
              const range = end > start ? { start, end } : null;
              if (range?.start === last?.start && range?.end === last?.end) return;
              last = range;
              report(range);
            },
          };
        },
      }),
    ];
  },
});
