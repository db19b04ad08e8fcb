export { SearchPanel } from "./SearchPanel.js";
export type { SimilarTo } from "./SimilarView.js";
export { FindBar } from "./FindBar.js";
