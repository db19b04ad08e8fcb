export default {
  /** Accessible name of the coding view's text (DocumentView `label`). */
  documentText: "Document text",
} as const;
