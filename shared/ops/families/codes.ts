import { TandaiError } from "../../errors.js";
import { findIndicator } from "../../frameworks/model.js";
import type { CodeId } from "../../model/ids.js";
import { memoKey, type Coding, type ProjectState } from "../../model/project.js";
import type { ApplyContext, Handlers } from "../handler.js";
import { batch, type Operation, type OperationOf } from "../operation.js";
import { requireCode, requireIndicator } from "../require.js";
import { removeCoding } from "./codings.js";
import { takeMemo } from "./memos.js";

export const codeHandlers: Handlers<"addCode" | "updateCode" | "moveCode" | "deleteCode" | "mergeCodes" | "linkCode" | "setCodeKey"> = {
  addCode: (state, op) => {
    if (state.codes[op.code.id]) throw new TandaiError("errors.op.duplicateId", { id: op.code.id });
    if (op.code.parentId) requireCode(state, op.code.parentId);
    state.codes[op.code.id] = op.code;
    return { type: "deleteCode", codeId: op.code.id };
  },
  updateCode: (state, op) => updateCode(state, op),
  moveCode: (state, op) => moveCode(state, op),
  deleteCode: (state, op) => deleteCode(state, op.codeId),
  mergeCodes: (state, op, ctx) => mergeCodes(state, op.sourceId, op.targetId, ctx),
  linkCode: (state, op) => {
    const found = requireCode(state, op.codeId);
    if (op.indicatorId !== null) requireIndicator(state, op.indicatorId);
    const { indicatorId: previous, ...rest } = found;
    // Unlinked codes carry no indicatorId key at all, so the file and undo stay clean.
    state.codes[found.id] = op.indicatorId === null ? rest : { ...rest, indicatorId: op.indicatorId };
    return { type: "linkCode", codeId: found.id, indicatorId: previous ?? null };
  },
  setCodeKey: (state, op) => setCodeKey(state, op),
};

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
function deleteCode(state: ProjectState, id: CodeId): Operation {
  requireCode(state, id);
  const subtree = [id, ...descendantIds(state, id)];
  const inSubtree = new Set<CodeId>(subtree);
  // Restored parents first, so that children find their parent again on undo.
  const restore: Operation[] = subtree.map((codeId) => ({ type: "addCode", code: state.codes[codeId]! }));
  for (const coding of Object.values(state.codings)) {
    if (inSubtree.has(coding.codeId)) restore.push(removeCoding(state, coding.id));
  }
  for (const codeId of subtree) {
    restore.push(...takeMemo(state, { kind: "code", id: codeId }));
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
function mergeCodes(state: ProjectState, sourceId: CodeId, targetId: CodeId, ctx: ApplyContext): Operation {
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
  return ctx.apply({ type: "batch", ops });
}

/** Joins two Tiptap documents ({type: "doc", content: [...]}) into one. */
function concatDocs(a: unknown, b: unknown): unknown {
  const blocks = (doc: unknown): unknown[] =>
    doc && typeof doc === "object" && Array.isArray((doc as { content?: unknown }).content)
      ? (doc as { content: unknown[] }).content
      : [];
  return { type: "doc", content: [...blocks(a), ...blocks(b)] };
}
