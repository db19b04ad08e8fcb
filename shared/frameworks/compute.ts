import type { CaseId, CodeId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
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
 * One pass over the codings, which is what a 100k-coding project costs: each coding adds to a
 * counter per (document, indicator) found through two map lookups; cases then sum their documents'
 * counters, a cost in documents × indicators that does not grow with the codings.
 */
export function computeIndicators(
  state: ProjectState,
  frameworks: readonly Framework[] = Object.values(state.frameworks),
  links: ReadonlyMap<string, string> = codeLinks(state),
  overrides: Readonly<Record<string, StoredOverride>> = state.overrides,
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
  if (slotOfCode.size > 0) {
    for (const coding of Object.values(state.codings)) {
      const slot = slotOfCode.get(coding.codeId);
      if (slot === undefined) continue;
      const doc = docIndex.get(coding.documentId);
      if (doc === undefined) continue;
      if (coding.stance === "contradicts") contradicting[doc * width + slot]!++;
      else supporting[doc * width + slot]!++;
    }
  }

  return cases.map((found) => {
    const docs = [...new Set(found.documentIds)].map((id) => docIndex.get(id)!);
    return {
      caseId: found.id,
      frameworks: frameworks.map((framework) => {
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
