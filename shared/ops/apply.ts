import type { ProjectState } from "../model/project.js";
import { attributeHandlers } from "./families/attributes.js";
import { caseHandlers } from "./families/cases.js";
import { codeHandlers } from "./families/codes.js";
import { codingHandlers } from "./families/codings.js";
import { documentGroupHandlers } from "./families/documentGroups.js";
import { documentHandlers } from "./families/documents.js";
import { frameworkHandlers } from "./families/frameworks.js";
import { memoHandlers } from "./families/memos.js";
import type { ApplyContext, Handler, Handlers } from "./handler.js";
import type { Operation, OperationType } from "./operation.js";

export { descendantIds } from "./families/codes.js";

/**
 * Every operation kind and the handler that applies it: one family of operations a module under
 * families/, registered here. The type makes the table complete: a new kind without a handler does
 * not compile.
 */
const handlers: Handlers<OperationType> = {
  ...documentHandlers,
  ...codeHandlers,
  ...codingHandlers,
  ...memoHandlers,
  ...caseHandlers,
  ...frameworkHandlers,
  ...attributeHandlers,
  ...documentGroupHandlers,
  batch: (state, op, ctx) => {
    const inverses: Operation[] = [];
    try {
      for (const inner of op.ops) inverses.push(ctx.apply(inner));
    } catch (error) {
      // All or nothing: roll back what this batch already did.
      for (const inverse of inverses.reverse()) ctx.apply(inverse);
      throw error;
    }
    return { type: "batch", ops: inverses.reverse() };
  },
};

/**
 * Applies `op` to `state` in place and returns the operation that undoes it.
 *
 * In place, because a project holds up to 100k codings and copying them on every click would make
 * each operation O(project). The function does no I/O and depends on nothing but its arguments, so
 * the main process, the renderer's mirror of the state, the CLI and tests all get the same result.
 * An invalid operation throws a TandaiError and leaves the state untouched.
 */
export function applyOperation(state: ProjectState, op: Operation, now = new Date().toISOString()): Operation {
  const ctx: ApplyContext = { now, apply: (inner) => applyOperation(state, inner, now) };
  return (handlers[op.type] as Handler<typeof op.type>)(state, op, ctx);
}
