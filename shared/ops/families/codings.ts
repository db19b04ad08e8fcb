import { TandaiError } from "../../errors.js";
import type { CodingId } from "../../model/ids.js";
import type { Coding, ProjectState } from "../../model/project.js";
import type { Handlers } from "../handler.js";
import { batch, type Operation } from "../operation.js";
import { requireCodable, requireCode, requireCoding, requireDocument } from "../require.js";
import { takeMemo } from "./memos.js";

function addCoding(state: ProjectState, coding: Coding): Operation {
  if (state.codings[coding.id]) throw new TandaiError("errors.op.duplicateId", { id: coding.id });
  const doc = requireDocument(state, coding.documentId);
  requireCodable(requireCode(state, coding.codeId));
  if (coding.start >= coding.end || coding.end > doc.length) {
    throw new TandaiError("errors.op.badRange", { start: coding.start, end: coding.end, count: doc.length, document: doc.title });
  }
  state.codings[coding.id] = coding;
  return { type: "removeCoding", codingId: coding.id };
}

/** Removes a coding and its memo; the inverse restores both. */
export function removeCoding(state: ProjectState, id: CodingId): Operation {
  const coding = requireCoding(state, id);
  const restore: Operation[] = [{ type: "addCoding", coding }, ...takeMemo(state, { kind: "coding", id })];
  delete state.codings[id];
  return batch(restore);
}

export const codingHandlers: Handlers<"addCoding" | "removeCoding" | "setStance" | "recodeCoding"> = {
  addCoding: (state, op) => addCoding(state, op.coding),
  removeCoding: (state, op) => removeCoding(state, op.codingId),
  setStance: (state, op) => {
    const coding = requireCoding(state, op.codingId);
    const previous = coding.stance;
    state.codings[coding.id] = { ...coding, stance: op.stance };
    return { type: "setStance", codingId: coding.id, stance: previous };
  },
  recodeCoding: (state, op) => {
    const coding = requireCoding(state, op.codingId);
    requireCodable(requireCode(state, op.codeId));
    const previous = coding.codeId;
    state.codings[coding.id] = { ...coding, codeId: op.codeId };
    return { type: "recodeCoding", codingId: coding.id, codeId: previous };
  },
};
