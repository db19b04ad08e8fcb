export * from "./errors.js";
export * from "./model/index.js";
export * from "./ops/index.js";
export * from "./i18n/index.js";
export * from "./text/blocks.js";
export * from "./retrieve/passages.js";
export * from "./ipc/contract.js";
export * from "./store.js";
