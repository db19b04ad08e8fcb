export { MergeDialog } from "./MergeDialog.js";
export { HandoffDialog } from "./HandoffDialog.js";
