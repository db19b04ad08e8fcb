import type { CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";

/**
 * The codings grouped by document and by code, kept current operation by operation, so that views
 * of a 100k-coding project (a document's highlights, the count beside each code and document) cost
 * what they show rather than a pass over every coding after every click.
 */
export class CodingIndex {
  /** Where each indexed coding was filed, to unfile it after it changed or went. */
  private readonly filed = new Map<CodingId, { documentId: DocumentId; codeId: CodeId }>();
  private readonly byDocument = new Map<DocumentId, Set<CodingId>>();
  private readonly byCode = new Map<CodeId, Set<CodingId>>();

  constructor(state: ProjectState) {
    this.rebuild(state);
  }

  /** The document's codings, in no particular order. */
  codingsOf(state: ProjectState, documentId: DocumentId): Coding[] {
    return [...(this.byDocument.get(documentId) ?? [])].map((id) => state.codings[id]!);
  }

  countForDocument(documentId: DocumentId): number {
    return this.byDocument.get(documentId)?.size ?? 0;
  }

  countForCode(codeId: CodeId): number {
    return this.byCode.get(codeId)?.size ?? 0;
  }

  /** Brings the index up to date with `state`, to which `op` has just been applied. */
  update(state: ProjectState, op: Operation): void {
    const touched = touchedCodings(op);
    if (touched === "all") return this.rebuild(state);
    for (const id of touched) {
      this.unfile(id);
      const coding = state.codings[id];
      if (coding) this.file(coding);
    }
  }

  private rebuild(state: ProjectState): void {
    this.filed.clear();
    this.byDocument.clear();
    this.byCode.clear();
    for (const coding of Object.values(state.codings)) this.file(coding);
  }

  private file({ id, documentId, codeId }: Coding): void {
    this.filed.set(id, { documentId, codeId });
    addTo(this.byDocument, documentId, id);
    addTo(this.byCode, codeId, id);
  }

  private unfile(id: CodingId): void {
    const where = this.filed.get(id);
    if (!where) return;
    this.filed.delete(id);
    this.byDocument.get(where.documentId)?.delete(id);
    this.byCode.get(where.codeId)?.delete(id);
  }
}

function addTo<K>(map: Map<K, Set<CodingId>>, key: K, id: CodingId): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

/**
 * The codings an operation may have added, removed or moved to another code; "all" for the
 * operations that reach codings through their code or document (rare, and cheaper to rebuild).
 */
function touchedCodings(op: Operation): CodingId[] | "all" {
  switch (op.type) {
    case "addCoding":
      return [op.coding.id];
    case "removeCoding":
    case "recodeCoding":
      return [op.codingId];
    case "deleteCode":
    case "mergeCodes":
    case "removeDocument":
      return "all";
    case "batch": {
      const ids: CodingId[] = [];
      for (const inner of op.ops) {
        const touched = touchedCodings(inner);
        if (touched === "all") return "all";
        ids.push(...touched);
      }
      return ids;
    }
    default:
      return [];
  }
}
