import type { CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";

/** Coding counts per (code, document): all that indicators need to know of the codings. */
export interface Evidence {
  forEach(visit: (codeId: CodeId, documentId: DocumentId, supporting: number, contradicting: number) => void): void;
}

/**
 * The evidence kept current operation by operation, as CodingIndex keeps its lists. Reading 100k
 * codings out of the project's record costs more than the 50 ms an indicator view may take after a
 * click (on a slow machine, most of it is pulling the values out of the record, not counting
 * them), while this costs each operation what it touched and leaves computeIndicators a pass over
 * codes × documents.
 */
export class EvidenceIndex implements Evidence {
  /** How each indexed coding was counted, to uncount it after it changed or went. */
  private readonly filed = new Map<CodingId, { codeId: CodeId; documentId: DocumentId; contradicts: boolean }>();
  /** code → document → [supporting, contradicting] */
  private readonly counts = new Map<CodeId, Map<DocumentId, [number, number]>>();

  constructor(state: ProjectState) {
    this.rebuild(state);
  }

  forEach(visit: (codeId: CodeId, documentId: DocumentId, supporting: number, contradicting: number) => void): void {
    for (const [codeId, byDocument] of this.counts) {
      for (const [documentId, [supporting, contradicting]] of byDocument) {
        if (supporting || contradicting) visit(codeId, documentId, supporting, contradicting);
      }
    }
  }

  /** Brings the index up to date with `state`, to which `op` has just been applied. */
  update(state: ProjectState, op: Operation): void {
    const touched = touchedCodings(op);
    if (touched === "all") return this.rebuild(state);
    for (const id of touched) {
      this.uncount(id);
      const coding = state.codings[id];
      if (coding) this.count(coding);
    }
  }

  private rebuild(state: ProjectState): void {
    this.filed.clear();
    this.counts.clear();
    for (const coding of Object.values(state.codings)) this.count(coding);
  }

  private count({ id, codeId, documentId, stance }: Coding): void {
    const contradicts = stance === "contradicts";
    this.filed.set(id, { codeId, documentId, contradicts });
    let byDocument = this.counts.get(codeId);
    if (!byDocument) this.counts.set(codeId, (byDocument = new Map()));
    let pair = byDocument.get(documentId);
    if (!pair) byDocument.set(documentId, (pair = [0, 0]));
    pair[contradicts ? 1 : 0]++;
  }

  private uncount(id: CodingId): void {
    const where = this.filed.get(id);
    if (!where) return;
    this.filed.delete(id);
    const pair = this.counts.get(where.codeId)?.get(where.documentId);
    if (pair) pair[where.contradicts ? 1 : 0]--;
  }
}

/**
 * The codings an operation may have added, removed, recoded or re-stanced; "all" for those that
 * reach codings through their code or document (rare, and cheaper to rebuild than to trace).
 */
function touchedCodings(op: Operation): CodingId[] | "all" {
  switch (op.type) {
    case "addCoding":
      return [op.coding.id];
    case "removeCoding":
    case "recodeCoding":
    case "setStance":
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
