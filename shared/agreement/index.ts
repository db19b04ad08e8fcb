export * from "./coefficients.js";
export * from "./units.js";
export * from "./report.js";
export * from "./model.js";
export * from "./mine.js";
export * from "./accept.js";
export * from "./table.js";
