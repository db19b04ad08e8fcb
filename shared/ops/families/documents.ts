import { TandaiError } from "../../errors.js";
import type { DocumentId } from "../../model/ids.js";
import type { ProjectState } from "../../model/project.js";
import type { ApplyContext, Handlers } from "../handler.js";
import { batch, type Operation } from "../operation.js";
import { requireDocument } from "../require.js";
import { removeCoding } from "./codings.js";
import { takeOutOfGroups } from "./documentGroups.js";
import { takeMemo } from "./memos.js";

/** Removes a document with its codings, its memo and its places in cases and groups; the inverse restores all. */
function removeDocument(state: ProjectState, id: DocumentId, ctx: ApplyContext): Operation {
  const doc = requireDocument(state, id);
  const restore: Operation[] = [{ type: "addDocument", document: doc }];
  for (const coding of Object.values(state.codings)) {
    if (coding.documentId === id) restore.push(removeCoding(state, coding.id));
  }
  restore.push(...takeMemo(state, { kind: "document", id }));
  for (const found of Object.values(state.cases)) {
    if (found.documentIds.includes(id)) restore.push(ctx.apply({ type: "unassignDocument", caseId: found.id, documentId: id }));
  }
  restore.push(...takeOutOfGroups(state, id));
  delete state.documents[id];
  return batch(restore);
}

export const documentHandlers: Handlers<"renameProject" | "addDocument" | "removeDocument" | "renameDocument"> = {
  renameProject: (state, op) => {
    const previous = state.name;
    state.name = op.name;
    return { type: "renameProject", name: previous };
  },
  addDocument: (state, op) => {
    if (state.documents[op.document.id]) throw new TandaiError("errors.op.duplicateId", { id: op.document.id });
    state.documents[op.document.id] = op.document;
    return { type: "removeDocument", documentId: op.document.id };
  },
  removeDocument: (state, op, ctx) => removeDocument(state, op.documentId, ctx),
  renameDocument: (state, op) => {
    const doc = requireDocument(state, op.documentId);
    const previous = doc.title;
    state.documents[doc.id] = { ...doc, title: op.title };
    return { type: "renameDocument", documentId: doc.id, title: previous };
  },
};
