import { TandaiError } from "../errors.js";
import { overrideKey } from "../frameworks/model.js";
import type { AttributeId, CaseId, CodeId, CodingId, DocumentGroupId, DocumentId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import { applyOperation } from "../ops/apply.js";
import type { AttributeValueTarget, Operation } from "../ops/operation.js";
import { sameJson } from "./layout.js";
import { canonicalMemoContent } from "./memoCodec.js";

/** A copy of the project that applyOperation can change without touching the original (it replaces entities, never edits them). */
export function shallowCopy(state: ProjectState): ProjectState {
  return {
    ...state,
    documents: { ...state.documents },
    codes: { ...state.codes },
    codings: { ...state.codings },
    memos: { ...state.memos },
    cases: { ...state.cases },
    frameworks: { ...state.frameworks },
    overrides: { ...state.overrides },
    attributes: { ...state.attributes },
    documentGroups: { ...state.documentGroups },
  };
}

/**
 * The operations that turn `state` into `target`, found by applying each to a copy as it is chosen:
 * so every one is checked by applyOperation exactly as the caller will apply it, and the side effects
 * of one (removing a document removes its codings) are seen by the next. Removals come first, the
 * dependents before what they depend on; additions after, what is depended on first.
 * Returns the operations and the state they lead to.
 */
export function operationsTo(state: ProjectState, target: ProjectState, now: string): { ops: Operation[]; result: ProjectState } {
  const work = shallowCopy(state);
  const ops: Operation[] = [];
  const emit = (op: Operation) => {
    try {
      applyOperation(work, op, now);
    } catch (error) {
      const detail = error instanceof TandaiError ? `${error.code} ${JSON.stringify(error.params)}` : String(error);
      throw new TandaiError("team.errors.pullRejected", { op: op.type, detail });
    }
    ops.push(op);
  };
  removeDependents(work, target, emit);
  if (work.name !== target.name) emit({ type: "renameProject", name: target.name });
  syncFrameworks(work, target, emit);
  syncAttributes(work, target, emit);
  addDocuments(work, target, emit);
  syncCodes(work, target, emit);
  for (const id of Object.keys(work.documents)) if (!target.documents[id as DocumentId]) emit({ type: "removeDocument", documentId: id as DocumentId });
  syncMembers(work, target, emit);
  syncCodings(work, target, emit);
  syncMemos(work, target, emit);
  syncOverrides(work, target, emit);
  syncValues(work, target, emit);
  syncKeys(work, target, emit, "pin");
  return { ops, result: work };
}

type Emit = (op: Operation) => void;

function removeDependents(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [key, memo] of Object.entries(work.memos)) if (!target.memos[key]) emit({ type: "setMemo", target: memo.target, content: null, text: "" });
  for (const key of Object.keys(work.overrides)) {
    if (target.overrides[key]) continue;
    const bar = key.indexOf("|");
    emit({ type: "setOverride", caseId: key.slice(0, bar) as CaseId, indicatorId: key.slice(bar + 1), override: null });
  }
  // Values that will differ are cleared now and set at the end, once choices and attributes are final.
  for (const [kind, area] of [["document", "documents"], ["case", "cases"]] as const) {
    for (const [id, holder] of Object.entries(work[area])) {
      const other = (target[area] as Record<string, { attributes?: Record<string, unknown> }>)[id];
      for (const [attributeId, value] of Object.entries(holder.attributes ?? {})) {
        if (other && sameJson(other.attributes?.[attributeId], value)) continue;
        emit({ type: "setAttributeValue", target: { kind, id } as AttributeValueTarget, attributeId: attributeId as AttributeId, value: null });
      }
    }
  }
  for (const id of Object.keys(work.cases)) if (!target.cases[id as CaseId]) emit({ type: "deleteCase", caseId: id as CaseId });
  for (const id of Object.keys(work.documentGroups)) if (!target.documentGroups[id as DocumentGroupId]) emit({ type: "deleteDocumentGroup", groupId: id as DocumentGroupId });
  for (const [id, coding] of Object.entries(work.codings)) {
    const other = target.codings[id as CodingId];
    const sameAnchor = other && other.documentId === coding.documentId && other.start === coding.start && other.end === coding.end && other.coder === coding.coder && other.createdAt === coding.createdAt;
    if (!sameAnchor) emit({ type: "removeCoding", codingId: id as CodingId });
  }
  for (const id of Object.keys(work.attributes)) if (!target.attributes[id as AttributeId]) emit({ type: "removeAttribute", attributeId: id as AttributeId });
  syncKeys(work, target, emit, "unpin");
}

const frameworkBody = (f: Record<string, unknown>) => {
  const { thresholds: _t, sourceTypes: _s, ...rest } = f;
  return rest;
};

function syncFrameworks(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [id, framework] of Object.entries(work.frameworks)) {
    const other = target.frameworks[id];
    if (!other || !sameJson(frameworkBody(framework), frameworkBody(other))) emit({ type: "removeFramework", frameworkId: id });
  }
  for (const [id, framework] of Object.entries(target.frameworks)) {
    const mine = work.frameworks[id];
    if (!mine) {
      emit({ type: "addFramework", framework });
      continue;
    }
    if (!sameJson(mine.thresholds, framework.thresholds)) emit({ type: "setThresholds", frameworkId: id, thresholds: framework.thresholds });
    if (!sameJson(mine.sourceTypes ?? [], framework.sourceTypes ?? [])) emit({ type: "setFrameworkSourceTypes", frameworkId: id, sourceTypes: framework.sourceTypes ?? [] });
  }
}

function syncAttributes(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [id, attribute] of Object.entries(target.attributes)) {
    const mine = work.attributes[id as AttributeId];
    if (!mine) {
      emit({ type: "addAttribute", attribute });
      continue;
    }
    const nameChanged = mine.name !== attribute.name;
    const choicesChanged = !sameJson(mine.choices, attribute.choices);
    if (nameChanged || choicesChanged) {
      emit({ type: "updateAttribute", attributeId: attribute.id, ...(nameChanged ? { name: attribute.name } : {}), ...(choicesChanged && attribute.choices ? { choices: attribute.choices } : {}) });
    }
  }
}

function addDocuments(work: ProjectState, target: ProjectState, emit: Emit): void {
  const orders: Record<string, number | null> = {};
  for (const [id, doc] of Object.entries(target.documents)) {
    const mine = work.documents[id as DocumentId];
    if (!mine) {
      emit({ type: "addDocument", document: doc });
      continue;
    }
    if (mine.title !== doc.title) emit({ type: "renameDocument", documentId: doc.id, title: doc.title });
    if (mine.order !== doc.order) orders[id] = doc.order ?? null;
  }
  if (Object.keys(orders).length) emit({ type: "orderDocuments", orders });
}

/** Parents before children, following the target's tree. */
function topological(codes: Record<string, Code>, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const parent = codes[id]?.parentId;
    if (parent && wanted.has(parent)) visit(parent);
    out.push(id);
  };
  for (const id of wanted) visit(id);
  return out;
}

/**
 * Codes: new ones (parents first, unpinned: keys are settled last), then moves (first to the top level,
 * then under their final parents, parents first, so no intermediate step makes a loop), then deletions
 * (the top of each deleted subtree; deleteCode takes the rest), then names, colours, links.
 */
function syncCodes(work: ProjectState, target: ProjectState, emit: Emit): void {
  const added = Object.keys(target.codes).filter((id) => !work.codes[id as CodeId]);
  for (const id of topological(target.codes, added)) {
    const { key: _key, ...code } = target.codes[id as CodeId]!;
    emit({ type: "addCode", code: code as Code });
  }
  const moved = Object.keys(target.codes).filter((id) => {
    const mine = work.codes[id as CodeId]!;
    const other = target.codes[id as CodeId]!;
    return mine.parentId !== other.parentId || mine.order !== other.order;
  });
  for (const id of moved) {
    const mine = work.codes[id as CodeId]!;
    const other = target.codes[id as CodeId]!;
    if (mine.parentId !== other.parentId && mine.parentId !== null) emit({ type: "moveCode", codeId: id as CodeId, parentId: null, order: other.order });
  }
  for (const id of topological(target.codes, moved)) {
    const mine = work.codes[id as CodeId]!;
    const other = target.codes[id as CodeId]!;
    if (mine.parentId !== other.parentId || mine.order !== other.order) emit({ type: "moveCode", codeId: id as CodeId, parentId: other.parentId, order: other.order });
  }
  const gone = new Set(Object.keys(work.codes).filter((id) => !target.codes[id as CodeId]));
  for (const id of gone) {
    const code = work.codes[id as CodeId];
    if (code && !(code.parentId && gone.has(code.parentId))) emit({ type: "deleteCode", codeId: id as CodeId });
  }
  for (const [id, other] of Object.entries(target.codes)) {
    const mine = work.codes[id as CodeId]!;
    const name = mine.name !== other.name;
    const color = mine.color !== other.color;
    const description = !sameJson(mine.description, other.description);
    if (name || color || description) {
      emit({ type: "updateCode", codeId: mine.id, ...(name ? { name: other.name } : {}), ...(color ? { color: other.color } : {}), ...(description ? { description: other.description } : {}) });
    }
    if (mine.indicatorId !== other.indicatorId) emit({ type: "linkCode", codeId: mine.id, indicatorId: other.indicatorId ?? null });
  }
}

/** Unpins keys that will move or go before anything else; pins keys last, when no other code holds them. */
function syncKeys(work: ProjectState, target: ProjectState, emit: Emit, phase: "unpin" | "pin"): void {
  for (const [id, code] of Object.entries(work.codes)) {
    const wanted = target.codes[id as CodeId]?.key;
    if (phase === "unpin" && code.key !== undefined && code.key !== wanted) emit({ type: "setCodeKey", codeId: code.id, key: null });
    if (phase === "pin" && wanted !== undefined && code.key !== wanted) emit({ type: "setCodeKey", codeId: code.id, key: wanted });
  }
}

/** Brings an ordered list of document ids to the target's, through the list's own add/remove operations. */
function syncList(current: readonly DocumentId[], wanted: readonly DocumentId[], remove: (id: DocumentId) => void, add: (id: DocumentId, index: number) => void): void {
  const keep = new Set(wanted);
  const list = current.filter((id) => {
    if (keep.has(id)) return true;
    remove(id);
    return false;
  });
  for (const [i, id] of wanted.entries()) {
    if (list[i] === id) continue;
    const at = list.indexOf(id);
    if (at >= 0) {
      remove(id);
      list.splice(at, 1);
    }
    add(id, i);
    list.splice(i, 0, id);
  }
}

function syncMembers(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [id, kase] of Object.entries(target.cases)) {
    const mine = work.cases[id as CaseId];
    if (!mine) {
      // Values are set at the end, with everyone else's (syncValues).
      const { attributes: _values, ...bare } = kase;
      emit({ type: "addCase", case: bare });
      continue;
    }
    if (mine.name !== kase.name) emit({ type: "renameCase", caseId: kase.id, name: kase.name });
    syncList(mine.documentIds, kase.documentIds, (documentId) => emit({ type: "unassignDocument", caseId: kase.id, documentId }), (documentId, index) => emit({ type: "assignDocument", caseId: kase.id, documentId, index }));
  }
  for (const [id, group] of Object.entries(target.documentGroups)) {
    const mine = work.documentGroups[id as DocumentGroupId];
    if (!mine) {
      emit({ type: "addDocumentGroup", group });
      continue;
    }
    if (mine.name !== group.name) emit({ type: "renameDocumentGroup", groupId: group.id, name: group.name });
    syncList(mine.documentIds, group.documentIds, (documentId) => emit({ type: "removeFromDocumentGroup", groupId: group.id, documentId }), (documentId, index) => emit({ type: "addToDocumentGroup", groupId: group.id, documentId, index }));
  }
}

function syncCodings(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [id, coding] of Object.entries(target.codings)) {
    const mine = work.codings[id as CodingId];
    if (!mine) {
      emit({ type: "addCoding", coding });
      continue;
    }
    if (mine === coding) continue;
    if (mine.codeId !== coding.codeId) emit({ type: "recodeCoding", codingId: coding.id, codeId: coding.codeId });
    if (mine.stance !== coding.stance) emit({ type: "setStance", codingId: coding.id, stance: coding.stance });
  }
}

function syncMemos(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [key, memo] of Object.entries(target.memos)) {
    const mine = work.memos[key];
    if (mine && mine.updatedAt === memo.updatedAt && mine.text === memo.text && sameJson(canonicalMemoContent(mine.content), memo.content)) continue;
    emit({ type: "setMemo", target: memo.target, content: memo.content, text: memo.text, updatedAt: memo.updatedAt });
  }
}

function syncOverrides(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [key, override] of Object.entries(target.overrides)) {
    if (sameJson(work.overrides[key], override)) continue;
    const bar = key.indexOf("|");
    const caseId = key.slice(0, bar) as CaseId;
    const indicatorId = key.slice(bar + 1);
    if (overrideKey(caseId, indicatorId) !== key) continue;
    emit({ type: "setOverride", caseId, indicatorId, override: { status: override.status, justification: override.justification }, at: override.at });
  }
}

function syncValues(work: ProjectState, target: ProjectState, emit: Emit): void {
  for (const [kind, area] of [["document", "documents"], ["case", "cases"]] as const) {
    for (const [id, holder] of Object.entries(target[area])) {
      const mine = (work[area] as Record<string, { attributes?: Record<string, unknown> }>)[id];
      for (const [attributeId, value] of Object.entries(holder.attributes ?? {})) {
        if (mine && sameJson(mine.attributes?.[attributeId], value)) continue;
        emit({ type: "setAttributeValue", target: { kind, id } as AttributeValueTarget, attributeId: attributeId as AttributeId, value: value as string | number });
      }
    }
  }
}
