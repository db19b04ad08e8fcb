export * from "./ids.js";
export * from "./project.js";
export * from "./colors.js";
