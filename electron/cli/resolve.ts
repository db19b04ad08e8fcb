// Direct imports, not the shared/ barrel, which builds schemas (and so loads zod) as it loads.
import { findCase } from "../../shared/cases/cases.js";
import { resolveIndicatorCode } from "../../shared/codebook/indicatorCode.js";
import { findCodes } from "../../shared/codebook/tree.js";
import { findDocumentGroup, sortedGroups } from "../../shared/documents/documents.js";
import { TandaiError } from "../../shared/errors.js";
import type { Framework } from "../../shared/frameworks/model.js";
import type { CaseId, CodeId, DocumentGroupId } from "../../shared/model/ids.js";
import type { ProjectState } from "../../shared/model/project.js";

/** The frameworks named by `--framework` (all of the project's when none), or an error listing the valid ids. */
export function frameworksByIds(state: ProjectState, ids: readonly string[] | undefined): Framework[] {
  const all = Object.values(state.frameworks);
  if (!ids?.length) return all;
  return [...new Set(ids)].map((id) => {
    const found = state.frameworks[id];
    if (!found) throw new TandaiError("cli.errors.frameworkNotInProject", { id, valid: all.map((f) => f.id).join(", ") || "–" });
    return found;
  });
}

/** The cases named by `--case` (null when none), or an error listing the project's cases. */
export function casesByNames(state: ProjectState, names: readonly string[] | undefined): CaseId[] | null {
  if (!names?.length) return null;
  return names.map((name) => {
    const found = findCase(state, name);
    if (!found) throw new TandaiError("cli.errors.noCase", { name, valid: Object.values(state.cases).map((c) => c.name).join(", ") || "–" });
    return found.id;
  });
}

/** The document groups named by `--group` (by name or id; none: no narrowing), or an error listing the project's groups. */
export function groupsByNames(state: ProjectState, names: readonly string[] | undefined): DocumentGroupId[] {
  return [...new Set(names ?? [])].map((name) => {
    const found = findDocumentGroup(state, name);
    if (!found) throw new TandaiError("documents.cli.noGroup", { name, valid: sortedGroups(state).map((g) => g.name).join(", ") || "–" });
    return found.id;
  });
}

/** A code given by path, name or linked indicator id, that must exist. */
export function existingCode(state: ProjectState, text: string): CodeId {
  const linked = resolveIndicatorCode(state, text);
  if (linked) return linked;
  const found = findCodes(state, text);
  if (found.length > 1) throw new TandaiError("cli.errors.ambiguousCode", { code: text, count: found.length });
  if (!found.length) throw new TandaiError("export.errors.unknownCode", { name: text });
  return found[0]!.id;
}
