import type { Evidence } from "../frameworks/evidence.js";
import type { CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";

/** Rebuilds across every index, so a version never repeats even between two indexes. */
let generations = 0;

interface Filed {
  documentId: DocumentId;
  codeId: CodeId;
  contradicts: boolean;
}

/**
 * The codings grouped by document and by code, and counted per (code, document) and stance, kept
 * current operation by operation. Views of a 100k-coding project — a document's highlights, the
 * counts beside codes and documents, the framework indicators — then cost what they show rather
 * than a pass over every coding after every click (reading the values out of a 100k-entry record
 * alone takes longer than an indicator view may).
 */
export class CodingIndex implements Evidence {
  /** Where each indexed coding was filed, to unfile it after it changed or went. */
  private readonly filed = new Map<CodingId, Filed>();
  private readonly byDocument = new Map<DocumentId, Set<CodingId>>();
  private readonly byCode = new Map<CodeId, Set<CodingId>>();
  /** code → document → [supporting, contradicting] */
  private readonly counts = new Map<CodeId, Map<DocumentId, [number, number]>>();
  /** Bumped per document whenever one of its codings is filed or unfiled; `generation` on a rebuild. */
  private readonly documentChanges = new Map<DocumentId, number>();
  private generation = 0;

  constructor(state: ProjectState) {
    this.rebuild(state);
  }

  /** The document's codings, in no particular order. */
  codingsOf(state: ProjectState, documentId: DocumentId): Coding[] {
    return [...(this.byDocument.get(documentId) ?? [])].map((id) => state.codings[id]!);
  }

  /**
   * Changes whenever the document's codings may have changed, so a view can keep what it computed
   * per document (the frequency table) and redo only the documents an operation touched.
   */
  documentVersion(documentId: DocumentId): string {
    return `${this.generation}:${this.documentChanges.get(documentId) ?? 0}`;
  }

  countForDocument(documentId: DocumentId): number {
    return this.byDocument.get(documentId)?.size ?? 0;
  }

  countForCode(codeId: CodeId): number {
    return this.byCode.get(codeId)?.size ?? 0;
  }

  /** Supporting and contradicting codings per (code, document), for computing indicators. */
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
      this.unfile(id);
      const coding = state.codings[id];
      if (coding) this.file(coding);
    }
  }

  private rebuild(state: ProjectState): void {
    this.filed.clear();
    this.byDocument.clear();
    this.byCode.clear();
    this.counts.clear();
    this.documentChanges.clear();
    this.generation = ++generations;
    for (const coding of Object.values(state.codings)) this.file(coding);
  }

  private file({ id, documentId, codeId, stance }: Coding): void {
    const contradicts = stance === "contradicts";
    this.filed.set(id, { documentId, codeId, contradicts });
    this.changed(documentId);
    addTo(this.byDocument, documentId, id);
    addTo(this.byCode, codeId, id);
    this.pair(codeId, documentId)[contradicts ? 1 : 0]++;
  }

  private unfile(id: CodingId): void {
    const where = this.filed.get(id);
    if (!where) return;
    this.filed.delete(id);
    this.changed(where.documentId);
    this.byDocument.get(where.documentId)?.delete(id);
    this.byCode.get(where.codeId)?.delete(id);
    this.pair(where.codeId, where.documentId)[where.contradicts ? 1 : 0]--;
  }

  private changed(documentId: DocumentId): void {
    this.documentChanges.set(documentId, (this.documentChanges.get(documentId) ?? 0) + 1);
  }

  private pair(codeId: CodeId, documentId: DocumentId): [number, number] {
    let byDocument = this.counts.get(codeId);
    if (!byDocument) this.counts.set(codeId, (byDocument = new Map()));
    let pair = byDocument.get(documentId);
    if (!pair) byDocument.set(documentId, (pair = [0, 0]));
    return pair;
  }
}

function addTo<K>(map: Map<K, Set<CodingId>>, key: K, id: CodingId): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

/**
 * The codings an operation may have added, removed, recoded or re-stanced; "all" for the
 * operations that reach codings through their code or document (rare, and cheaper to rebuild).
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
