export { Codebook, type CodebookProps } from "./Codebook.js";
export { CodeDetails } from "./CodeDetails.js";
