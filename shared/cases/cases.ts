import { newCaseId, type DocumentId } from "../model/ids.js";
import type { Case, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase().trim();

/** The case of that name, case- and accent-insensitively. */
export function findCase(state: ProjectState, name: string): Case | undefined {
  return Object.values(state.cases).find((c) => fold(c.name) === fold(name));
}

/** Operations putting documents into the named case, creating the case first if there is none. */
export function assignToCase(state: ProjectState, name: string, documentIds: DocumentId[], now: string): { ops: Operation[]; created: boolean } {
  const existing = findCase(state, name);
  if (!existing) {
    return { ops: [{ type: "addCase", case: { id: newCaseId(), name: name.trim(), documentIds: [...documentIds], createdAt: now } }], created: true };
  }
  const ops: Operation[] = documentIds
    .filter((id) => !existing.documentIds.includes(id))
    .map((documentId) => ({ type: "assignDocument", caseId: existing.id, documentId }));
  return { ops, created: false };
}
