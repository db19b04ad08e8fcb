import type { DocumentId } from "../../../shared/model/ids.js";
import type { DocumentContent, ProjectState } from "../../../shared/model/project.js";
import type { Operation } from "../../../shared/ops/operation.js";

/**
 * What a sync needs of the open project: the disk store (the CLI) or the app's Backend, so remote
 * changes go through the same durable, journalled `apply` as any other operation.
 */
export interface SyncTarget {
  readonly dir: string;
  readonly state: ProjectState;
  /** Operations applied in the project's life (status counts those since the last sync). */
  readonly sequence: number;
  apply(op: Operation): Promise<Operation>;
  /**
   * Runs a sync's pull and apply while no other change is applied (the app's backend, where the
   * user codes on during a sync): the operations pulled are computed from the latest state.
   */
  exclusive?<T>(task: () => Promise<T>): Promise<T>;
  readDocumentContent(id: DocumentId): Promise<DocumentContent>;
  writeDocumentContent(id: DocumentId, content: DocumentContent): Promise<void>;
}

/** Runs `task` as the target's exclusive step when it offers one, else as it is. */
export function exclusively<T>(target: SyncTarget, task: () => Promise<T>): Promise<T> {
  return target.exclusive ? target.exclusive(task) : task();
}
