export * from "./model.js";
export * from "./positions.js";
export * from "./plan.js";
export * from "./previewLines.js";
