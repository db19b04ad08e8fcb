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
 * A click on coded text names the codings there. Each coding is drawn as its own span (see
 * codingDecorations.ts), so the codings covering the clicked point are the spans around it, and
 * those too many to draw over the innermost one.
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
              for (; el && el !== view.dom; el = el.parentElement) {
                const id = el.getAttribute("data-coding-id");
                if (id && !ids.includes(id as CodingId)) ids.push(id as CodingId);
                if (id) innermost ??= el;
              }
              // Codings past the drawn depth have no span: those over the innermost span's text.
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
