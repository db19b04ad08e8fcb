export { MemoEditor, type MemoEditorProps } from "./MemoEditor.js";
