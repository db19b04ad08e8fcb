export * from "./catalogues.js";
export { translate } from "./translate.js";
export { countWords } from "./counts.js";
