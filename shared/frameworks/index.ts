export * from "./model.js";
export * from "./templates.js";
export * from "./verdict.js";
export * from "./compute.js";
export * from "./evidence.js";
export { addTemplateOps, frameworkLinkPlan, type LinkChoices, type LinkPlanRow } from "./template.js";
