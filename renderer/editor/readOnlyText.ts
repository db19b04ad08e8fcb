import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export const readOnlyTextKey = new PluginKey("tandaiReadOnlyText");

/**
 * The text of a document is stored verbatim and never rewritten: the view is not editable (no
 * caret, no typing, drop or paste) but its text stays selectable, and any transaction that would
 * change the document is refused.
 */
export const ReadOnlyText = Extension.create({
  name: "readOnlyText",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: readOnlyTextKey,
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          editable: () => false,
        },
      }),
    ];
  },
});
