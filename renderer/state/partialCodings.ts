import type { CodingIndex, DocumentId, Operation, ProjectState } from "../../shared/index.js";

/** About how many codings one background request asks for (tens of thousands: a few MB of JSON). */
export const CHUNK_CODINGS = 20_000;
/** At most this many documents per request (the contract's limit is higher). */
export const CHUNK_DOCUMENTS = 1_000;

/** Where the mirror is with its codings: null once it holds every one. */
export interface CodingsLoading {
  loaded: number;
  total: number;
  /** Set when the background load failed for good (the views that need every coding say so). */
  failed?: unknown;
}

export function loadingOf(index: CodingIndex, failed: unknown): CodingsLoading | null {
  if (index.complete) return null;
  const loaded = index.size;
  return { loaded, total: loaded + index.pendingCount, ...(failed ? { failed } : {}) };
}

/**
 * The part of `op` a partial mirror can apply, and whether the backend's counts must be asked for
 * again. The mirror holds all codings of a loaded document and none of one that is not, so a
 * coding operation on a document not loaded is left out (that document's codings, when they come,
 * already include it); an added coding is counted until then. An operation that reaches codings
 * through a code or document (delete, merge, remove) applies to the codings held, and the counts
 * of the rest are asked for again rather than guessed.
 */
export function withinLoaded(state: ProjectState, index: CodingIndex, op: Operation): { op: Operation | null; recount: boolean } {
  switch (op.type) {
    case "batch": {
      let recount = false;
      let changed = false;
      const ops: Operation[] = [];
      for (const inner of op.ops) {
        const part = withinLoaded(state, index, inner);
        recount ||= part.recount;
        changed ||= part.op !== inner;
        if (part.op) ops.push(part.op);
      }
      return { op: !changed ? op : ops.length ? { ...op, ops } : null, recount };
    }
    case "addCoding":
      if (index.isLoaded(op.coding.documentId)) return { op, recount: false };
      index.countPending(op.coding.documentId, op.coding.codeId);
      return { op: null, recount: false };
    case "removeCoding":
    case "recodeCoding":
      return state.codings[op.codingId] ? { op, recount: false } : { op: null, recount: true };
    case "setStance":
      // A stance is not counted: nothing to ask again.
      return { op: state.codings[op.codingId] ? op : null, recount: false };
    case "deleteCode":
    case "mergeCodes":
    case "removeDocument":
      return { op, recount: true };
    default:
      return { op, recount: false };
  }
}

/**
 * The next documents to ask for: the pending ones in the state's order, up to about CHUNK_CODINGS
 * codings, leaving out `asked` (a chunk answered but not filed yet).
 */
export function nextChunk(index: CodingIndex, asked: ReadonlySet<DocumentId> = new Set(), limit = CHUNK_CODINGS): DocumentId[] {
  const chunk: DocumentId[] = [];
  let codings = 0;
  for (const id of index.pending()) {
    if (asked.has(id)) continue;
    const n = index.countForDocument(id);
    if (chunk.length && (codings + n > limit || chunk.length >= CHUNK_DOCUMENTS)) break;
    chunk.push(id);
    codings += n;
  }
  return chunk;
}
