import * as Y from "yjs";
import { applyOperation, batch, type Operation, type ProjectState } from "../../../shared/index.js";
import { TeamReplica, applyRemoteUpdate, canonicalProject } from "../../../shared/team/index.js";

/** A member as the app runs one: a local project (the truth), its replica, and the two directions of sync. */
export class Member {
  readonly replica: TeamReplica;
  /** Every pulled operation, for the property test to check none was refused. */
  pulled = 0;
  /** Pulls that read only the changed codings. */
  quickPulls = 0;
  private alternate = false;

  constructor(
    readonly name: string,
    public state: ProjectState,
    init?: { update?: Uint8Array; base?: ProjectState; clock?: () => string },
  ) {
    this.replica = new TeamReplica({ state, actor: name, contentHashes: hashes(state), ...(init?.update ? { update: init.update } : {}), ...(init?.base ? { base: init.base } : {}), ...(init?.clock ? { now: init.clock } : {}) });
  }

  /** A local operation: applied (durable, in the app), then committed to the replica. */
  apply(op: Operation): void {
    applyOperation(this.state, op);
    this.replica.commitLocal(this.state, hashes(this.state), op);
  }

  /** Remote changes are in the doc: apply what they mean locally, as one batch. */
  pull(): Operation[] {
    // Every local operation here is committed as it is applied (apply), so the members alternate
    // between saying so and not, which exercises both.
    this.alternate = !this.alternate;
    const ops = this.replica.pullRemote(this.state, { committed: this.alternate });
    if (ops.length) applyOperation(this.state, batch(ops));
    this.pulled += ops.length;
    if (this.replica.lastPull === "quick") this.quickPulls++;
    return ops;
  }

  canonical(): string {
    return canonicalProject(this.state);
  }
}

/** A stand-in content hash: the tests only need it stable per document. */
export function hashes(state: ProjectState): Record<string, string> {
  return Object.fromEntries(Object.keys(state.documents).map((id) => [id, `hash-${id}`]));
}

/** Two members meet: each sends what the other lacks (by state vector), then both pull. Returns the bytes exchanged. */
export function meet(a: Member, b: Member): number {
  const toB = Y.encodeStateAsUpdate(a.replica.doc, Y.encodeStateVector(b.replica.doc));
  const toA = Y.encodeStateAsUpdate(b.replica.doc, Y.encodeStateVector(a.replica.doc));
  applyRemoteUpdate(b.replica.doc, toB);
  applyRemoteUpdate(a.replica.doc, toA);
  a.pull();
  b.pull();
  return toA.byteLength + toB.byteLength;
}

/** A member joining from another's doc: an empty local project with the shared header, filled by one pull. */
export function join(name: string, from: Member, empty: ProjectState): Member {
  const member = new Member(name, empty, { update: Y.encodeStateAsUpdate(from.replica.doc) });
  member.pull();
  return member;
}
