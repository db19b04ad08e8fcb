import type { CodeId, DocumentId } from "../model/ids.js";
import { newCodingId, offset } from "../model/ids.js";
import type { ProjectState, Stance } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import type { AutocodeUnit, HitRef, PlannedCoding } from "./model.js";
import { codingsByDocument } from "./scope.js";
import type { FoundHit } from "./search.js";
import { extendToUnit } from "./units.js";

export interface AutocodePlan {
  codings: PlannedCoding[];
  skipped: PlannedCoding[];
}

const key = (documentId: string, start: number, end: number) => `${documentId}:${start}:${end}`;

/**
 * What auto-coding would add: each chosen hit widened to the unit, once per range (two hits in
 * one sentence make one coding), a range inside another planned one dropped, and a range that a
 * coding with the same code already covers skipped and reported, so nothing is coded twice.
 */
export function planAutocode(state: ProjectState, hits: FoundHit[], unit: AutocodeUnit, codeId: CodeId | null, chosen?: HitRef[]): AutocodePlan {
  const wanted = chosen ? new Set(chosen.map((h) => key(h.documentId, h.start, h.end))) : null;
  const existing = codeId ? codingsByDocument(state, (c) => c.codeId === codeId) : new Map();
  const title = (id: DocumentId) => state.documents[id]?.title ?? "";
  const byDoc = new Map<DocumentId, { doc: FoundHit["doc"]; ranges: [number, number][] }>();
  for (const hit of hits) {
    if (wanted && !wanted.has(key(hit.doc.id, hit.start, hit.end))) continue;
    const entry = byDoc.get(hit.doc.id) ?? { doc: hit.doc, ranges: [] };
    entry.ranges.push(extendToUnit(hit.doc, hit.start, hit.end, unit));
    byDoc.set(hit.doc.id, entry);
  }
  const plan: AutocodePlan = { codings: [], skipped: [] };
  for (const [documentId, { doc, ranges }] of byDoc) {
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const covering = existing.get(documentId) ?? [];
    let last: [number, number] | null = null;
    for (const [start, end] of ranges) {
      if (end <= start || (last && start >= last[0] && end <= last[1])) continue;
      last = [start, end];
      const planned = { documentId, document: title(documentId), start, end, text: doc.text.slice(start, end) };
      const covered = covering.some((c: { start: number; end: number }) => c.start <= start && end <= c.end);
      (covered ? plan.skipped : plan.codings).push(planned);
    }
  }
  return plan;
}

/** The planned codings as addCoding operations, for one batch (one undo step) with any addCode before them. */
export function autocodeOps(plan: AutocodePlan, codeId: CodeId, coder: string, now: string, stance: Stance = "supports"): Operation[] {
  return plan.codings.map((p) => ({
    type: "addCoding" as const,
    coding: { id: newCodingId(), documentId: p.documentId, codeId, start: offset(p.start), end: offset(p.end), coder, stance, createdAt: now },
  }));
}
