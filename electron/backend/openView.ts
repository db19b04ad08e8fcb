import type { Coding, CodingCounts, CodingsChunk, DocumentId, ProjectState } from "../../shared/index.js";

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

/** What the serving side needs of the backend: its state and its number of the last change. */
export interface CodingsSource {
  state: ProjectState;
  revision: number;
}

interface Grouped {
  state: ProjectState;
  revision: number;
  byDocument: Map<DocumentId, Coding[]>;
  counts: CodingCounts;
}

/**
 * Serves the codings of sets of documents. Grouping 1M codings by document for every chunk would
 * be a pass over all of them per chunk, so they are grouped (and counted) once per revision, on the
 * first request after it: one pass, 0.6 s at 1M codings on this machine — a full CodingIndex took
 * 2.8 s, and the first request is often the document the user just opened. While the user codes
 * during the background load, the next chunk after each change pays that pass again.
 */
export class CodingsServer {
  private grouped: Grouped | null = null;

  codingsOf(source: CodingsSource, documents: readonly DocumentId[]): CodingsChunk {
    const grouped = this.current(source);
    const codings: Coding[] = [];
    for (const id of new Set(documents)) codings.push(...(grouped.byDocument.get(id) ?? []));
    return { codings, counts: grouped.counts, revision: source.revision };
  }

  /** The project closed or another opened. */
  reset(): void {
    this.grouped = null;
  }

  private current({ state, revision }: CodingsSource): Grouped {
    if (this.grouped?.state === state && this.grouped.revision === revision) return this.grouped;
    const byDocument = new Map<DocumentId, Coding[]>();
    const byCode: Record<string, number> = {};
    const all = state.codings;
    // for…in over the record: faster than Object.values on a million keys (no array of them).
    for (const id in all) {
      const coding = all[id as keyof typeof all]!;
      let list = byDocument.get(coding.documentId);
      if (!list) byDocument.set(coding.documentId, (list = []));
      list.push(coding);
      byCode[coding.codeId] = (byCode[coding.codeId] ?? 0) + 1;
    }
    const counts = { byDocument: Object.fromEntries([...byDocument].map(([id, list]) => [id, list.length])), byCode } as CodingCounts;
    return (this.grouped = { state, revision, byDocument, counts });
  }
}
