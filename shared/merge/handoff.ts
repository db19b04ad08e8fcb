import { newProjectId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";

/**
 * The project as a second coder gets it: documents, codebook, cases, memos and attributes kept;
 * with `dropCodings` the codings (and the memos on them) left out, so the second coder works blind.
 * A new project id, so both can be open side by side and listed apart.
 */
export function handoffState(state: ProjectState, dropCodings: boolean): ProjectState {
  // The state is plain JSON (it is stored as such), so this is a deep copy.
  const copy = JSON.parse(JSON.stringify(state)) as ProjectState;
  copy.id = newProjectId();
  if (dropCodings) {
    copy.codings = {};
    for (const [key, memo] of Object.entries(copy.memos)) if (memo.target.kind === "coding") delete copy.memos[key];
  }
  return copy;
}
