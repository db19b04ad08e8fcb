export * from "./plan.js";
export * from "./handoff.js";
