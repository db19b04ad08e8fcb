import type { CodingId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import { batch, type Operation } from "../ops/operation.js";
import type { Disagreement } from "./report.js";

/**
 * Accepts one coder's version of a disagreement into the project: the other coders' codings of
 * that code (or category) on the passage are removed, the accepted coder's are kept, so the
 * passage holds one version. One operation (a batch when several), undoable as one step; null
 * when nothing would change (those codings are gone already).
 */
export function acceptVersion(state: ProjectState, disagreement: Disagreement, coder: number): Operation | null {
  const remove: CodingId[] = disagreement.codings.flatMap((ids, i) => (i === coder ? [] : ids)).filter((id) => state.codings[id]);
  if (!remove.length) return null;
  return batch([...new Set(remove)].map((codingId) => ({ type: "removeCoding", codingId })));
}
