export { TeamBadge } from "./TeamBadge.js";
export { JoinDialog } from "./JoinDialog.js";
