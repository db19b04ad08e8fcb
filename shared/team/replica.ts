import * as Y from "yjs";
import type { DocumentId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { REMOTE_ORIGIN, type MissingText, type TeamConflict, type TeamOrigin, type TeamResolution } from "./types.js";

export interface TeamReplicaInit {
  /** The member's local project as it is now (durable in lowdb). */
  state: ProjectState;
  /** The member's name: the coder name of issue 12, written as `by` on everything they change. */
  actor: string;
  /** The state at the last sync, persisted beside the Y update (snapshot().base). */
  base?: ProjectState;
  /** The persisted Y update (snapshot().update), or the server's document for a joiner. */
  update?: Uint8Array;
  /** sha-256 hex of each document's content (text + blocks), computed by the caller. */
  contentHashes: Record<DocumentId, string>;
}

/**
 * One member's replica of a team project: a Y.Doc mirroring the project's entities, and the base
 * (the project as of the last sync) that tells "deleted here" from "added there".
 *
 * Local lowdb stays the source of truth: local changes go in through commitLocal (after they are
 * durable), remote changes come out of pullRemote as ordinary operations for applyOperation.
 */
export class TeamReplica {
  readonly doc: Y.Doc;
  readonly actor: string;

  constructor(init: TeamReplicaInit) {
    this.doc = new Y.Doc();
    this.actor = init.actor;
    throw new Error("not implemented yet");
  }

  /** The origin of this replica's own transactions. */
  get origin(): TeamOrigin {
    return { kind: "local", actor: this.actor };
  }

  /** The local project changed (already applied and durable locally): write base→state differences into the doc. */
  commitLocal(_state: ProjectState, _contentHashes: Record<DocumentId, string>): void {
    throw new Error("not implemented yet");
  }

  /**
   * Remote updates have been applied to `doc`: the operations that bring `state` to what the doc
   * holds, to apply locally through applyOperation as ONE batch (wrap with `batch`); sets base to the
   * result. Call commitLocal first if `state` has changes not yet committed.
   */
  pullRemote(_state: ProjectState): Operation[] {
    throw new Error("not implemented yet");
  }

  /** What to persist beside the project (Y update + base) so a restart continues where it was. */
  snapshot(): { update: Uint8Array; base: ProjectState } {
    throw new Error("not implemented yet");
  }

  /** The unresolved conflicts, oldest first. */
  conflicts(): TeamConflict[] {
    throw new Error("not implemented yet");
  }

  /** Marks a conflict resolved (in the doc) and returns the operations of the choice, to apply as one batch. */
  resolve(_conflictId: string, _choice: TeamResolution): Operation[] {
    throw new Error("not implemented yet");
  }

  /** Documents in the doc whose text this member lacks (not among `localDocumentIds`). */
  missingTexts(_localDocumentIds: Iterable<DocumentId>): MissingText[] {
    throw new Error("not implemented yet");
  }
}

/** Applies an update received from the server (origin REMOTE_ORIGIN, so conflicts are detected). */
export function applyRemoteUpdate(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, REMOTE_ORIGIN);
}
