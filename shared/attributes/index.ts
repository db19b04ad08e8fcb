import type { Framework } from "../frameworks/model.js";
import type { Language } from "../i18n/catalogues.js";
import { newAttributeId, type AttributeId } from "../model/ids.js";
import type { AttributeDefinition, AttributeTarget, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";

export { checkAttributeValue, isIsoDate, parseNumberInput } from "./values.js";

/** The built-in source types, in both languages, in the order they are offered. */
export const SOURCE_TYPES = [
  { key: "interview", en: "interview", id: "wawancara" },
  { key: "official", en: "official document", id: "dokumen resmi" },
  { key: "literature", en: "literature", id: "literatur" },
] as const;

export const SOURCE_TYPE_NAME = { en: "Source type", id: "Jenis sumber" } as const;

/** The project's source-type attribute (the one triangulation reads), if it has one. */
export function sourceTypeAttribute(state: Pick<ProjectState, "attributes">): AttributeDefinition | undefined {
  return Object.values(state.attributes ?? {}).find((a) => a.role === "sourceType" && a.appliesTo === "document" && a.type === "choice");
}

/**
 * The operations that add the source-type attribute (a document choice attribute "Source type" /
 * "Jenis sumber" with interview, official document, literature in `language`), or none when the
 * project has one already.
 */
export function sourceTypeAttributeOps(state: Pick<ProjectState, "attributes">, language: Language, now: string, id: AttributeId = newAttributeId()): Operation[] {
  if (sourceTypeAttribute(state)) return [];
  const attribute: AttributeDefinition = {
    id,
    name: SOURCE_TYPE_NAME[language],
    appliesTo: "document",
    type: "choice",
    choices: SOURCE_TYPES.map((s) => s[language]),
    role: "sourceType",
    createdAt: now,
  };
  return [{ type: "addAttribute", attribute }];
}

const canonical = (value: string): string => {
  const lower = value.trim().toLocaleLowerCase();
  const builtIn = SOURCE_TYPES.find((s) => s.en === lower || s.id === lower);
  return builtIn ? builtIn.key : lower;
};

/**
 * Whether a document's source type is one a framework counts: compared without case, and a built-in
 * type matches in either language ("interview" = "wawancara"), so a framework exported from an
 * English project keeps its meaning in an Indonesian one.
 */
export function sourceTypeMatcher(sourceTypes: readonly string[]): (value: unknown) => boolean {
  const wanted = new Set(sourceTypes.map(canonical));
  return (value) => typeof value === "string" && wanted.has(canonical(value));
}

/** The framework's source types when triangulation applies to it (it names some and the project has the attribute). */
export function activeSourceTypes(state: Pick<ProjectState, "attributes">, framework: Pick<Framework, "sourceTypes">): { attribute: AttributeDefinition; sourceTypes: string[] } | null {
  if (!framework.sourceTypes?.length) return null;
  const attribute = sourceTypeAttribute(state);
  return attribute ? { attribute, sourceTypes: framework.sourceTypes } : null;
}

/** The attributes that apply to documents or to cases, in the order they were created (then by name). */
export function attributesFor(state: Pick<ProjectState, "attributes">, target: AttributeTarget): AttributeDefinition[] {
  return Object.values(state.attributes ?? {})
    .filter((a) => a.appliesTo === target)
    .sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? "") || a.name.localeCompare(b.name));
}
