import { checkAttributeValue } from "../../attributes/values.js";
import { TandaiError } from "../../errors.js";
import type { AttributeId, CaseId, DocumentId } from "../../model/ids.js";
import type { AttributeDefinition, AttributeValue, Case, DocumentMeta, ProjectState } from "../../model/project.js";
import type { Handlers } from "../handler.js";
import { batch, type AttributeValueTarget, type Operation, type OperationOf } from "../operation.js";
import { requireCase, requireDocument } from "../require.js";

export const attributeHandlers: Handlers<"addAttribute" | "updateAttribute" | "removeAttribute" | "setAttributeValue"> = {
  addAttribute: (state, op) => addAttribute(state, op.attribute),
  updateAttribute: (state, op) => updateAttribute(state, op),
  removeAttribute: (state, op) => removeAttribute(state, op.attributeId),
  setAttributeValue: (state, op) => setAttributeValue(state, op),
};

// ——— Attributes: definitions in state.attributes, values on the documents and cases they describe.

function requireAttribute(state: ProjectState, id: AttributeId): AttributeDefinition {
  const found = state.attributes[id];
  if (!found) throw new TandaiError("errors.op.unknownAttribute", { id });
  return found;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Refuses a name another attribute of the same documents or cases already has. */
function checkAttributeName(state: ProjectState, attribute: Pick<AttributeDefinition, "id" | "name" | "appliesTo">): void {
  const clash = Object.values(state.attributes).find((a) => a.id !== attribute.id && a.appliesTo === attribute.appliesTo && sameName(a.name, attribute.name));
  if (clash) throw new TandaiError("errors.op.duplicateAttribute", { attribute: attribute.name });
}

/** A choice attribute needs distinct choices; other types take none. */
function checkChoices(attribute: Pick<AttributeDefinition, "name" | "type">, choices: string[] | undefined): void {
  if (attribute.type !== "choice") {
    if (choices !== undefined) throw new TandaiError("errors.op.attributeChoicesNotChoice", { attribute: attribute.name });
    return;
  }
  if (!choices?.length) throw new TandaiError("errors.op.attributeNoChoices", { attribute: attribute.name });
  const seen = new Set<string>();
  for (const choice of choices) {
    if (seen.has(choice.toLocaleLowerCase())) throw new TandaiError("errors.op.attributeDuplicateChoice", { attribute: attribute.name, value: choice });
    seen.add(choice.toLocaleLowerCase());
  }
}

function addAttribute(state: ProjectState, attribute: AttributeDefinition): Operation {
  if (state.attributes[attribute.id]) throw new TandaiError("errors.op.duplicateId", { id: attribute.id });
  checkAttributeName(state, attribute);
  checkChoices(attribute, attribute.choices);
  if (attribute.role === "sourceType") {
    if (attribute.appliesTo !== "document" || attribute.type !== "choice") throw new TandaiError("errors.op.sourceTypeShape", { attribute: attribute.name });
    const existing = Object.values(state.attributes).find((a) => a.role === "sourceType");
    if (existing) throw new TandaiError("errors.op.sourceTypeExists", { attribute: existing.name });
  }
  state.attributes[attribute.id] = attribute;
  return { type: "removeAttribute", attributeId: attribute.id };
}

/** The documents or cases an attribute describes. */
function holders(state: ProjectState, attribute: AttributeDefinition): (DocumentMeta | Case)[] {
  return attribute.appliesTo === "document" ? Object.values(state.documents) : Object.values(state.cases);
}

function updateAttribute(state: ProjectState, op: OperationOf<"updateAttribute">): Operation {
  const attribute = requireAttribute(state, op.attributeId);
  const inverse: OperationOf<"updateAttribute"> = { type: "updateAttribute", attributeId: attribute.id };
  const next = { ...attribute };
  if (op.name !== undefined) {
    checkAttributeName(state, { ...attribute, name: op.name });
    inverse.name = attribute.name;
    next.name = op.name;
  }
  if (op.choices !== undefined) {
    checkChoices(next, op.choices);
    // A choice still set on a document or case cannot disappear from under it.
    for (const holder of holders(state, attribute)) {
      const value = holder.attributes?.[attribute.id];
      if (value !== undefined && !op.choices.includes(String(value))) {
        throw new TandaiError("errors.op.attributeChoiceInUse", { attribute: next.name, value: String(value) });
      }
    }
    inverse.choices = attribute.choices ?? [];
    next.choices = op.choices;
  }
  state.attributes[attribute.id] = next;
  return inverse;
}

/** Removes an attribute with every value of it; the inverse restores the attribute, then the values. */
function removeAttribute(state: ProjectState, id: AttributeId): Operation {
  const attribute = requireAttribute(state, id);
  const restore: Operation[] = [{ type: "addAttribute", attribute }];
  for (const holder of holders(state, attribute)) {
    const value = holder.attributes?.[id];
    if (value === undefined) continue;
    const target: AttributeValueTarget = attribute.appliesTo === "document" ? { kind: "document", id: holder.id as DocumentId } : { kind: "case", id: holder.id as CaseId };
    writeValue(state, target, id, null);
    restore.push({ type: "setAttributeValue", target, attributeId: id, value });
  }
  delete state.attributes[id];
  return batch(restore);
}

function setAttributeValue(state: ProjectState, op: OperationOf<"setAttributeValue">): Operation {
  const attribute = requireAttribute(state, op.attributeId);
  const holder = op.target.kind === "document" ? requireDocument(state, op.target.id) : requireCase(state, op.target.id);
  if (attribute.appliesTo !== op.target.kind) {
    throw new TandaiError(attribute.appliesTo === "document" ? "errors.op.attributeOfDocuments" : "errors.op.attributeOfCases", { attribute: attribute.name });
  }
  const value = op.value === null ? null : checkAttributeValue(attribute, op.value);
  const previous = holder.attributes?.[attribute.id];
  writeValue(state, op.target, attribute.id, value);
  return { type: "setAttributeValue", target: op.target, attributeId: attribute.id, value: previous ?? null };
}

/** Sets or clears one value; an entity left with no values carries no `attributes` key at all. */
function writeValue(state: ProjectState, target: AttributeValueTarget, id: AttributeId, value: AttributeValue | null): void {
  const holder = target.kind === "document" ? state.documents[target.id]! : state.cases[target.id]!;
  const { attributes: old, ...rest } = holder;
  const values: Record<string, AttributeValue> = { ...old };
  if (value === null) delete values[id];
  else values[id] = value;
  const next = Object.keys(values).length ? { ...rest, attributes: values } : rest;
  if (target.kind === "document") state.documents[target.id] = next as DocumentMeta;
  else state.cases[target.id] = next as Case;
}
