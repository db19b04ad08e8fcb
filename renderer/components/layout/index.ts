export { Splitter } from "./Splitter.js";
export { Tabs } from "./Tabs.js";
export { usePanelLayout, type PanelControls } from "./usePanelLayout.js";
