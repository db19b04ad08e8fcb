import { activeSourceTypes, sourceTypeMatcher } from "../attributes/index.js";
import type { CaseId, CodeId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import type { Evidence } from "./evidence.js";
import { overrideKey, type Framework, type StoredOverride } from "./model.js";
import { frameworkVerdict, indicatorStatus, type FrameworkVerdict, type IndicatorResult } from "./verdict.js";

export interface FrameworkResult {
  frameworkId: string;
  /** In the framework's indicator order. */
  indicators: IndicatorResult[];
  verdict: FrameworkVerdict;
}

export interface CaseResult {
  caseId: CaseId;
  /** In the order the frameworks were given. */
  frameworks: FrameworkResult[];
}

/** Which indicator each linked code is evidence for. */
export function codeLinks(state: ProjectState): Map<CodeId, string> {
  const links = new Map<CodeId, string>();
  for (const code of Object.values(state.codes)) if (code.indicatorId) links.set(code.id, code.indicatorId);
  return links;
}

/**
 * Every case × framework × indicator, from the codings of each case's documents. A document may
 * belong to several cases: its codings count for each of them. Links to indicators of frameworks
 * not given are ignored (a framework removed from the project leaves its codes linked).
 *
 * One pass over the codings: each adds to a counter per (document, indicator) found through two map
 * lookups; cases then sum their documents' counters, a cost in documents × indicators that does not
 * grow with the codings. Given a CodingIndex, even the pass is replaced by one over its
 * (code, document) counts, which is what a view recomputing after every click should pass.
 *
 * Triangulation: a framework naming `sourceTypes`, in a project with a source-type attribute,
 * counts only the codings of documents whose source type is one of them.
 */
export function computeIndicators(
  state: ProjectState,
  frameworks: readonly Framework[] = Object.values(state.frameworks),
  links: ReadonlyMap<string, string> = codeLinks(state),
  overrides: Readonly<Record<string, StoredOverride>> = state.overrides,
  /** An CodingIndex kept current by the caller; without it the codings are read once here. */
  evidence?: Evidence,
): CaseResult[] {
  const slotOf = new Map<string, number>();
  for (const framework of frameworks) for (const indicator of framework.indicators) slotOf.set(indicator.id, slotOf.size);
  const slotOfCode = new Map<string, number>();
  for (const [codeId, indicatorId] of links) {
    const slot = slotOf.get(indicatorId);
    if (slot !== undefined) slotOfCode.set(codeId, slot);
  }
  const cases = Object.values(state.cases);
  const docIndex = new Map<string, number>();
  for (const found of cases) for (const id of found.documentIds) if (!docIndex.has(id)) docIndex.set(id, docIndex.size);

  const width = slotOf.size;
  const supporting = new Uint32Array(docIndex.size * width);
  const contradicting = new Uint32Array(docIndex.size * width);
  const add = (codeId: string, documentId: string, s: number, c: number) => {
    const slot = slotOfCode.get(codeId);
    if (slot === undefined) return;
    const doc = docIndex.get(documentId);
    if (doc === undefined) return;
    supporting[doc * width + slot]! += s;
    contradicting[doc * width + slot]! += c;
  };
  if (evidence) evidence.forEach(add);
  else if (slotOfCode.size > 0) {
    for (const coding of Object.values(state.codings)) {
      if (coding.stance === "contradicts") add(coding.codeId, coding.documentId, 0, 1);
      else add(coding.codeId, coding.documentId, 1, 0);
    }
  }

  // Per framework, the documents it counts when it counts only some source types (null: all).
  const counted = frameworks.map((framework) => {
    const active = activeSourceTypes(state, framework);
    if (!active) return null;
    const matches = sourceTypeMatcher(active.sourceTypes);
    const allowed = new Uint8Array(docIndex.size);
    for (const [id, doc] of docIndex) if (matches(state.documents[id as keyof ProjectState["documents"]]?.attributes?.[active.attribute.id])) allowed[doc] = 1;
    return allowed;
  });

  return cases.map((found) => {
    const allDocs = [...new Set(found.documentIds)].map((id) => docIndex.get(id)!);
    return {
      caseId: found.id,
      frameworks: frameworks.map((framework, f) => {
        const allowed = counted[f];
        const docs = allowed ? allDocs.filter((doc) => allowed[doc] === 1) : allDocs;
        const indicators = framework.indicators.map((indicator) => {
          const slot = slotOf.get(indicator.id)!;
          const counts = { supporting: 0, contradicting: 0, documents: 0 };
          for (const doc of docs) {
            const s = supporting[doc * width + slot]!;
            counts.supporting += s;
            counts.contradicting += contradicting[doc * width + slot]!;
            if (s > 0) counts.documents++;
          }
          return indicatorStatus(indicator.id, counts, framework.thresholds, overrides[overrideKey(found.id, indicator.id)] ?? null);
        });
        return { frameworkId: framework.id, indicators, verdict: frameworkVerdict(framework, indicators) };
      }),
    };
  });
}
