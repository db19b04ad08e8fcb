import { foldName } from "../../codebook/importCodebook.js";
import { TandaiError } from "../../errors.js";
import type { DocumentGroupId, DocumentId } from "../../model/ids.js";
import type { DocumentGroup, DocumentMeta, ProjectState } from "../../model/project.js";
import type { Handlers } from "../handler.js";
import type { Operation, OperationOf } from "../operation.js";
import { requireDocument } from "../require.js";

/** The operations on the document list's order and on document groups, each yielding its inverse. */
export const documentGroupHandlers: Handlers<
  "orderDocuments" | "addDocumentGroup" | "renameDocumentGroup" | "deleteDocumentGroup" | "addToDocumentGroup" | "removeFromDocumentGroup"
> = {
  orderDocuments: (state, op) => orderDocuments(state, op.orders),
  addDocumentGroup: (state, op) => {
    if (state.documentGroups[op.group.id]) throw new TandaiError("errors.op.duplicateId", { id: op.group.id });
    checkGroupName(state, op.group.id, op.group.name);
    for (const id of op.group.documentIds) requireDocument(state, id);
    state.documentGroups[op.group.id] = { ...op.group, name: op.group.name.trim(), documentIds: [...new Set(op.group.documentIds)] };
    return { type: "deleteDocumentGroup", groupId: op.group.id };
  },
  renameDocumentGroup: (state, op) => {
    const group = requireGroup(state, op.groupId);
    checkGroupName(state, group.id, op.name);
    state.documentGroups[group.id] = { ...group, name: op.name.trim() };
    return { type: "renameDocumentGroup", groupId: group.id, name: group.name };
  },
  deleteDocumentGroup: (state, op) => {
    const group = requireGroup(state, op.groupId);
    delete state.documentGroups[group.id];
    return { type: "addDocumentGroup", group };
  },
  addToDocumentGroup: (state, op) => {
    const group = requireGroup(state, op.groupId);
    requireDocument(state, op.documentId);
    if (group.documentIds.includes(op.documentId)) return { type: "batch", ops: [] };
    const documentIds = [...group.documentIds];
    documentIds.splice(Math.min(op.index ?? documentIds.length, documentIds.length), 0, op.documentId);
    state.documentGroups[group.id] = { ...group, documentIds };
    return { type: "removeFromDocumentGroup", groupId: group.id, documentId: op.documentId };
  },
  removeFromDocumentGroup: (state, op) => removeFromGroup(state, op),
};

function removeFromGroup(state: ProjectState, op: OperationOf<"removeFromDocumentGroup">): Operation {
  const group = requireGroup(state, op.groupId);
  const index = group.documentIds.indexOf(op.documentId);
  if (index < 0) return { type: "batch", ops: [] };
  state.documentGroups[group.id] = { ...group, documentIds: group.documentIds.filter((id) => id !== op.documentId) };
  return { type: "addToDocumentGroup", groupId: group.id, documentId: op.documentId, index };
}

/**
 * Takes a document out of every group it is in (it is being removed from the project) and returns
 * the operations that put it back where it stood in each.
 */
export function takeOutOfGroups(state: ProjectState, documentId: DocumentId): Operation[] {
  const restore: Operation[] = [];
  for (const group of Object.values(state.documentGroups)) {
    if (group.documentIds.includes(documentId)) restore.push(removeFromGroup(state, { type: "removeFromDocumentGroup", groupId: group.id, documentId }));
  }
  return restore;
}

function orderDocuments(state: ProjectState, orders: Record<string, number | null>): Operation {
  const entries = Object.entries(orders) as [DocumentId, number | null][];
  for (const [id, order] of entries) {
    requireDocument(state, id);
    if (order !== null && !Number.isFinite(order)) throw new TandaiError("documents.errors.badOrder", { id, value: String(order) });
  }
  const previous: Record<string, number | null> = {};
  for (const [id, order] of entries) {
    const { order: before, ...rest } = state.documents[id]!;
    previous[id] = before ?? null;
    // An unordered document carries no `order` key at all, so the file and undo stay clean.
    state.documents[id] = (order === null ? rest : { ...rest, order }) as DocumentMeta;
  }
  return { type: "orderDocuments", orders: previous };
}

/** Group names differ (ignoring case and accents), so a group named on the command line is one group. */
function checkGroupName(state: ProjectState, selfId: DocumentGroupId, name: string): void {
  const clash = Object.values(state.documentGroups).find((g) => g.id !== selfId && foldName(g.name) === foldName(name));
  if (clash) throw new TandaiError("documents.errors.duplicateGroup", { name: clash.name });
}

function requireGroup(state: ProjectState, id: DocumentGroupId): DocumentGroup {
  const group = state.documentGroups[id];
  if (!group) throw new TandaiError("documents.errors.unknownGroup", { id });
  return group;
}

