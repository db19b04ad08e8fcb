export * from "./operation.js";
export { applyOperation, descendantIds } from "./apply.js";
export { History } from "./history.js";
