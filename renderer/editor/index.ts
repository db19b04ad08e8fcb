export { DocumentView, type DocumentViewProps } from "./DocumentView.js";
export type { TextRange } from "./selectionOffsets.js";
