import { TandaiError } from "../errors.js";
import type { Language } from "../i18n/catalogues.js";
import { nextCodeColor } from "../model/colors.js";
import { newCodeId, type CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { foldName } from "../codebook/importCodebook.js";
import { flattenCodebook } from "../codebook/tree.js";
import { frameworkOf, type Bilingual, type Framework, type Indicator } from "./model.js";
import { templateFramework } from "./templates.js";

/** Code names are at most 200 characters; framework names may be longer. */
const codeName = (name: string) => name.slice(0, 200);
const bothNames = (name: Bilingual) => (name.en === name.id ? name.en : `${name.en} / ${name.id}`);

/** One indicator of a framework being added, and the code it will be evidence from. */
export interface LinkPlanRow {
  indicator: Indicator;
  /** Codes linked to it already: the indicator needs nothing. */
  linked: CodeId[];
  /** The researcher's code named like the indicator (either language, any case or accents), if any. */
  match: CodeId | null;
}

/**
 * What adding `framework` would do with the researcher's codes: per indicator, the codes already
 * linked to it, else the unlinked code whose name is the indicator's (in English or Indonesian,
 * ignoring case and accents, the matching a codebook import does), else nothing (a new code).
 * A code is offered to one indicator only; among codes of one name the first in the codebook wins.
 */
export function frameworkLinkPlan(state: ProjectState, framework: Framework): LinkPlanRow[] {
  const rows = flattenCodebook(state).map((row) => row.code);
  const offered = new Set<CodeId>();
  return framework.indicators.map((indicator) => {
    const linked = rows.filter((c) => c.indicatorId === indicator.id).map((c) => c.id);
    if (linked.length) return { indicator, linked, match: null };
    const names = new Set([foldName(indicator.name.en), foldName(indicator.name.id)]);
    const match = rows.find((c) => !c.indicatorId && !offered.has(c.id) && names.has(foldName(c.name)));
    if (match) offered.add(match.id);
    return { indicator, linked, match: match?.id ?? null };
  });
}

/** Per indicator id: the existing code to link to it, or null for a new code. Absent: the plan's match. */
export type LinkChoices = Readonly<Record<string, CodeId | null>>;

/**
 * The operations that add a framework to the project the way a researcher would want to code with
 * it: the framework itself, each indicator linked to the researcher's code of that name (see
 * `frameworkLinkPlan`; `choices` overrides it per indicator), and for the indicators left over a
 * code group named after the framework (in `language`) with one new child code linked to each.
 * Apply them as one batch, so that it is one undo step.
 *
 * The framework is the project's own when it has one under that id (a custom framework, or a
 * template the researcher adjusted), else the built-in template.
 *
 * Idempotent: what is already there (the framework, a code linked to an indicator, the group) is
 * not added again, so adding a framework twice yields no operations, and adding it after some of
 * its codes were deleted brings back only those.
 */
export function addTemplateOps(state: ProjectState, frameworkId: string, language: Language, now: string, choices: LinkChoices = {}): Operation[] {
  const framework = state.frameworks[frameworkId] ?? templateFramework(frameworkId);
  if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: frameworkId });
  const ops: Operation[] = [];
  if (!state.frameworks[frameworkId]) ops.push({ type: "addFramework", framework });

  const codes = Object.values(state.codes);
  const linked = codes.filter((c) => c.indicatorId && frameworkOf(c.indicatorId) === frameworkId);
  const missing: Indicator[] = [];
  const chosen = new Set<CodeId>();
  for (const row of frameworkLinkPlan(state, framework)) {
    if (row.linked.length) continue;
    const codeId = row.indicator.id in choices ? choices[row.indicator.id]! : row.match;
    if (!codeId) {
      missing.push(row.indicator);
      continue;
    }
    const code = state.codes[codeId];
    if (!code) throw new TandaiError("errors.op.unknownCode", { id: codeId });
    if (chosen.has(codeId)) throw new TandaiError("errors.op.codeLinkedTwice", { code: code.name });
    chosen.add(codeId);
    ops.push({ type: "linkCode", codeId, indicatorId: row.indicator.id });
  }
  if (missing.length === 0) return ops;

  // The group the framework's codes already live in, else a top-level code named after it.
  let groupId: CodeId | null =
    linked.find((c) => c.parentId && state.codes[c.parentId])?.parentId ??
    codes.find((c) => c.parentId === null && (c.name === codeName(framework.name.en) || c.name === codeName(framework.name.id)))?.id ??
    null;
  let colorIndex = codes.length;
  if (!groupId) {
    const group: Code = {
      id: newCodeId(),
      name: codeName(framework.name[language]),
      color: nextCodeColor(colorIndex++),
      parentId: null,
      order: Math.max(0, ...codes.filter((c) => c.parentId === null).map((c) => c.order + 1)),
      description: { definition: bothNames(framework.name), whenToUse: "", whenNotToUse: "" },
      createdAt: now,
    };
    ops.push({ type: "addCode", code: group });
    groupId = group.id;
  }
  for (const indicator of missing) {
    ops.push({
      type: "addCode",
      code: {
        id: newCodeId(),
        name: codeName(indicator.name[language]),
        color: nextCodeColor(colorIndex++),
        parentId: groupId,
        // The indicator's place in the framework, so the codebook shows them in the framework's order.
        order: framework.indicators.indexOf(indicator),
        description: { definition: bothNames(indicator.name), whenToUse: indicator.description?.[language] ?? "", whenNotToUse: "" },
        createdAt: now,
        indicatorId: indicator.id,
      },
    });
  }
  return ops;
}
