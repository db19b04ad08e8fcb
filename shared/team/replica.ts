import * as Y from "yjs";
import { TandaiError } from "../errors.js";
import type { DocumentId } from "../model/ids.js";
import { emptyProject, type ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { ConflictWatch } from "./conflicts.js";
import { operationsTo, shallowCopy } from "./diff.js";
import { CONTENT_HASH, DELETED, roots, type Roots } from "./layout.js";
import { materialize, readHeader } from "./read.js";
import { resolution } from "./resolve.js";
import { codingsTouchedBy } from "./touched.js";
import { REMOTE_ORIGIN, type MissingText, type TeamConflict, type TeamOrigin, type TeamResolution, type TeamStamp } from "./types.js";
import { writeDifferences } from "./write.js";

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
  /** The clock for `at` stamps (tests pass a fixed one). */
  now?: () => string;
}

const RESTORE_ORIGIN: TeamOrigin = Object.freeze({ kind: "restore" });

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
  /** The origin of this replica's own transactions (one object: Y compares origins by identity). */
  readonly origin: TeamOrigin;
  private readonly r: Roots;
  private readonly watch: ConflictWatch;
  private readonly clock: () => string;
  /** The project as of the last sync; owned (never the caller's object), updated in place by commitLocal. */
  private base: ProjectState;
  private hashes: Record<DocumentId, string>;

  constructor(init: TeamReplicaInit) {
    this.doc = new Y.Doc();
    this.actor = init.actor;
    this.origin = Object.freeze({ kind: "local", actor: init.actor });
    this.clock = init.now ?? (() => new Date().toISOString());
    this.r = roots(this.doc);
    this.watch = new ConflictWatch(this.r, (origin) => origin === this.origin, this.clock, this.actor);
    this.hashes = { ...init.contentHashes };
    if (init.update) {
      Y.applyUpdate(this.doc, init.update, RESTORE_ORIGIN);
      this.base = shallowCopy(init.base ?? init.state);
      // Changes made locally after the snapshot was written (a crash between the two) still go out.
      this.commitLocal(init.state, init.contentHashes);
    } else {
      this.base = emptyProject(init.state.id, init.state.name, init.state.createdAt);
      this.commitLocal(init.state, init.contentHashes);
    }
  }

  private stamp(): TeamStamp {
    return { by: this.actor, at: this.clock() };
  }

  /**
   * The local project changed (already applied and durable locally): write base→state differences into the doc.
   * `applied`, the operation (or its batch) applied since the last commit, is a hint that lets a coding
   * click look at one coding instead of all; without it every coding is compared.
   */
  commitLocal(state: ProjectState, contentHashes: Record<DocumentId, string>, applied?: Operation): void {
    Object.assign(this.hashes, contentHashes);
    const stamp = this.stamp();
    this.doc.transact(() => {
      this.watch.flush();
      writeDifferences(this.doc, this.r, this.base, state, this.hashes, stamp, applied ? codingsTouchedBy(applied) : null);
    }, this.origin);
  }

  /**
   * Remote updates have been applied to `doc`: the operations that bring `state` to what the doc
   * holds, to apply locally through applyOperation as ONE batch (wrap with `batch`); sets base to the
   * result. Changes in `state` not yet committed are committed first, so they are not undone.
   */
  pullRemote(state: ProjectState): Operation[] {
    this.commitLocal(state, {});
    const { state: target, restored } = materialize(this.r, this.doc, state);
    this.watch.restored(restored);
    this.doc.transact(() => this.watch.flush(), this.origin);
    const { ops, result } = operationsTo(state, target, this.clock());
    this.base = result;
    return ops;
  }

  /** What to persist beside the project (Y update + base) so a restart continues where it was. */
  snapshot(): { update: Uint8Array; base: ProjectState } {
    if (this.watch.pending.length) this.doc.transact(() => this.watch.flush(), this.origin);
    // A copy: the replica keeps bringing its own base up to date in place.
    return { update: Y.encodeStateAsUpdate(this.doc), base: shallowCopy(this.base) };
  }

  /** The unresolved conflicts, oldest first. */
  conflicts(): TeamConflict[] {
    if (this.watch.pending.length) this.doc.transact(() => this.watch.flush(), this.origin);
    return this.watch.list();
  }

  /** Marks a conflict resolved (in the doc) and returns the operations of the choice, to apply as one batch (then commitLocal). */
  resolve(conflictId: string, choice: TeamResolution): Operation[] {
    const conflict = this.conflicts().find((c) => c.id === conflictId);
    if (!conflict) throw new TandaiError("team.errors.unknownConflict", { id: conflictId });
    const ops = resolution(conflict, choice, this.base);
    this.doc.transact(() => {
      // Keeping a restored code or document makes the restoration permanent: it no longer hangs on the codings.
      if (conflict.kind === "deletedWhileCoded" && choice === "keep") {
        const map = conflict.subject.kind === "code" ? this.r.codes.get(conflict.subject.codeId) : conflict.subject.kind === "document" ? this.r.documents.get(conflict.subject.documentId) : undefined;
        map?.delete(DELETED);
      }
      this.watch.markResolved(conflict, this.stamp(), choice);
    }, this.origin);
    return ops;
  }

  /** Documents in the doc whose text this member lacks (not among `localDocumentIds`). */
  missingTexts(localDocumentIds: Iterable<DocumentId>): MissingText[] {
    const local = new Set(localDocumentIds);
    const used = new Set<string>();
    for (const coding of this.r.codings.values()) used.add(String(coding.documentId));
    const out: MissingText[] = [];
    for (const [id, map] of this.r.documents.entries()) {
      const hash = map.get(CONTENT_HASH);
      if (local.has(id as DocumentId) || typeof hash !== "string") continue;
      if (map.has(DELETED) && !used.has(id)) continue;
      out.push({ documentId: id as DocumentId, contentHash: hash });
    }
    return out;
  }
}

/** Applies an update received from the server (origin REMOTE_ORIGIN, so conflicts are detected). */
export function applyRemoteUpdate(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, REMOTE_ORIGIN);
}

/** The project's id, name and creation date in a synced doc (a joiner creates its empty local project from them). */
export function readProjectHeader(doc: Y.Doc): { id: ProjectState["id"]; name: string; createdAt: string } | undefined {
  return readHeader(roots(doc));
}

