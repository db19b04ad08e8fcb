import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

export const readerSelectionKey = new PluginKey("tandaiReaderSelection");

/**
 * The reader's selection in the browser, as document positions, when the view has the focus and it
 * is not the selection the editor state holds; null otherwise.
 */
function unreadSelection(view: EditorView, state: EditorState): { anchor: number; head: number } | null {
  if (view.isDestroyed || !view.hasFocus()) return null;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    // A node the view does not describe (a widget's inside): left to ProseMirror's own reading.
    return null;
  }
  const { selection } = state;
  return selection.anchor === anchor && selection.head === head ? null : { anchor, head };
}

/**
 * Keeps the reader's selection through the view's own redraws. ProseMirror reads a selection the
 * browser made (a drag, Shift+arrows) at the next "selectionchange" event, which Chrome sends with
 * the next frame; a transaction dispatched before then — highlights revealed while the page is
 * idle, codings that arrived, Find's matches — makes the view write the selection it still holds
 * back into the page, so the reader's selection vanished and the selection bar never showed (the
 * whole-app benchmark's lost selection when the background load of the codings ended). Such a
 * transaction, which sets no selection of its own, takes the browser's selection with it instead.
 */
export const ReaderSelection = Extension.create({
  name: "readerSelection",

  addProseMirrorPlugins() {
    let view: EditorView | null = null;
    return [
      new Plugin({
        key: readerSelectionKey,
        view: (editorView) => {
          view = editorView;
          return { destroy: () => void (view = null) };
        },
        appendTransaction: (transactions: readonly Transaction[], _before, state) => {
          if (!view || transactions.some((tr) => tr.selectionSet || tr.docChanged)) return null;
          const unread = unreadSelection(view, state);
          if (!unread) return null;
          const { doc } = state;
          return state.tr.setSelection(TextSelection.between(doc.resolve(unread.anchor), doc.resolve(unread.head)));
        },
      }),
    ];
  },
});
