import { checkAttributeValue } from "../attributes/values.js";
import { foldName } from "../codebook/importCodebook.js";
import type { AttributeId, CaseId, DocumentId } from "../model/ids.js";
import type { AttributeDefinition, AttributeType, AttributeValue, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import type { RefiProject } from "./model.js";
import type { RefiPreview } from "./plan.js";
import type { Language } from "../i18n/catalogues.js";
import { booleanChoices, booleanPair, readBoolean } from "./booleans.js";

const VARIABLE_TYPES: Record<string, AttributeType> = { Integer: "number", Float: "number", Date: "date", DateTime: "date", Boolean: "choice" };

/**
 * Variables become typed attributes, one per variable and per kind of holder its values sit on
 * (tools put them on cases or on sources; a variable on both becomes two attributes). A variable
 * named like an attribute of the same holders and type is merged into it. A value the attribute
 * cannot hold (not a number, not a date, not one of its choices) is counted, not imported. A
 * Boolean becomes a choice of yes and no in `language` (see booleans.ts).
 */
export function variableOps(state: ProjectState, project: RefiProject, idOf: (guid: string) => string, documentIds: ReadonlyMap<string, DocumentId>, ops: Operation[], preview: RefiPreview, now: string, language: Language) {
  const extras = project.extras;
  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  const caseIds = new Set([...Object.keys(state.cases), ...ops.flatMap((op) => (op.type === "addCase" ? [op.case.id] : []))]);
  const chosen = new Map<string, AttributeDefinition | null>();
  const kindsOf = new Map<string, Set<string>>();
  for (const v of project.values) kindsOf.set(v.variableGuid, (kindsOf.get(v.variableGuid) ?? new Set()).add(v.owner));
  let hasSourceType = Object.values(state.attributes).some((a) => a.role === "sourceType");
  const attributeFor = (guid: string, appliesTo: "document" | "case"): AttributeDefinition | null => {
    const key = `${guid}|${appliesTo}`;
    if (chosen.has(key)) return chosen.get(key)!;
    const variable = variables.get(guid);
    let found: AttributeDefinition | null = null;
    if (variable) {
      const more = extras?.attributes[guid];
      const id = ((kindsOf.get(guid)?.size ?? 1) > 1 ? `${idOf(guid)}-${appliesTo === "case" ? "c" : "d"}` : idOf(guid)) as AttributeId;
      const type = more?.type ?? VARIABLE_TYPES[variable.type] ?? "text";
      const name = (variable.name.trim() || guid).slice(0, 200);
      const same = state.attributes[id] ?? Object.values(state.attributes).find((a) => a.appliesTo === appliesTo && foldName(a.name) === foldName(name));
      if (same) found = same.type === type && same.appliesTo === appliesTo ? same : null;
      else {
        const role = more?.role === "sourceType" && !hasSourceType && appliesTo === "document" ? ({ role: "sourceType" } as const) : {};
        if ("role" in role) hasSourceType = true;
        found = { id, name, appliesTo, type, ...(type === "choice" ? { choices: more?.choices?.length ? more.choices : variable.type === "Boolean" ? booleanChoices(language) : ["—"] } : {}), ...role, ...(more ? (more.createdAt ? { createdAt: more.createdAt } : {}) : { createdAt: now }) };
        ops.push({ type: "addAttribute", attribute: found });
        preview.add.attributes++;
      }
    }
    chosen.set(key, found);
    return found;
  };
  for (const value of project.values) {
    const appliesTo = value.owner === "case" ? "case" : "document";
    const holder = appliesTo === "case" ? (caseIds.has(idOf(value.ownerGuid)) ? idOf(value.ownerGuid) : undefined) : documentIds.get(value.ownerGuid);
    const attribute = attributeFor(value.variableGuid, appliesTo);
    if (!holder || !attribute) {
      preview.notImported.badValues++;
      continue;
    }
    const raw = attribute.type === "number" ? Number(value.value) : attribute.type === "date" ? value.value.slice(0, 10) : choiceOf(attribute, variables.get(value.variableGuid)?.type, value.value);
    let checked: AttributeValue | null;
    try {
      checked = checkAttributeValue(attribute, raw);
    } catch {
      preview.notImported.badValues++;
      continue;
    }
    if (checked === null) continue;
    const existing = appliesTo === "case" ? state.cases[holder as CaseId]?.attributes : state.documents[holder as DocumentId]?.attributes;
    if (existing?.[attribute.id] !== undefined) continue;
    ops.push({ type: "setAttributeValue", target: appliesTo === "case" ? { kind: "case", id: holder as CaseId } : { kind: "document", id: holder as DocumentId }, attributeId: attribute.id, value: checked });
    preview.add.values++;
  }
  // A variable nothing has a value of yet is still part of the project: an attribute for what Tandai recorded it on, else documents.
  for (const variable of project.variables) if (!kindsOf.has(variable.guid)) attributeFor(variable.guid, extras?.attributes[variable.guid]?.appliesTo ?? "document");
}


/** A value for a choice or text attribute: a Boolean's true/false as the attribute's own word for yes or no. */
function choiceOf(attribute: AttributeDefinition, variableType: string | undefined, value: string): string {
  const pair = variableType === "Boolean" && attribute.type === "choice" ? booleanPair(attribute.choices) : null;
  const yes = pair ? readBoolean(value) : null;
  return pair && yes !== null ? pair[yes ? 0 : 1] : value;
}
