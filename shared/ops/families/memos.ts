import { TandaiError } from "../../errors.js";
import { memoKey, type Memo, type MemoTarget, type ProjectState } from "../../model/project.js";
import type { Handlers } from "../handler.js";
import type { Operation, OperationOf } from "../operation.js";

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

export function memoRestore(target: MemoTarget, memo: Memo | undefined): Operation {
  return memo
    ? { type: "setMemo", target, content: memo.content, text: memo.text, updatedAt: memo.updatedAt }
    : { type: "setMemo", target, content: null, text: "" };
}

/** Removes the memo on `target`, if any (its target is going), and returns what restores it. */
export function takeMemo(state: ProjectState, target: MemoTarget): Operation[] {
  const key = memoKey(target);
  const memo = state.memos[key];
  if (!memo) return [];
  delete state.memos[key];
  return [memoRestore(target, memo)];
}

export const memoHandlers: Handlers<"setMemo"> = {
  setMemo: (state, op, { now }) => setMemo(state, op, now),
};
