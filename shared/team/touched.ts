import type { Operation, OperationType } from "../ops/operation.js";

/** Operations that never add, remove or change a coding. */
const CODING_FREE = new Set<OperationType>([
  "renameProject", "addDocument", "renameDocument", "addCode", "updateCode", "moveCode", "addCase", "renameCase", "deleteCase",
  "assignDocument", "unassignDocument", "setMemo", "addFramework", "removeFramework", "setThresholds", "linkCode", "setOverride",
  "addAttribute", "updateAttribute", "removeAttribute", "setAttributeValue", "setFrameworkSourceTypes", "orderDocuments",
  "addDocumentGroup", "renameDocumentGroup", "deleteDocumentGroup", "addToDocumentGroup", "removeFromDocumentGroup", "setCodeKey",
]);

/**
 * The ids of the codings `op` may have changed, or null when it may have changed any (deleting a
 * code or a document, merging codes, or an operation kind this list does not know yet). Lets
 * commitLocal look at one coding instead of 100k after the usual click.
 */
export function codingsTouchedBy(op: Operation): Set<string> | null {
  const out = new Set<string>();
  const visit = (o: Operation): boolean => {
    switch (o.type) {
      case "batch":
        return o.ops.every(visit);
      case "addCoding":
        out.add(o.coding.id);
        return true;
      case "removeCoding":
      case "setStance":
      case "recodeCoding":
        out.add(o.codingId);
        return true;
      default:
        return CODING_FREE.has(o.type);
    }
  };
  return visit(op) ? out : null;
}
