import { TandaiError } from "../errors.js";
import type { Language } from "../i18n/catalogues.js";
import type { ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { addCustomFrameworkOps, sameFramework } from "./custom.js";
import { Framework, FrameworkId, FRAMEWORK_KINDS, type FrameworkKind, type Thresholds } from "./model.js";
import type { LinkChoices } from "./template.js";

/**
 * What the app does with a framework's settings, kept here so the dashboard, its tests and any
 * later door (the CLI) share one set of rules: thresholds, a framework defined in a form, and a
 * framework as a `.framework.json` file to export and import.
 */

/** The operation that sets a framework's thresholds, or none when they are what it already has. */
export function thresholdsOps(state: ProjectState, frameworkId: string, thresholds: Thresholds): Operation[] {
  const framework = state.frameworks[frameworkId];
  if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: frameworkId });
  const { minCodings, minDocuments } = framework.thresholds;
  if (minCodings === thresholds.minCodings && minDocuments === thresholds.minDocuments) return [];
  return [{ type: "setThresholds", frameworkId, thresholds: { minCodings: thresholds.minCodings, minDocuments: thresholds.minDocuments } }];
}

/** A threshold typed in a number field: a whole number from 1 to 10000, else null. */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= 10_000 ? value : null;
}

/** ["indicators", 0, "id"] → "indicators[0].id", the way a zod issue names the field that is wrong. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(root)";
}

/** A problem with a framework, as a catalogue key (of `indicators`) with its parameters. */
export interface FrameworkProblem {
  key: string;
  params: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FrameworkProblem };

/** The file name an exported framework gets. */
export const frameworkFileName = (framework: Framework): string => `${framework.id}.framework.json`;

/** The exported file's text: exactly the `Framework` schema, readable and diffable. */
export function frameworkJson(framework: Framework): string {
  return `${JSON.stringify(Framework.parse(framework), null, 2)}\n`;
}

/** Reads a framework file's text; every problem names the file and, for the schema, the first bad field. */
export function parseFrameworkFile(text: string, file: string): Checked<Framework> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problem: { key: "indicators.file.notJson", params: { file, detail: error instanceof Error ? error.message : String(error) } } };
  }
  const parsed = Framework.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: { key: "indicators.file.invalid", params: { file, field: fieldPath(issue.path), detail: issue.message } } };
  }
  return { ok: true, value: parsed.data };
}

/**
 * The operations that add a framework from a file or the form: the framework, its code group and
 * linked codes, as one batch. The same framework again only adds its missing codes; a different
 * framework under an id the project already uses is refused, naming the file (or the form).
 */
export function importFrameworkOps(state: ProjectState, framework: Framework, language: Language, now: string, source: string, choices: LinkChoices = {}): Checked<Operation[]> {
  const existing = state.frameworks[framework.id];
  if (existing && !sameFramework(existing, framework)) {
    return { ok: false, problem: { key: "indicators.file.conflict", params: { file: source, id: framework.id, name: existing.name[language] } } };
  }
  return { ok: true, value: addCustomFrameworkOps(state, framework, language, now, choices) };
}

/** A framework as the form holds it: strings as typed, indicator ids as suffixes after `<id>.`. */
export interface FrameworkDraft {
  id: string;
  name: { en: string; id: string };
  kind: FrameworkKind;
  indicators: { key: string; name: { en: string; id: string } }[];
  thresholds: { minCodings: string; minDocuments: string };
}

export function emptyDraft(): FrameworkDraft {
  return { id: "", name: { en: "", id: "" }, kind: FRAMEWORK_KINDS[0], indicators: [{ key: "", name: { en: "", id: "" } }], thresholds: { minCodings: "1", minDocuments: "1" } };
}

/** Whether a framework id is valid by the shared rule (lowercase letter first, then a-z 0-9 _ -). */
export const isFrameworkId = (id: string): boolean => FrameworkId.safeParse(id).success;

/**
 * The form's framework validated with the `Framework` schema, or the first problem with the field
 * the form shows it at (`field` as a zod path: "id", "indicators[1].id", "thresholds.minCodings").
 */
export function frameworkFromDraft(draft: FrameworkDraft, state?: ProjectState): Checked<Framework> {
  const id = draft.id.trim();
  if (state?.frameworks[id]) return { ok: false, problem: { key: "indicators.form.idTaken", params: { id, field: "id" } } };
  const threshold = (text: string) => parseThreshold(text) ?? Number.NaN;
  const candidate = {
    id,
    name: { en: draft.name.en.trim(), id: draft.name.id.trim() },
    kind: draft.kind,
    indicators: draft.indicators.map((row) => ({ id: `${id}.${row.key.trim()}`, name: { en: row.name.en.trim(), id: row.name.id.trim() } })),
    thresholds: { minCodings: threshold(draft.thresholds.minCodings), minDocuments: threshold(draft.thresholds.minDocuments) },
  };
  const parsed = Framework.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = fieldPath(issue.path);
  // Rows are numbered from 1 where the form shows them; `field` keeps the zod path for marking the input.
  const row = typeof issue.path[1] === "number" ? issue.path[1] + 1 : 0;
  return { ok: false, problem: { key: problemKey(issue.path), params: { field, detail: issue.message, number: row } } };
}

/** The form's own wording for the first invalid field. */
function problemKey(path: readonly PropertyKey[]): string {
  const [first, , last] = path;
  if (first === "id") return "indicators.form.badId";
  if (first === "name") return "indicators.form.badName";
  if (first === "thresholds") return "indicators.form.badThreshold";
  if (first === "indicators" && path.length === 1) return "indicators.form.noIndicators";
  if (first === "indicators" && last === "id") return "indicators.form.badIndicatorId";
  if (first === "indicators") return "indicators.form.badIndicatorName";
  return "indicators.form.invalid";
}
