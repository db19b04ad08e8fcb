export { SearchPanel } from "./SearchPanel.js";
export { FindBar } from "./FindBar.js";
