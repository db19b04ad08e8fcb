export * from "./model.js";
export * from "./quotes.js";
export * from "./scope.js";
export * from "./matrices.js";
export * from "./report.js";
