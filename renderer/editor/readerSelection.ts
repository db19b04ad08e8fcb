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

/** The browser's selection as a selection of `state`'s document. */
const selectionAt = (state: EditorState, { anchor, head }: { anchor: number; head: number }) =>
  TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));

/**
 * Makes the view hold the selection the reader just made with the keyboard, if it does not yet.
 * Called before ProseMirror's own reading of it (see below), so what ProseMirror then compares
 * the page's selection with is the reader's.
 */
function readKeyboardSelection(view: EditorView): void {
  const unread = unreadSelection(view, view.state);
  if (unread) view.dispatch(view.state.tr.setSelection(selectionAt(view.state, unread)));
}

/**
 * Keeps the reader's selection through the view's own redraws. ProseMirror reads a selection the
 * browser made (a drag, Shift+arrows) at the next "selectionchange" event, which Chrome sends with
 * the next frame; a transaction dispatched before then — highlights revealed while the page is
 * idle, codings that arrived, Find's matches — makes the view write the selection it still holds
 * back into the page, so the reader's selection vanished and the selection bar never showed (the
 * whole-app benchmark's lost selection when the background load of the codings ended). Such a
 * transaction, which sets no selection of its own, takes the browser's selection with it instead.
 *
 * A selection made with the keys is also read by the view itself, first: at the key's release and
 * at "selectionchange" (a listener on the window's capture phase, which runs before ProseMirror's
 * on the document). ProseMirror writes the selection it last read back into the page, with no
 * transaction, in two places that took a reader's keys for the browser's own doing: its reading
 * takes a caret at the very start of the document within 200 ms of the view gaining the focus for
 * the browser's reset of the selection on focus, and a timer 20 ms after the focus (later on a busy
 * page) puts its selection back if the page's caret is where it was at the focus. Ctrl+Home soon
 * after Tab, or after a popover gave the focus back, brought the previous selection back, and the
 * Shift+arrows after it extended that one (the keyboard test that went red on a fast machine).
 * Once the view holds the reader's selection, what ProseMirror writes back is that one. Only after
 * a key in the view since it gained the focus, and until the next mouse press: ProseMirror's
 * restoring of the selection on focus, and its care of a mouse drag, stay its own. Left open: that
 * timer running between a key and its release (within ~20 ms of the focus, with the caret back
 * where it was at the focus), which no event of the page comes before.
 */
export const ReaderSelection = Extension.create({
  name: "readerSelection",

  addProseMirrorPlugins() {
    let view: EditorView | null = null;
    /** A key was pressed in the view since it gained the focus or the mouse was pressed in it. */
    let keyed = false;
    const onSelectionChange = () => {
      if (keyed && view) readKeyboardSelection(view);
    };
    return [
      new Plugin({
        key: readerSelectionKey,
        view: (editorView) => {
          view = editorView;
          const window = editorView.dom.ownerDocument.defaultView;
          window?.addEventListener("selectionchange", onSelectionChange, true);
          return {
            destroy: () => {
              window?.removeEventListener("selectionchange", onSelectionChange, true);
              view = null;
            },
          };
        },
        props: {
          handleDOMEvents: {
            focus: () => void (keyed = false),
            mousedown: () => void (keyed = false),
            keydown: () => void (keyed = true),
            keyup: (editorView) => {
              if (keyed) readKeyboardSelection(editorView);
            },
          },
        },
        appendTransaction: (transactions: readonly Transaction[], _before, state) => {
          if (!view || transactions.some((tr) => tr.selectionSet || tr.docChanged)) return null;
          const unread = unreadSelection(view, state);
          return unread ? state.tr.setSelection(selectionAt(state, unread)) : null;
        },
      }),
    ];
  },
});
