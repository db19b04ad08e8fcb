import { foldName } from "../codebook/importCodebook.js";
import type { CodingId, DocumentGroupId, DocumentId } from "../model/ids.js";
import { memoKey, type DocumentGroup, type DocumentMeta, type ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { compareText } from "../text/collation.js";

/**
 * The document list's order: the researcher's order where set, then the rest by title (a new
 * import lands after the ordered ones until it is moved).
 */
export function sortedDocuments(state: ProjectState): DocumentMeta[] {
  return Object.values(state.documents).sort(compareDocuments);
}

export function compareDocuments(a: DocumentMeta, b: DocumentMeta): number {
  const ordered = (a.order === undefined ? 1 : 0) - (b.order === undefined ? 1 : 0);
  if (ordered) return ordered;
  if (a.order !== undefined && b.order !== undefined && a.order !== b.order) return a.order - b.order;
  // compareText is localeCompare, without loading ICU's collation on the first screen where it need not (issue 13).
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

/**
 * The operation that moves `documentId` to position `to` of the list (0: first) by numbering the
 * whole list afresh; null when it is already there. Undoing it restores every earlier position.
 */
export function moveDocumentOp(state: ProjectState, documentId: DocumentId, to: number): Operation | null {
  const list = sortedDocuments(state).map((d) => d.id);
  const from = list.indexOf(documentId);
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from === target) return null;
  list.splice(from, 1);
  list.splice(target, 0, documentId);
  const orders: Record<string, number> = {};
  list.forEach((id, i) => {
    if (state.documents[id]!.order !== i) orders[id] = i;
  });
  return { type: "orderDocuments", orders };
}

/** Groups by name. */
export function sortedGroups(state: ProjectState): DocumentGroup[] {
  return Object.values(state.documentGroups).sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

/** The groups a document is in, by name. */
export function groupsOfDocument(state: ProjectState, documentId: DocumentId): DocumentGroup[] {
  return sortedGroups(state).filter((g) => g.documentIds.includes(documentId));
}

/** The documents in any of the groups (a union), those the project still holds. */
export function documentsOfGroups(state: ProjectState, groupIds: readonly DocumentGroupId[]): Set<DocumentId> {
  const out = new Set<DocumentId>();
  for (const id of groupIds) for (const documentId of state.documentGroups[id]?.documentIds ?? []) if (state.documents[documentId]) out.add(documentId);
  return out;
}

/** A group by id or by name (case- and accent-insensitive). */
export function findDocumentGroup(state: ProjectState, idOrName: string): DocumentGroup | undefined {
  return state.documentGroups[idOrName as DocumentGroupId] ?? Object.values(state.documentGroups).find((g) => foldName(g.name) === foldName(idOrName));
}

/** What deleting a document takes with it: its codings, and the memos on it and on those codings. */
export function documentRemovalImpact(state: ProjectState, documentId: DocumentId, codingIds: readonly CodingId[]): { codings: number; memos: number } {
  let memos = state.memos[memoKey({ kind: "document", id: documentId })] ? 1 : 0;
  for (const id of codingIds) if (state.memos[memoKey({ kind: "coding", id })]) memos++;
  return { codings: codingIds.length, memos };
}
