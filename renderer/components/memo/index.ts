export { MemoEditor, type MemoEditorProps } from "./MemoEditor.js";
export { MemoIcon } from "./icons.js";
