export { Codebook, type CodebookProps } from "./Codebook.js";
export { CodeDetails } from "./CodeDetails.js";
export { useCodeKeys, type CodeKeys } from "./useCodeKeys.js";
