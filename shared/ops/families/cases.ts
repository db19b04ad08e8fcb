import { TandaiError } from "../../errors.js";
import { overrideKey } from "../../frameworks/model.js";
import type { Handlers } from "../handler.js";
import { batch, type Operation } from "../operation.js";
import { requireCase, requireDocument } from "../require.js";
import { takeOverride } from "./frameworks.js";

export const caseHandlers: Handlers<"addCase" | "renameCase" | "deleteCase" | "assignDocument" | "unassignDocument"> = {
  addCase: (state, op) => {
    if (state.cases[op.case.id]) throw new TandaiError("errors.op.duplicateId", { id: op.case.id });
    for (const id of op.case.documentIds) requireDocument(state, id);
    state.cases[op.case.id] = op.case;
    return { type: "deleteCase", caseId: op.case.id };
  },
  renameCase: (state, op) => {
    const found = requireCase(state, op.caseId);
    state.cases[found.id] = { ...found, name: op.name };
    return { type: "renameCase", caseId: found.id, name: found.name };
  },
  deleteCase: (state, op) => {
    const found = requireCase(state, op.caseId);
    // The case's overrides go with it (the inverse restores them after the case).
    const restore: Operation[] = [{ type: "addCase", case: found }];
    const prefix = overrideKey(found.id, "");
    for (const key of Object.keys(state.overrides)) {
      if (key.startsWith(prefix)) restore.push(takeOverride(state, found.id, key.slice(prefix.length)));
    }
    delete state.cases[found.id];
    return batch(restore);
  },
  assignDocument: (state, op) => {
    const found = requireCase(state, op.caseId);
    requireDocument(state, op.documentId);
    if (found.documentIds.includes(op.documentId)) return { type: "batch", ops: [] };
    const documentIds = [...found.documentIds];
    documentIds.splice(Math.min(op.index ?? documentIds.length, documentIds.length), 0, op.documentId);
    state.cases[found.id] = { ...found, documentIds };
    return { type: "unassignDocument", caseId: found.id, documentId: op.documentId };
  },
  unassignDocument: (state, op) => {
    const found = requireCase(state, op.caseId);
    const index = found.documentIds.indexOf(op.documentId);
    if (index < 0) return { type: "batch", ops: [] };
    state.cases[found.id] = { ...found, documentIds: found.documentIds.filter((id) => id !== op.documentId) };
    // Where it stood, so that undoing a removed document gives the case back exactly as it was.
    return { type: "assignDocument", caseId: found.id, documentId: op.documentId, index };
  },
};
