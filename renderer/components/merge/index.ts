export { MergeDialog } from "./MergeDialog.js";
