export * from "./plan.js";
export * from "./handoff.js";
export * from "./paths.js";
