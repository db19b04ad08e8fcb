import { checkAttributeValue } from "../attributes/values.js";
import { TandaiError } from "../errors.js";
import { findIndicator, frameworkOf, overrideKey, type Indicator } from "../frameworks/model.js";
import type { AttributeId, CaseId, CodeId, CodingId, DocumentId } from "../model/ids.js";
import {
  memoKey,
  type AttributeDefinition,
  type AttributeValue,
  type Case,
  type Code,
  type Coding,
  type DocumentMeta,
  type Memo,
  type MemoTarget,
  type ProjectState,
} from "../model/project.js";
import { batch, type AttributeValueTarget, type Operation, type OperationOf } from "./operation.js";
import { applyDocumentListOperation, takeOutOfGroups } from "./documentGroups.js";

/**
 * Applies `op` to `state` in place and returns the operation that undoes it.
 *
 * In place, because a project holds up to 100k codings and copying them on every click would make
 * each operation O(project). The function does no I/O and depends on nothing but its arguments, so
 * the main process, the renderer's mirror of the state, the CLI and tests all get the same result.
 * An invalid operation throws a TandaiError and leaves the state untouched.
 */
export function applyOperation(state: ProjectState, op: Operation, now = new Date().toISOString()): Operation {
  switch (op.type) {
    case "batch":
      return applyBatch(state, op, now);
    case "renameProject": {
      const previous = state.name;
      state.name = op.name;
      return { type: "renameProject", name: previous };
    }
    case "addDocument": {
      if (state.documents[op.document.id]) throw new TandaiError("errors.op.duplicateId", { id: op.document.id });
      state.documents[op.document.id] = op.document;
      return { type: "removeDocument", documentId: op.document.id };
    }
    case "removeDocument":
      return removeDocument(state, op.documentId, now);
    case "renameDocument": {
      const doc = requireDocument(state, op.documentId);
      const previous = doc.title;
      state.documents[doc.id] = { ...doc, title: op.title };
      return { type: "renameDocument", documentId: doc.id, title: previous };
    }
    case "addCode": {
      if (state.codes[op.code.id]) throw new TandaiError("errors.op.duplicateId", { id: op.code.id });
      if (op.code.parentId) requireCode(state, op.code.parentId);
      state.codes[op.code.id] = op.code;
      return { type: "deleteCode", codeId: op.code.id };
    }
    case "updateCode":
      return updateCode(state, op);
    case "moveCode":
      return moveCode(state, op);
    case "deleteCode":
      return deleteCode(state, op.codeId, now);
    case "mergeCodes":
      return mergeCodes(state, op.sourceId, op.targetId, now);
    case "addCoding":
      return addCoding(state, op.coding);
    case "removeCoding":
      return removeCoding(state, op.codingId, now);
    case "setStance": {
      const coding = requireCoding(state, op.codingId);
      const previous = coding.stance;
      state.codings[coding.id] = { ...coding, stance: op.stance };
      return { type: "setStance", codingId: coding.id, stance: previous };
    }
    case "recodeCoding": {
      const coding = requireCoding(state, op.codingId);
      requireCodable(requireCode(state, op.codeId));
      const previous = coding.codeId;
      state.codings[coding.id] = { ...coding, codeId: op.codeId };
      return { type: "recodeCoding", codingId: coding.id, codeId: previous };
    }
    case "setMemo":
      return setMemo(state, op, now);
    case "addCase": {
      if (state.cases[op.case.id]) throw new TandaiError("errors.op.duplicateId", { id: op.case.id });
      for (const id of op.case.documentIds) requireDocument(state, id);
      state.cases[op.case.id] = op.case;
      return { type: "deleteCase", caseId: op.case.id };
    }
    case "renameCase": {
      const found = requireCase(state, op.caseId);
      state.cases[found.id] = { ...found, name: op.name };
      return { type: "renameCase", caseId: found.id, name: found.name };
    }
    case "deleteCase": {
      const found = requireCase(state, op.caseId);
      // The case's overrides go with it (the inverse restores them after the case).
      const restore: Operation[] = [{ type: "addCase", case: found }];
      const prefix = overrideKey(found.id, "");
      for (const key of Object.keys(state.overrides)) {
        if (key.startsWith(prefix)) restore.push(takeOverride(state, found.id, key.slice(prefix.length)));
      }
      delete state.cases[found.id];
      return batch(restore);
    }
    case "assignDocument": {
      const found = requireCase(state, op.caseId);
      requireDocument(state, op.documentId);
      if (found.documentIds.includes(op.documentId)) return { type: "batch", ops: [] };
      const documentIds = [...found.documentIds];
      documentIds.splice(Math.min(op.index ?? documentIds.length, documentIds.length), 0, op.documentId);
      state.cases[found.id] = { ...found, documentIds };
      return { type: "unassignDocument", caseId: found.id, documentId: op.documentId };
    }
    case "unassignDocument": {
      const found = requireCase(state, op.caseId);
      const index = found.documentIds.indexOf(op.documentId);
      if (index < 0) return { type: "batch", ops: [] };
      state.cases[found.id] = { ...found, documentIds: found.documentIds.filter((id) => id !== op.documentId) };
      // Where it stood, so that undoing a removed document gives the case back exactly as it was.
      return { type: "assignDocument", caseId: found.id, documentId: op.documentId, index };
    }
    case "addFramework": {
      if (state.frameworks[op.framework.id]) throw new TandaiError("errors.op.duplicateId", { id: op.framework.id });
      state.frameworks[op.framework.id] = op.framework;
      return { type: "removeFramework", frameworkId: op.framework.id };
    }
    case "removeFramework":
      return removeFramework(state, op.frameworkId);
    case "setThresholds":
      return setThresholds(state, op);
    case "linkCode": {
      const found = requireCode(state, op.codeId);
      if (op.indicatorId !== null) requireIndicator(state, op.indicatorId);
      const { indicatorId: previous, ...rest } = found;
      // Unlinked codes carry no indicatorId key at all, so the file and undo stay clean.
      state.codes[found.id] = op.indicatorId === null ? rest : { ...rest, indicatorId: op.indicatorId };
      return { type: "linkCode", codeId: found.id, indicatorId: previous ?? null };
    }
    case "setOverride": {
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
    }
    case "addAttribute":
      return addAttribute(state, op.attribute);
    case "updateAttribute":
      return updateAttribute(state, op);
    case "removeAttribute":
      return removeAttribute(state, op.attributeId);
    case "setAttributeValue":
      return setAttributeValue(state, op);
    case "setFrameworkSourceTypes": {
      const framework = state.frameworks[op.frameworkId];
      if (!framework) throw new TandaiError("errors.op.unknownFramework", { id: op.frameworkId });
      const sourceTypes = [...new Set(op.sourceTypes.map((s) => s.trim()).filter(Boolean))];
      const { sourceTypes: previous, ...rest } = framework;
      // Counting every source type is the absence of the key, so the file and undo stay clean.
      state.frameworks[framework.id] = sourceTypes.length ? { ...rest, sourceTypes } : rest;
      return { type: "setFrameworkSourceTypes", frameworkId: framework.id, sourceTypes: previous ?? [] };
    }
    case "orderDocuments":
    case "addDocumentGroup":
    case "renameDocumentGroup":
    case "deleteDocumentGroup":
    case "addToDocumentGroup":
    case "removeFromDocumentGroup":
      return applyDocumentListOperation(state, op);
    case "setCodeKey":
      return setCodeKey(state, op);
  }
}

/**
 * Pins a code to a key, taking the key from the code that held it (one key, one code), or unpins
 * it. The inverse gives back the code's own key first, then the key to the code it was taken from.
 */
function setCodeKey(state: ProjectState, op: OperationOf<"setCodeKey">): Operation {
  const found = requireCode(state, op.codeId);
  if (op.key !== null && !(Number.isInteger(op.key) && op.key >= 1 && op.key <= 9)) throw new TandaiError("errors.op.badCodeKey", { key: String(op.key) });
  const inverse: Operation[] = [{ type: "setCodeKey", codeId: found.id, key: found.key ?? null }];
  if (op.key !== null) {
    for (const other of Object.values(state.codes)) {
      if (other.id === found.id || other.key !== op.key) continue;
      const { key: _taken, ...rest } = other;
      state.codes[other.id] = rest;
      inverse.push({ type: "setCodeKey", codeId: other.id, key: op.key });
    }
  }
  // An unpinned code carries no key field at all, so the file and undo stay clean.
  const { key: _previous, ...rest } = state.codes[found.id]!;
  state.codes[found.id] = op.key === null ? rest : { ...rest, key: op.key };
  return batch(inverse);
}

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

function requireIndicator(state: ProjectState, indicatorId: string): Indicator {
  const found = findIndicator(state.frameworks, indicatorId);
  if (!found) throw new TandaiError("errors.op.unknownIndicator", { id: indicatorId });
  return found;
}

function overrideRestore(caseId: CaseId, indicatorId: string, previous: ProjectState["overrides"][string] | undefined): Operation {
  return previous
    ? { type: "setOverride", caseId, indicatorId, override: { status: previous.status, justification: previous.justification }, at: previous.at }
    : { type: "setOverride", caseId, indicatorId, override: null };
}

/** Removes one override without checks (its case or framework is going) and returns its restore. */
function takeOverride(state: ProjectState, caseId: CaseId, indicatorId: string): Operation {
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

function requireCase(state: ProjectState, id: CaseId): Case {
  const found = state.cases[id];
  if (!found) throw new TandaiError("errors.op.unknownCase", { id });
  return found;
}

function applyBatch(state: ProjectState, op: OperationOf<"batch">, now: string): Operation {
  const inverses: Operation[] = [];
  try {
    for (const inner of op.ops) inverses.push(applyOperation(state, inner, now));
  } catch (error) {
    // All or nothing: roll back what this batch already did.
    for (const inverse of inverses.reverse()) applyOperation(state, inverse, now);
    throw error;
  }
  return { type: "batch", ops: inverses.reverse() };
}

function requireDocument(state: ProjectState, id: DocumentId) {
  const doc = state.documents[id];
  if (!doc) throw new TandaiError("errors.op.unknownDocument", { id });
  return doc;
}

function requireCode(state: ProjectState, id: CodeId): Code {
  const code = state.codes[id];
  if (!code) throw new TandaiError("errors.op.unknownCode", { id });
  return code;
}

function requireCoding(state: ProjectState, id: CodingId): Coding {
  const coding = state.codings[id];
  if (!coding) throw new TandaiError("errors.op.unknownCoding", { id });
  return coding;
}

function memoTargetExists(state: ProjectState, target: MemoTarget): boolean {
  switch (target.kind) {
    case "project":
      return true;
    case "document":
      return Boolean(state.documents[target.id]);
    case "code":
      return Boolean(state.codes[target.id]);
    case "coding":
      return Boolean(state.codings[target.id]);
  }
}

function setMemo(state: ProjectState, op: OperationOf<"setMemo">, now: string): Operation {
  if (!memoTargetExists(state, op.target)) throw new TandaiError("errors.op.unknownMemoTarget", { target: memoKey(op.target) });
  const key = memoKey(op.target);
  const previous = state.memos[key];
  if (op.content === null || op.content === undefined) delete state.memos[key];
  else state.memos[key] = { target: op.target, content: op.content, text: op.text, updatedAt: op.updatedAt ?? now };
  return memoRestore(op.target, previous);
}

function memoRestore(target: MemoTarget, memo: Memo | undefined): Operation {
  return memo
    ? { type: "setMemo", target, content: memo.content, text: memo.text, updatedAt: memo.updatedAt }
    : { type: "setMemo", target, content: null, text: "" };
}

function addCoding(state: ProjectState, coding: Coding): Operation {
  if (state.codings[coding.id]) throw new TandaiError("errors.op.duplicateId", { id: coding.id });
  const doc = requireDocument(state, coding.documentId);
  requireCodable(requireCode(state, coding.codeId));
  if (coding.start >= coding.end || coding.end > doc.length) {
    throw new TandaiError("errors.op.badRange", { start: coding.start, end: coding.end, length: doc.length, document: doc.title });
  }
  state.codings[coding.id] = coding;
  return { type: "removeCoding", codingId: coding.id };
}

/** Removes a coding and its memo; the inverse restores both. */
function removeCoding(state: ProjectState, id: CodingId, now: string): Operation {
  const coding = requireCoding(state, id);
  const restore: Operation[] = [{ type: "addCoding", coding }];
  const memoTarget: MemoTarget = { kind: "coding", id };
  const memo = state.memos[memoKey(memoTarget)];
  if (memo) {
    setMemo(state, { type: "setMemo", target: memoTarget, content: null, text: "" }, now);
    restore.push(memoRestore(memoTarget, memo));
  }
  delete state.codings[id];
  return batch(restore);
}

function removeDocument(state: ProjectState, id: DocumentId, now: string): Operation {
  const doc = requireDocument(state, id);
  const restore: Operation[] = [{ type: "addDocument", document: doc }];
  for (const coding of Object.values(state.codings)) {
    if (coding.documentId === id) restore.push(removeCoding(state, coding.id, now));
  }
  const memoTarget: MemoTarget = { kind: "document", id };
  const memo = state.memos[memoKey(memoTarget)];
  if (memo) {
    delete state.memos[memoKey(memoTarget)];
    restore.push(memoRestore(memoTarget, memo));
  }
  for (const found of Object.values(state.cases)) {
    if (found.documentIds.includes(id)) restore.push(applyOperation(state, { type: "unassignDocument", caseId: found.id, documentId: id }, now));
  }
  restore.push(...takeOutOfGroups(state, id));
  delete state.documents[id];
  return batch(restore);
}

function updateCode(state: ProjectState, op: OperationOf<"updateCode">): Operation {
  const code = requireCode(state, op.codeId);
  const inverse: OperationOf<"updateCode"> = { type: "updateCode", codeId: code.id };
  const next = { ...code };
  if (op.name !== undefined) {
    inverse.name = code.name;
    next.name = op.name;
  }
  if (op.color !== undefined) {
    inverse.color = code.color;
    next.color = op.color;
  }
  if (op.description !== undefined) {
    inverse.description = code.description;
    next.description = op.description;
  }
  state.codes[code.id] = next;
  return inverse;
}

function isSelfOrDescendant(state: ProjectState, candidate: CodeId | null, ancestor: CodeId): boolean {
  for (let id = candidate; id; id = state.codes[id]?.parentId ?? null) {
    if (id === ancestor) return true;
  }
  return false;
}

function moveCode(state: ProjectState, op: OperationOf<"moveCode">): Operation {
  const code = requireCode(state, op.codeId);
  if (op.parentId) requireCode(state, op.parentId);
  if (isSelfOrDescendant(state, op.parentId, code.id)) {
    throw new TandaiError("errors.op.codeCycle", { code: code.name });
  }
  state.codes[code.id] = { ...code, parentId: op.parentId, order: op.order };
  return { type: "moveCode", codeId: code.id, parentId: code.parentId, order: code.order };
}

/** Deletes a code with the codes nested under it, their codings and memos. */
function deleteCode(state: ProjectState, id: CodeId, now: string): Operation {
  requireCode(state, id);
  const subtree = [id, ...descendantIds(state, id)];
  const inSubtree = new Set<CodeId>(subtree);
  // Restored parents first, so that children find their parent again on undo.
  const restore: Operation[] = subtree.map((codeId) => ({ type: "addCode", code: state.codes[codeId]! }));
  for (const coding of Object.values(state.codings)) {
    if (inSubtree.has(coding.codeId)) restore.push(removeCoding(state, coding.id, now));
  }
  for (const codeId of subtree) {
    const target: MemoTarget = { kind: "code", id: codeId };
    const memo = state.memos[memoKey(target)];
    if (memo) {
      delete state.memos[memoKey(target)];
      restore.push(memoRestore(target, memo));
    }
    delete state.codes[codeId];
  }
  return batch(restore);
}

/** Every code nested under `id`, parents before children. */
export function descendantIds(state: ProjectState, id: CodeId): CodeId[] {
  const children = new Map<CodeId, CodeId[]>();
  for (const code of Object.values(state.codes)) {
    if (code.parentId) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code.id]);
  }
  const out: CodeId[] = [];
  const queue = [...(children.get(id) ?? [])];
  while (queue.length) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

const sameSpan = (a: Coding, b: Coding) =>
  a.documentId === b.documentId && a.start === b.start && a.end === b.end && a.stance === b.stance;

/**
 * Merges `sourceId` into `targetId`: its codings move to the target (an identical span already on
 * the target is dropped rather than doubled), its children are re-parented to the target, its memo
 * is appended to the target's, and the source code is removed.
 */
function mergeCodes(state: ProjectState, sourceId: CodeId, targetId: CodeId, now: string): Operation {
  const source = requireCode(state, sourceId);
  const target = requireCode(state, targetId);
  if (sourceId === targetId || isSelfOrDescendant(state, targetId, sourceId)) {
    throw new TandaiError("errors.op.mergeIntoSelf", { source: source.name, target: target.name });
  }
  const ops: Operation[] = [];
  const targetCodings = Object.values(state.codings).filter((c) => c.codeId === targetId);
  for (const coding of Object.values(state.codings)) {
    if (coding.codeId !== sourceId) continue;
    ops.push(
      targetCodings.some((t) => sameSpan(t, coding))
        ? { type: "removeCoding", codingId: coding.id }
        : { type: "recodeCoding", codingId: coding.id, codeId: targetId },
    );
  }
  for (const child of Object.values(state.codes)) {
    if (child.parentId === sourceId) ops.push({ type: "moveCode", codeId: child.id, parentId: targetId, order: child.order });
  }
  const sourceMemo = state.memos[memoKey({ kind: "code", id: sourceId })];
  if (sourceMemo) {
    const targetMemo = state.memos[memoKey({ kind: "code", id: targetId })];
    ops.push({
      type: "setMemo",
      target: { kind: "code", id: targetId },
      content: targetMemo ? concatDocs(targetMemo.content, sourceMemo.content) : sourceMemo.content,
      text: targetMemo ? `${targetMemo.text}\n\n${sourceMemo.text}` : sourceMemo.text,
    });
  }
  // The target's own indicator link wins; an unlinked target takes the source's (if still known).
  if (!target.indicatorId && source.indicatorId && findIndicator(state.frameworks, source.indicatorId)) {
    ops.push({ type: "linkCode", codeId: targetId, indicatorId: source.indicatorId });
  }
  // Likewise its pinned key: the codings it keyed now belong to the target.
  if (!target.key && source.key) ops.push({ type: "setCodeKey", codeId: targetId, key: source.key });
  ops.push({ type: "deleteCode", codeId: sourceId });
  return applyOperation(state, { type: "batch", ops }, now);
}

/** Joins two Tiptap documents ({type: "doc", content: [...]}) into one. */
function concatDocs(a: unknown, b: unknown): unknown {
  const blocks = (doc: unknown): unknown[] =>
    doc && typeof doc === "object" && Array.isArray((doc as { content?: unknown }).content)
      ? (doc as { content: unknown[] }).content
      : [];
  return { type: "doc", content: [...blocks(a), ...blocks(b)] };
}

/** A code that is a group only (not codable, as the REFI-QDA project it came from said) takes no codings. */
function requireCodable(code: Code): void {
  if (code.codable === false) throw new TandaiError("refi.errors.notCodable", { code: code.name });
}
