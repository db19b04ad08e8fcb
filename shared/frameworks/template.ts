import { TandaiError } from "../errors.js";
import type { Language } from "../i18n/catalogues.js";
import { nextCodeColor } from "../model/colors.js";
import { newCodeId, type CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { frameworkOf, type Bilingual } from "./model.js";
import { templateFramework } from "./templates.js";

/** Code names are at most 200 characters; framework names may be longer. */
const codeName = (name: string) => name.slice(0, 200);
const bothNames = (name: Bilingual) => (name.en === name.id ? name.en : `${name.en} / ${name.id}`);

/**
 * The operations that add a framework to the project the way a researcher would want to code with
 * it: a code group named after the framework (in `language`), with one child code linked to each
 * indicator, and the framework itself. Apply them as one batch, so that it is one undo step.
 *
 * The framework is the project's own when it has one under that id (a custom framework, or a
 * template the researcher adjusted), else the built-in template.
 *
 * Idempotent: what is already there (the framework, a code linked to an indicator, the group) is
 * not added again, so adding a framework twice yields no operations, and adding it after some of
 * its codes were deleted brings back only those.
 */
export function addTemplateOps(state: ProjectState, frameworkId: string, language: Language, now: string): Operation[] {
  const framework = state.frameworks[frameworkId] ?? templateFramework(frameworkId);
  if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: frameworkId });
  const ops: Operation[] = [];
  if (!state.frameworks[frameworkId]) ops.push({ type: "addFramework", framework });

  const codes = Object.values(state.codes);
  const linked = codes.filter((c) => c.indicatorId && frameworkOf(c.indicatorId) === frameworkId);
  const linkedIds = new Set(linked.map((c) => c.indicatorId));
  const missing = framework.indicators.filter((i) => !linkedIds.has(i.id));
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
