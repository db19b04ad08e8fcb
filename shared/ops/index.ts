export * from "./operation.js";
export { applyOperation, descendantIds } from "./apply.js";
export { History } from "./history.js";
export type { HistoryEntry } from "./history.js";
export { describeOperation, descriptionParams, type DescriptionParam, type OpDescription, type Place } from "./describe.js";
export { changesCodingsAlone } from "./codingsAlone.js";
