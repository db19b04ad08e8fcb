import type { Evidence } from "../frameworks/evidence.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import type { Coding } from "../model/project.js";

/**
 * The one filter behind "show only my codings": the items (codings, passages) a coder made, or all
 * of them when `coder` is null (the switch off). Unchanged input is returned as is, so views that
 * memoise on it do not redraw.
 */
export function byCoder<T extends { coder: string }>(items: readonly T[], coder: string | null): readonly T[] {
  return coder === null ? items : items.filter((item) => item.coder === coder);
}

/**
 * The evidence the indicators count (coding counts per code and document, supporting and
 * contradicting), from one coder's codings only: what "only my codings" turns the dashboard's
 * verdicts into. O(codings); with the switch off the views keep the live CodingIndex instead.
 */
export function coderEvidence(codings: Iterable<Pick<Coding, "codeId" | "documentId" | "stance" | "coder">>, coder: string): Evidence {
  const counts = new Map<CodeId, Map<DocumentId, [number, number]>>();
  for (const c of codings) {
    if (c.coder !== coder) continue;
    let byDocument = counts.get(c.codeId);
    if (!byDocument) counts.set(c.codeId, (byDocument = new Map()));
    let pair = byDocument.get(c.documentId);
    if (!pair) byDocument.set(c.documentId, (pair = [0, 0]));
    pair[c.stance === "contradicts" ? 1 : 0]++;
  }
  return {
    forEach(visit) {
      for (const [codeId, byDocument] of counts) for (const [documentId, [s, n]] of byDocument) visit(codeId, documentId, s, n);
    },
  };
}

/** How many codings of each code one coder made (the codebook's counts under "only my codings"). */
export function coderCodeCounts(codings: Iterable<Pick<Coding, "codeId" | "coder">>, coder: string): (codeId: CodeId) => number {
  const counts = new Map<CodeId, number>();
  for (const c of codings) if (c.coder === coder) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
  return (codeId) => counts.get(codeId) ?? 0;
}
