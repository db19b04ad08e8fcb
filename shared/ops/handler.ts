import type { ProjectState } from "../model/project.js";
import type { Operation, OperationOf, OperationType } from "./operation.js";

/** What a handler may use besides its operation: the time to stamp, and applying a further operation. */
export interface ApplyContext {
  now: string;
  /** Applies another operation (a step of this one) and returns its inverse. */
  apply(op: Operation): Operation;
}

/**
 * Applies one kind of operation to `state` in place and returns the operation that undoes it; an
 * invalid operation throws a TandaiError before changing anything.
 */
export type Handler<T extends OperationType> = (state: ProjectState, op: OperationOf<T>, ctx: ApplyContext) => Operation;

/** One family's handlers, keyed by the operation types it owns. */
export type Handlers<T extends OperationType> = { [K in T]: Handler<K> };
