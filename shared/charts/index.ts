export * from "./svg.js";
export { frequencyChart, heatmapChart, cooccurrenceChart, indicatorGridChart, type Chart } from "./charts.js";
