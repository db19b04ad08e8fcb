import type { DocumentId } from "./model/ids.js";
import type { DocumentContent, ProjectState } from "./model/project.js";
import type { Operation } from "./ops/operation.js";

/**
 * What a project store does, whatever keeps it. `electron/store/` implements it on disk with lowdb
 * and an append-only journal; nothing else touches the files.
 */
export interface ProjectStore {
  /** The project folder. */
  readonly dir: string;
  /** The current state. Read it, never change it: every change goes through `apply`. */
  readonly state: ProjectState;
  /**
   * Applies an operation and resolves once it is durable on disk (a crash after that loses
   * nothing), with the inverse that undoes it. An invalid operation rejects and changes nothing.
   */
  apply(op: Operation): Promise<Operation>;
  /** Writes a document's immutable text and blocks, durably, before its addDocument is applied. */
  writeDocumentContent(id: DocumentId, content: DocumentContent): Promise<void>;
  readDocumentContent(id: DocumentId): Promise<DocumentContent>;
  /** Folds the journal into the snapshot, then releases the project's lock. */
  close(): Promise<void>;
}
