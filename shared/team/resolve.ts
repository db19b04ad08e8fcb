import { TandaiError } from "../errors.js";
import type { StoredOverride } from "../frameworks/model.js";
import type { ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import type { TeamConflict, TeamResolution } from "./types.js";

/**
 * The operations a choice on a conflict needs, against the project as last synced (`state`). Keeping
 * what the project holds needs none; taking the other side is an ordinary operation, applied, undone
 * and journalled like any other, and sent out by the next commitLocal.
 */
export function resolution(conflict: TeamConflict, choice: TeamResolution, state: ProjectState): Operation[] {
  if (choice === "keep") return [];
  const subject = conflict.subject;
  switch (conflict.kind) {
    case "codeRenamed": {
      if (subject.kind !== "code" || !state.codes[subject.codeId] || typeof conflict.other.value !== "string") return [];
      return [{ type: "updateCode", codeId: subject.codeId, name: conflict.other.value }];
    }
    case "overrideSet": {
      if (subject.kind !== "override" || !state.cases[subject.caseId]) return [];
      const other = conflict.other.value as StoredOverride | null;
      return [
        other
          ? { type: "setOverride", caseId: subject.caseId, indicatorId: subject.indicatorId, override: { status: other.status, justification: other.justification }, at: other.at }
          : { type: "setOverride", caseId: subject.caseId, indicatorId: subject.indicatorId, override: null },
      ];
    }
    case "deletedWhileCoded": {
      if (subject.kind === "code" && state.codes[subject.codeId]) return [{ type: "deleteCode", codeId: subject.codeId }];
      if (subject.kind === "document" && state.documents[subject.documentId]) return [{ type: "removeDocument", documentId: subject.documentId }];
      return [];
    }
    case "memoEdited":
      // Both edits are in the merged memo; there is no other version to take.
      throw new TandaiError("team.errors.noOtherSide", { id: conflict.id });
  }
}
