import type { Evidence } from "../frameworks/evidence.js";
import type { CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import type { CodingCounts } from "../ipc/contract.js";

/** Rebuilds across every index, so a version never repeats even between two indexes. */
let generations = 0;

/**
 * Where a coding was filed: the coding object itself, as it was when filed. Operations replace a
 * coding in the state rather than change it in place (shared/ops/families/codings.ts; a change
 * that reaches codings through a code or document rebuilds the index), so the object filed still
 * says where it was filed after the state's entry changed or went: no copy per coding.
 */
type Filed = Pick<Coding, "documentId" | "codeId" | "stance">;

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
  /** Codings filed per code (only their number is ever asked for). */
  private readonly byCode = new Map<CodeId, number>();
  /** code → document → [supporting, contradicting] */
  private readonly counts = new Map<CodeId, Map<DocumentId, [number, number]>>();
  /** Bumped per document whenever one of its codings is filed or unfiled; `generation` on a rebuild. */
  private readonly documentChanges = new Map<DocumentId, number>();
  private generation = 0;
  /**
   * While only some documents' codings are in the state (issue 13's two-step open): the backend's
   * count for each document whose codings are not loaded yet, and per code the codings it has in
   * those documents. Empty once every document is loaded; a document not in `pendingDocuments`
   * (loaded, or added since) has all its codings in the state.
   */
  private readonly pendingDocuments = new Map<DocumentId, number>();
  private readonly pendingCodes = new Map<CodeId, number>();

  /** `partial`: the state holds the codings of `loaded` only; `counts` are the backend's, at the same revision. */
  constructor(state: ProjectState, partial?: { loaded: Iterable<DocumentId>; counts: CodingCounts }) {
    this.rebuild(state);
    if (partial) {
      const loaded = new Set(partial.loaded);
      for (const id of Object.keys(state.documents) as DocumentId[]) if (!loaded.has(id)) this.pendingDocuments.set(id, 0);
      this.setCounts(partial.counts);
    }
  }

  /** How many codings are filed (the state's, loaded). */
  get size(): number {
    return this.filed.size;
  }

  /** Whether every document's codings are in the state (always, unless built partial). */
  get complete(): boolean {
    return this.pendingDocuments.size === 0;
  }

  /** Whether the document's codings are all in the state. */
  isLoaded(documentId: DocumentId): boolean {
    return !this.pendingDocuments.has(documentId);
  }

  /** The documents whose codings are not loaded yet, in the order the state lists documents. */
  pending(): DocumentId[] {
    return [...this.pendingDocuments.keys()];
  }

  /** Codings not loaded yet, by the backend's counts. */
  get pendingCount(): number {
    let sum = 0;
    for (const n of this.pendingDocuments.values()) sum += n;
    return sum;
  }

  /**
   * Takes the backend's counts, answered at the revision the state is at: each document not loaded
   * counts what the backend says; each code, its loaded codings plus the backend's rest.
   */
  setCounts(counts: CodingCounts): void {
    for (const id of this.pendingDocuments.keys()) this.pendingDocuments.set(id, counts.byDocument[id] ?? 0);
    this.pendingCodes.clear();
    if (this.complete) return;
    for (const [id, total] of Object.entries(counts.byCode) as [CodeId, number][]) {
      const rest = total - this.loadedCountForCode(id);
      if (rest > 0) this.pendingCodes.set(id, rest);
    }
  }

  /**
   * The codings of `documents` were just added to `state` (all of each document's, at the revision
   * `counts` were answered at): file them, mark the documents loaded and take the fresh counts.
   */
  load(state: ProjectState, documents: Iterable<DocumentId>, codings: Iterable<Coding>, counts: CodingCounts): void {
    // A document with no coding filed yet (the usual pending one) has its codings filed without
    // looking for an old filing: a Map miss per coding, a tenth of filing a chunk at 1M. One with
    // codings filed (asked for twice, or given some by an operation meanwhile) is refiled. A chunk
    // holds each document's codings together (CodingsServer), so a fresh document's list and its
    // version are looked up once per run of its codings, not once per coding.
    const fresh = new Set<DocumentId>();
    for (const id of documents) {
      this.pendingDocuments.delete(id);
      if (!this.byDocument.get(id)?.size) fresh.add(id);
    }
    let runDocument: DocumentId | null = null;
    let run: Set<CodingId> | null = null;
    for (const coding of codings) {
      const { id, documentId } = coding;
      if (documentId !== runDocument) {
        runDocument = documentId;
        run = fresh.has(documentId) ? this.listOf(documentId) : null;
        if (run) this.changed(documentId);
      }
      if (!run) {
        this.unfile(id);
        this.file(coding);
        continue;
      }
      this.filed.set(id, coding);
      run.add(id);
      this.byCode.set(coding.codeId, (this.byCode.get(coding.codeId) ?? 0) + 1);
      this.pair(coding.codeId, documentId)[coding.stance === "contradicts" ? 1 : 0]++;
    }
    this.setCounts(counts);
    for (const id of this.pendingDocuments.keys()) if (!state.documents[id]) this.pendingDocuments.delete(id);
    if (this.complete) this.pendingCodes.clear();
  }

  /**
   * A coding added to a document not loaded yet (the mirror does not hold it): counted until the
   * document's codings arrive, which then include it.
   */
  countPending(documentId: DocumentId, codeId: CodeId): void {
    if (!this.pendingDocuments.has(documentId)) return;
    this.pendingDocuments.set(documentId, (this.pendingDocuments.get(documentId) ?? 0) + 1);
    this.pendingCodes.set(codeId, (this.pendingCodes.get(codeId) ?? 0) + 1);
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

  /** The document's codings; for one not loaded yet, the backend's count. */
  countForDocument(documentId: DocumentId): number {
    return this.pendingDocuments.get(documentId) ?? this.byDocument.get(documentId)?.size ?? 0;
  }

  /** The code's codings: those loaded, plus (while partial) the backend's count of the rest. */
  countForCode(codeId: CodeId): number {
    return this.loadedCountForCode(codeId) + (this.pendingCodes.get(codeId) ?? 0);
  }

  private loadedCountForCode(codeId: CodeId): number {
    return this.byCode.get(codeId) ?? 0;
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
    if (touched === "all") {
      for (const id of this.pendingDocuments.keys()) if (!state.documents[id]) this.pendingDocuments.delete(id);
      // The last document not loaded is gone: every count is the index's now.
      if (this.complete) this.pendingCodes.clear();
      return this.rebuild(state);
    }
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

  private file(coding: Coding): void {
    const { id, documentId, codeId, stance } = coding;
    this.filed.set(id, coding);
    this.changed(documentId);
    this.listOf(documentId).add(id);
    this.byCode.set(codeId, (this.byCode.get(codeId) ?? 0) + 1);
    this.pair(codeId, documentId)[stance === "contradicts" ? 1 : 0]++;
  }

  private unfile(id: CodingId): void {
    const where: Filed | undefined = this.filed.get(id);
    if (!where) return;
    this.filed.delete(id);
    this.changed(where.documentId);
    this.byDocument.get(where.documentId)?.delete(id);
    const n = (this.byCode.get(where.codeId) ?? 0) - 1;
    if (n > 0) this.byCode.set(where.codeId, n);
    else this.byCode.delete(where.codeId);
    this.pair(where.codeId, where.documentId)[where.stance === "contradicts" ? 1 : 0]--;
  }

  private listOf(documentId: DocumentId): Set<CodingId> {
    let list = this.byDocument.get(documentId);
    if (!list) this.byDocument.set(documentId, (list = new Set()));
    return list;
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

/**
 * The codings an operation may have added, removed, recoded or re-stanced; "all" for the
 * operations that reach codings through their code or document (rare, and cheaper to rebuild).
 */
export function touchedCodings(op: Operation): CodingId[] | "all" {
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
