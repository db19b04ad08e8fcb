import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { CodingId } from "../../shared/model/ids.js";
import { undrawnAt } from "./codingDecorations.js";

export interface CodingClicksOptions {
  /** Called when coded text is clicked, with every coding covering that point, innermost first. */
  report: (codingIds: CodingId[], at: { x: number; y: number }) => void;
}

export const codingClicksKey = new PluginKey("tandaiCodingClicks");

/**
 * A click on coded text names the codings there. Each piece of coded text is one span naming
 * every coding drawn over it (`data-coding-ids`, outermost first; see codingDecorations.ts), so
 * the codings covering the clicked point are those of the piece around it, and those too many to
 * draw over it.
 * The end of a drag that selected text is not a click on a coding.
 */
export const CodingClicks = Extension.create<CodingClicksOptions>({
  name: "codingClicks",

  addOptions() {
    return { report: () => {} };
  },

  addProseMirrorPlugins() {
    const { report } = this.options;
    return [
      new Plugin({
        key: codingClicksKey,
        props: {
          handleDOMEvents: {
            click(view, event) {
              if (event.button !== 0) return false;
              const selection = view.dom.ownerDocument.getSelection();
              if (selection && !selection.isCollapsed) return false;
              const ids: CodingId[] = [];
              const target = event.target as Node | null;
              let el: Element | null = target instanceof Element ? target : (target?.parentElement ?? null);
              let innermost: Element | null = null;
              for (; el && el !== view.dom && !innermost; el = el.parentElement) {
                const over = el.getAttribute("data-coding-ids");
                if (!over) continue;
                innermost = el;
                ids.push(...(over.split(" ").reverse() as CodingId[]));
              }
              // Codings past the drawn depth are in no piece: those over the piece's text.
              if (innermost) {
                const from = view.posAtDOM(innermost, 0);
                ids.unshift(...undrawnAt(view.state, from, from + (innermost.textContent?.length ?? 0)));
              }
              if (ids.length) report(ids, { x: event.clientX, y: event.clientY });
              return false;
            },
          },
        },
      }),
    ];
  },
});
