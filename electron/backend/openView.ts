import { CodingIndex, type CodeId, type Coding, type CodingCounts, type CodingsChunk, type DocumentId, type Operation, type ProjectState } from "../../shared/index.js";

/**
 * Issue 13's two-step open, the backend's half. The first answer carries the project with the
 * codings of the document the workspace shows first (the first in `state.documents`, as the
 * renderer picks it) and the counts per document and code; the renderer then asks for the rest in
 * chunks (`codingsOf`). At 100k codings the first answer is a few hundred kB instead of 18.7 MB, and
 * the renderer indexes one document's codings before its first screen instead of all of them.
 */

/** The state with only the first document's codings, and the whole project's counts: one pass over the codings. */
export function firstScreenState(state: ProjectState): { state: ProjectState; loaded: DocumentId[]; counts: CodingCounts } {
  const first = Object.keys(state.documents)[0] as DocumentId | undefined;
  const codings: ProjectState["codings"] = {};
  const byDocument: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  const all = state.codings;
  for (const id in all) {
    const coding = all[id as keyof typeof all]!;
    byDocument[coding.documentId] = (byDocument[coding.documentId] ?? 0) + 1;
    byCode[coding.codeId] = (byCode[coding.codeId] ?? 0) + 1;
    if (coding.documentId === first) codings[coding.id] = coding;
  }
  return { state: { ...state, codings }, loaded: first ? [first] : [], counts: { byDocument, byCode } as CodingCounts };
}

/** What the serving side needs of the backend: its state, its change numbering and the changes since a number. */
export interface CodingsSource {
  state: ProjectState;
  revision: number;
  /** The operations applied after `after`, in order, or null when they are no longer kept. */
  changesSince(after: number): Operation[] | null;
}

/**
 * Serves the codings of sets of documents. Grouping 1M codings by document for every chunk would
 * be a pass over all of them per chunk, so they are indexed once (on the first request, off the
 * open's path) and the index follows the changes applied since (a rebuild when too many were).
 */
export class CodingsServer {
  private index: CodingIndex | null = null;
  private indexedState: ProjectState | null = null;
  private indexedAt = 0;

  codingsOf(source: CodingsSource, documents: readonly DocumentId[]): CodingsChunk {
    const index = this.current(source);
    const codings: Coding[] = [];
    for (const id of new Set(documents)) if (source.state.documents[id]) codings.push(...index.codingsOf(source.state, id));
    return { codings, counts: countsOf(index, source.state), revision: source.revision };
  }

  /** The project closed or another opened. */
  reset(): void {
    this.index = this.indexedState = null;
    this.indexedAt = 0;
  }

  private current(source: CodingsSource): CodingIndex {
    if (!this.index || this.indexedState !== source.state) return this.rebuild(source);
    if (this.indexedAt !== source.revision) {
      const since = this.indexedAt < source.revision ? source.changesSince(this.indexedAt) : null;
      if (!since) return this.rebuild(source);
      // Each operation re-files what it touched from the state as it is now, which is where the
      // last of them left it: the same as following them one by one.
      for (const op of since) this.index.update(source.state, op);
      this.indexedAt = source.revision;
    }
    return this.index;
  }

  private rebuild(source: CodingsSource): CodingIndex {
    this.index = new CodingIndex(source.state);
    this.indexedState = source.state;
    this.indexedAt = source.revision;
    return this.index;
  }
}

function countsOf(index: CodingIndex, state: ProjectState): CodingCounts {
  const byDocument: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  for (const id of Object.keys(state.documents) as DocumentId[]) {
    const n = index.countForDocument(id);
    if (n) byDocument[id] = n;
  }
  for (const id of Object.keys(state.codes) as CodeId[]) {
    const n = index.countForCode(id);
    if (n) byCode[id] = n;
  }
  return { byDocument, byCode } as CodingCounts;
}
