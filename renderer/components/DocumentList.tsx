// The document list grew into its own folder; the workspace still imports it from here.
export { DocumentList } from "./documents/DocumentList.js";
