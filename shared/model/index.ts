export * from "./ids.js";
export * from "./project.js";
export * from "./colors.js";
export * from "./limits.js";
export * from "./integrity.js";
export * from "./repair.js";
export * from "./firstDocument.js";
