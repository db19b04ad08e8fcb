export * from "./catalogues.js";
export { translate } from "./translate.js";
