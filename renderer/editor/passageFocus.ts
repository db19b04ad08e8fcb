import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";

/** How long a passage jumped to stays flashed. */
export const FLASH_MS = 1600;

export const passageFocusKey = new PluginKey<DecorationSet>("tandaiPassageFocus");

type FocusMeta = { from: number; to: number } | "clear";

/** Flashes the passage last jumped to ("jump to passage"), then lets it fade. */
export const PassageFocus = Extension.create({
  name: "passageFocus",

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: passageFocusKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(passageFocusKey) as FocusMeta | undefined;
            if (meta === "clear") return DecorationSet.empty;
            if (meta) {
              return DecorationSet.create(tr.doc, [
                Decoration.inline(meta.from, meta.to, { nodeName: "span", class: "tandai-flash" }),
              ]);
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => passageFocusKey.getState(state),
        },
        view: () => {
          let shown: DecorationSet | undefined;
          let timer: ReturnType<typeof setTimeout> | undefined;
          return {
            update(view) {
              const set = passageFocusKey.getState(view.state);
              if (set === shown) return;
              shown = set;
              clearTimeout(timer);
              if (set && set !== DecorationSet.empty) {
                timer = setTimeout(() => {
                  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(passageFocusKey, "clear"));
                }, FLASH_MS);
              }
            },
            destroy: () => clearTimeout(timer),
          };
        },
      }),
    ];
  },
});

/**
 * Selects [from, to), scrolls it to the middle of the viewport and flashes it. ProseMirror moves
 * the browser's selection only while the view has focus, so it is set here too.
 */
export function focusPassage(view: EditorView, from: number, to: number): void {
  view.dispatch(
    view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).setMeta(passageFocusKey, { from, to }),
  );
  const flash = view.dom.querySelector(".tandai-flash");
  // Sections off screen are laid out only when needed; scroll again once they have their size.
  const scroll = () => {
    if (!view.isDestroyed && flash?.isConnected && typeof flash.scrollIntoView === "function") {
      flash.scrollIntoView({ block: "center", inline: "nearest" });
    }
  };
  scroll();
  requestAnimationFrame(scroll);
  const selection = view.dom.ownerDocument.getSelection();
  if (selection) {
    const a = view.domAtPos(from);
    const b = view.domAtPos(to);
    selection.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  }
}
