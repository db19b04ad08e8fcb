import { TandaiError } from "../../errors.js";
import { frameworkOf, overrideKey } from "../../frameworks/model.js";
import type { CaseId } from "../../model/ids.js";
import type { ProjectState } from "../../model/project.js";
import type { Handlers } from "../handler.js";
import { batch, type Operation, type OperationOf } from "../operation.js";
import { requireCase, requireIndicator } from "../require.js";

export const frameworkHandlers: Handlers<"addFramework" | "removeFramework" | "setThresholds" | "setOverride" | "setFrameworkSourceTypes"> = {
  addFramework: (state, op) => {
    if (state.frameworks[op.framework.id]) throw new TandaiError("errors.op.duplicateId", { id: op.framework.id });
    state.frameworks[op.framework.id] = op.framework;
    return { type: "removeFramework", frameworkId: op.framework.id };
  },
  removeFramework: (state, op) => removeFramework(state, op.frameworkId),
  setThresholds: (state, op) => setThresholds(state, op),
  setOverride: (state, op, { now }) => {
    requireCase(state, op.caseId);
    requireIndicator(state, op.indicatorId);
    // The schema trims and refuses an empty justification; an op built in code is held to it too.
    const justification = op.override?.justification.trim();
    if (op.override && !justification) throw new TandaiError("errors.op.emptyJustification", { id: op.indicatorId });
    const key = overrideKey(op.caseId, op.indicatorId);
    const inverse = overrideRestore(op.caseId, op.indicatorId, state.overrides[key]);
    if (op.override === null) delete state.overrides[key];
    else state.overrides[key] = { status: op.override.status, justification: justification!, at: op.at ?? now };
    return inverse;
  },
  setFrameworkSourceTypes: (state, op) => {
    const framework = state.frameworks[op.frameworkId];
    if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: op.frameworkId });
    const sourceTypes = [...new Set(op.sourceTypes.map((s) => s.trim()).filter(Boolean))];
    const { sourceTypes: previous, ...rest } = framework;
    // Counting every source type is the absence of the key, so the file and undo stay clean.
    state.frameworks[framework.id] = sourceTypes.length ? { ...rest, sourceTypes } : rest;
    return { type: "setFrameworkSourceTypes", frameworkId: framework.id, sourceTypes: previous ?? [] };
  },
};

function overrideRestore(caseId: CaseId, indicatorId: string, previous: ProjectState["overrides"][string] | undefined): Operation {
  return previous
    ? { type: "setOverride", caseId, indicatorId, override: { status: previous.status, justification: previous.justification }, at: previous.at }
    : { type: "setOverride", caseId, indicatorId, override: null };
}

/** Removes one override without checks (its case or framework is going) and returns its restore. */
export function takeOverride(state: ProjectState, caseId: CaseId, indicatorId: string): Operation {
  const key = overrideKey(caseId, indicatorId);
  const restore = overrideRestore(caseId, indicatorId, state.overrides[key]);
  delete state.overrides[key];
  return restore;
}

/**
 * Removes a framework and the overrides on its indicators; the inverse restores both. Codes linked
 * to it keep their links: they are the researcher's codebook, and adding the framework again
 * (from its template) finds them instead of creating a second set.
 */
function removeFramework(state: ProjectState, frameworkId: string): Operation {
  const framework = state.frameworks[frameworkId];
  if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: frameworkId });
  const restore: Operation[] = [{ type: "addFramework", framework }];
  for (const key of Object.keys(state.overrides)) {
    const bar = key.indexOf("|");
    const indicatorId = key.slice(bar + 1);
    if (frameworkOf(indicatorId) !== frameworkId) continue;
    restore.push(takeOverride(state, key.slice(0, bar) as CaseId, indicatorId));
  }
  delete state.frameworks[frameworkId];
  return batch(restore);
}

/** Thresholds are whole numbers from 1: an op built in code (not parsed) is held to that too. */
function setThresholds(state: ProjectState, op: OperationOf<"setThresholds">): Operation {
  const framework = state.frameworks[op.frameworkId];
  if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: op.frameworkId });
  const { minCodings, minDocuments } = op.thresholds;
  for (const [field, value] of [["minCodings", minCodings], ["minDocuments", minDocuments]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new TandaiError("errors.op.badThreshold", { field, value: String(value) });
  }
  state.frameworks[framework.id] = { ...framework, thresholds: { minCodings, minDocuments } };
  return { type: "setThresholds", frameworkId: framework.id, thresholds: { ...framework.thresholds } };
}
