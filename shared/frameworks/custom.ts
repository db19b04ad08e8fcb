import { TandaiError } from "../errors.js";
import type { Language } from "../i18n/catalogues.js";
import type { ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import type { Framework } from "./model.js";
import { addTemplateOps, type LinkChoices } from "./template.js";

/** JSON with object keys sorted, so two frameworks compare by content, not by key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Whether two frameworks are the same, whatever the order of their keys. */
export function sameFramework(a: Framework, b: Framework): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The operations that add a custom framework (already validated with the `Framework` schema) the
 * way `addTemplateOps` adds a built-in one: the framework, a code group named after it and one code
 * linked to each indicator (the researcher's codes named like an indicator linked instead, as
 * `choices` or the link plan say). Idempotent like templates: importing the same framework again adds
 * only the codes that are missing. A different framework under an id the project already uses is
 * refused (`errors.op.duplicateId`) rather than silently replacing the researcher's framework.
 */
export function addCustomFrameworkOps(state: ProjectState, framework: Framework, language: Language, now: string, choices: LinkChoices = {}): Operation[] {
  const existing = state.frameworks[framework.id];
  if (existing) {
    if (!sameFramework(existing, framework)) throw new TandaiError("errors.op.duplicateId", { id: framework.id });
    return addTemplateOps(state, framework.id, language, now, choices);
  }
  // addTemplateOps finds the framework in the project before it looks at the templates.
  const withFramework: ProjectState = { ...state, frameworks: { ...state.frameworks, [framework.id]: framework } };
  return [{ type: "addFramework", framework }, ...addTemplateOps(withFramework, framework.id, language, now, choices)];
}
