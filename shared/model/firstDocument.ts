import type { DocumentId } from "./ids.js";
import type { ProjectState } from "./project.js";

/**
 * The document a project opens on: the workspace shows it, the first-screen open carries its
 * codings and the app's start its text. One rule for all three, or the first screen would draw a
 * document whose codings or text had not come with it.
 */
export function firstDocumentId(state: Pick<ProjectState, "documents">): DocumentId | null {
  for (const id in state.documents) return id as DocumentId;
  return null;
}
