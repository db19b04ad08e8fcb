import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export const readOnlyTextKey = new PluginKey("tandaiReadOnlyText");

/**
 * The text of a document is stored verbatim and never rewritten, yet it is read with a caret: the
 * view is editable (so it takes focus with Tab, shows a caret, and the arrow keys, Shift+arrows and
 * Ctrl+Shift+arrows move and extend the selection as in any text), but nothing can change it.
 * Every input the browser announces (typing, deleting, pasting, cutting, dropping, IME) is
 * cancelled before it touches the DOM, and any transaction that would change the document is
 * refused as the last guard.
 */
export const ReadOnlyText = Extension.create({
  name: "readOnlyText",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: readOnlyTextKey,
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          attributes: { spellcheck: "false", autocorrect: "off", autocapitalize: "off", translate: "no" },
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              // Copying is reading; cutting would remove the text.
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
