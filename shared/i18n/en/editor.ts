export default {
  /** Accessible name of the coding view's text (DocumentView `label`). */
  documentText: "Document text",
  /** What a screen reader hears as the caret moves through the document (an aria-live region). */
  caret: {
    codes: "Coded: {{codes}}",
    none: "Not coded",
    selectionCodes: "Selection touches: {{codes}}",
    selectionNone: "Selection not coded",
  },
  /** How to read and code with the keyboard (the document text's description). */
  keysHint:
    "Arrow keys move the caret; Shift+arrows select, Ctrl+Shift+arrows by word; keys 1 to 9 apply the first nine codes to the selection, / searches the codebook; Enter lists the codings under the caret.",
} as const;
